"""Storing an imported statement: the document, new officials, speakers and citations.

The admin's review form and `import_statement --save` both build an `ImportData` and call
`store()`, so the two store the same things.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext

from documents.models import Citation, Document, VersionRole, Work, text_fingerprint
from presidencies.models import Official, Position, Presidency, Summit, slugify_name


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


THEMES_NOTE = "Themes (proposed from the theme keywords, checked on import): "


def editorial_note(note: str, themes) -> str:
    """The document's editorial note: the editor's note, then the themes of the statement.

    A Document has no link to themes: it reaches them only through the priorities its
    citations back. The themes ticked in the review would be lost for a statement that
    backs no priority (or not all of them), so they are written into the editorial note,
    with the themes of the cited priorities, which the document is about whatever the
    boxes say. Nothing is filtered away: every candidate quote stays on offer.
    """
    parts = [note.strip()] if note.strip() else []
    names = sorted({t.name for t in themes})
    if names:
        parts.append(THEMES_NOTE + ", ".join(names) + ".")
    return "\n\n".join(parts)


@dataclass
class ImportData:
    title: str
    slug: str
    date: datetime.date | None
    kind: str
    publisher: str
    text: str
    raw_text: str
    source_url: str = ""  # the page it was fetched from
    language: str = "en"
    officials: list = field(default_factory=list)  # the speakers
    new_officials: list[str] = field(default_factory=list)  # created, and speakers
    new_mentioned: list[str] = field(default_factory=list)  # created, only mentioned
    posts: dict[str, str] = field(default_factory=dict)  # new official's name -> post
    new_presidency: dict | None = None  # chair, year, start_date, quote: created and linked
    # title, kind, city, date, quote, instruments, participants: created and linked
    new_summit: dict | None = None
    # of (the stored Document), role, translator, reason: the new document is made a
    # version of the stored one's work (created for the two if it has none).
    version: dict | None = None
    presidency: object | None = None
    summit: object | None = None
    citations: list[tuple[str, object]] = field(default_factory=list)  # (quote, priority)
    themes: list = field(default_factory=list)
    editorial_note: str = ""


def import_data_from(
    analysis,
    *,
    slug: str = "",
    create_people: bool = False,
    cite: bool = False,
    source_url: str = "",
    attach_work: bool = False,
    version_role: str = VersionRole.UNSTATED,
) -> ImportData:
    """What the review form proposes for `analysis`, saved unchanged.

    create_people: create the people not yet known (ticking every "Create as new official"
    box); those the text has speak become speakers. cite: cite every candidate quote for
    which a priority is proposed (ticking those "Cite" boxes). attach_work: make it a
    version (in `version_role`) of the work proposed for it, if one is. All are off in the form.
    """
    people = analysis.unknown_people if create_people else []
    return ImportData(
        title=analysis.title,
        slug=slug or propose_slug(analysis.title, analysis.date, analysis.kind, analysis.publisher),
        date=analysis.date,
        kind=analysis.kind,
        publisher=analysis.publisher,
        text=analysis.text,
        raw_text=analysis.raw,
        source_url=source_url,
        language=analysis.language,
        officials=list(analysis.officials),
        new_officials=[n for n in people if n in analysis.unknown_speakers],
        new_mentioned=[n for n in people if n not in analysis.unknown_speakers],
        posts={n: analysis.posts[n] for n in people if analysis.posts.get(n)},
        presidency=analysis.presidency,
        summit=analysis.summit,
        citations=[(c.quote, c.priority) for c in analysis.priorities if cite and c.priority],
        themes=[h.theme for h in analysis.themes],
        editorial_note=" ".join(analysis.notes),
        version=(
            {
                "of": analysis.proposed_work.document,
                "role": version_role,
                "translator": "",
                "reason": analysis.proposed_work.reason,
            }
            if attach_work and analysis.proposed_work
            else None
        ),
    )


def already_stored(existing: Document) -> str:
    return gettext("This text is already stored as %(slug)s.") % {"slug": existing.slug}


def store(data: ImportData) -> Document:
    """Create everything in one transaction; ValidationError leaves the database untouched."""
    try:
        return _store(data)
    except IntegrityError:
        # Another editor stored the same text or slug meanwhile.
        raise ValidationError(
            gettext("The document could not be stored: its text or slug was stored meanwhile.")
        ) from None


def _new_official(name: str, post: str = "") -> Official:
    official = Official(name=name, slug=_unique(Official, slugify_name(name), 150))
    official.full_clean()
    official.save()
    if post:
        position = Position(official=official, title=post[:200])
        position.full_clean()
        position.save()
    return official


def _new_presidency(proposal: dict) -> Presidency:
    chair, year = proposal["chair"], proposal["year"]
    presidency = Presidency(
        chair=chair,
        year=year,
        slug=Presidency.slug_for(chair, year),
        start_date=proposal.get("start_date"),
        # Chairmanships are annual: without an end it would be taken as still in office.
        end_date=datetime.date(year, 12, 31),
        editorial_note="Created on import from a statement that states it: "
        f"“{proposal.get('quote', '')}”. The end date is the end of its year (assumed).",
    )
    presidency.full_clean()
    presidency.save()
    return presidency


def _new_summit(proposal: dict, presidency) -> Summit:
    day = proposal["date"]
    if presidency is not None and not presidency.covers(day):
        presidency = None  # the document's chairmanship, only if the meeting falls in it
    summit = Summit(
        kind=proposal["kind"],
        title=proposal["title"],
        slug=_unique(
            Summit, slugify(f"{proposal['kind']} {day.isoformat()} {proposal['city']}"), 150
        ),
        date=day,
        city=proposal["city"],
        status=Summit.Status.HELD,
        presidency=presidency,
        editorial_note="Created on import from a statement that states it: "
        f"“{proposal.get('quote', '')}”.",
    )
    summit.full_clean()
    summit.save()
    summit.participants.set(proposal.get("participants", []))
    return summit


def _work_of(version: dict, language: str) -> Work:
    """The stored document's work, or a new one grouping it with the new document."""
    # Locked, so that two imports of versions of one text do not each make it a work; only
    # the document's row (PostgreSQL refuses FOR UPDATE on the nullable side of a join).
    stored = (
        Document.objects.select_for_update(of=("self",))
        .select_related("work")
        .get(pk=version["of"].pk)
    )
    if stored.work is not None:
        return stored.work
    title = stored.title or stored.display_title
    work = Work(
        slug=_unique(Work, slugify_name(title)[:150].strip("-") or "work", 200),
        title=title,
        original_language=language if version["role"] == VersionRole.ORIGINAL else "",
        editorial_note="Grouped on import, as the importer proposed it: "
        f"{version['reason'] or 'a version of ' + stored.slug}.",
    )
    work.full_clean()
    work.save()
    stored.work = work
    stored.full_clean()
    stored.save()
    return work


