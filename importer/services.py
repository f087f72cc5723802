"""Storing an imported statement: the document, new officials, speakers and citations."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify

from documents.models import Citation, Document, text_fingerprint
from presidencies.models import Official, slugify_name


def duplicate_of(text: str) -> Document | None:
    fingerprint = text_fingerprint(text)
    if not fingerprint:
        return None
    return Document.objects.filter(text_hash=fingerprint).first()


def _unique(model, base: str, max_length: int) -> str:
    base = (base or "document")[:max_length].strip("-") or "document"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        suffix = f"-{n}"
        slug = base[: max_length - len(suffix)].strip("-") + suffix
        n += 1
    return slug


def propose_slug(title: str, date: datetime.date | None, kind: str, publisher: str) -> str:
    if title:
        base = slugify_name(title)[:120].strip("-")
        if date and date.isoformat() not in base:
            base = f"{base}-{date.isoformat()}"
    else:
        base = slugify(f"{publisher or kind} {date.isoformat() if date else 'undated'}")
    return _unique(Document, base, 200)


@dataclass
class ImportData:
    title: str
    slug: str
    date: datetime.date | None
    kind: str
    publisher: str
    text: str
    raw_text: str
    officials: list = field(default_factory=list)
    new_officials: list[str] = field(default_factory=list)
    presidency: object | None = None
    summit: object | None = None
    citations: list[tuple[str, object]] = field(default_factory=list)  # (quote, priority)


def store(data: ImportData) -> Document:
    """Create everything in one transaction; ValidationError leaves the database untouched."""
    try:
        return _store(data)
    except IntegrityError:
        # Another editor stored the same text or slug meanwhile.
        raise ValidationError(
            "The document could not be stored: its text or slug was stored meanwhile."
        ) from None


def _store(data: ImportData) -> Document:
    with transaction.atomic():
        existing = duplicate_of(data.text)
        if existing:
            raise ValidationError({"text": f"This text is already stored as {existing.slug}."})
        document = Document(
            slug=data.slug or propose_slug(data.title, data.date, data.kind, data.publisher),
            kind=data.kind,
            title=data.title,
            date=data.date,
            publisher=data.publisher,
            text=data.text,
            raw_text=data.raw_text,
            presidency=data.presidency,
            summit=data.summit,
        )
        document.full_clean()
        document.save()
        speakers = list(data.officials)
        for name in data.new_officials:
            official = Official(name=name, slug=_unique(Official, slugify_name(name), 150))
            official.full_clean()
            official.save()
            speakers.append(official)
        document.speakers.set(speakers)
        errors = []
        for number, (quote, priority) in enumerate(data.citations, start=1):
            citation = Citation(document=document, quote=quote, priority=priority)
            try:
                citation.full_clean()
            except ValidationError as exc:
                errors.append(f"Quote {number}: " + "; ".join(exc.messages))
                continue
            citation.save()
        if errors:
            raise ValidationError({"citations": errors})
    return document