def _attest(document: Document, quotes, **target) -> None:
    """Cite each quote that stands in the document's text as attesting `target`."""
    for quote in dict.fromkeys(q for q in quotes if q):
        if quote in document.text:
            citation = Citation(
                document=document, quote=quote, role=Citation.Role.ATTESTS, **target
            )
            citation.full_clean()
            citation.save()


def _store(data: ImportData) -> Document:
    with transaction.atomic():
        existing = duplicate_of(data.text)
        if existing:
            raise ValidationError({"text": already_stored(existing)})
        themes = [*data.themes, *(p.theme for _q, p in data.citations if p is not None)]
        document = Document(
            slug=data.slug or propose_slug(data.title, data.date, data.kind, data.publisher),
            kind=data.kind,
            title=data.title,
            date=data.date,
            publisher=data.publisher,
            source_url=data.source_url,
            language=data.language,
            text=data.text,
            raw_text=data.raw_text,
            presidency=data.presidency,
            summit=data.summit,
            editorial_note=editorial_note(data.editorial_note, themes),
        )
        if data.new_presidency:
            document.presidency = _new_presidency(data.new_presidency)
        if data.new_summit:
            document.summit = _new_summit(data.new_summit, document.presidency)
        if data.version:
            document.work = _work_of(data.version, data.language)
            document.version_role = data.version["role"]
            document.translator = data.version["translator"]
        document.full_clean()
        document.save()
        if data.new_summit:
            meeting = data.new_summit
            _attest(
                document,
                [meeting.get("quote", ""), *meeting.get("instruments", [])],
                summit=document.summit,
            )
        if data.new_presidency:
            _attest(
                document, [data.new_presidency.get("quote", "")], presidency=document.presidency
            )
        speakers = list(data.officials)
        speakers += [_new_official(n, data.posts.get(n, "")) for n in data.new_officials]
        for name in data.new_mentioned:
            _new_official(name, data.posts.get(name, ""))
        document.speakers.set(speakers)
        errors = []
        for number, (quote, priority) in enumerate(data.citations, start=1):
            citation = Citation(document=document, quote=quote, priority=priority)
            try:
                citation.full_clean()
            except ValidationError as exc:
                errors.append(
                    gettext("Quote %(number)s: %(errors)s")
                    % {"number": number, "errors": "; ".join(exc.messages)}
                )
                continue
            citation.save()
        if errors:
            raise ValidationError({"citations": errors})
    return document
