"""References for reference managers: CSL-JSON items, APA and Chicago through citeproc-py
(ГОСТ Р 7.0.100-2018 on the Russian pages, provenance/gost.py), RIS (rispy) and BibTeX
(bibtexparser) for a document, a quote, or a chairmanship's sources.

One CSL-JSON item per document is the single source; the other formats are derived from it.
A document's author is its speakers, else the institution that issued it.
"""

import hashlib
import json
from functools import cache as once
from html import escape
from pathlib import Path

import bibtexparser
import rispy
from bibtexparser.bibdatabase import BibDatabase
from bibtexparser.bwriter import BibTexWriter
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language

from cstokb.labels import choice_label
from documents.fragments import fragment_url
from documents.models import Document

from . import gost
from .annotations import of_presidency

REFERENCES_CACHE_SECONDS = 7 * 24 * 3600
CSL_DIR = Path(__file__).resolve().parent / "csl"
STYLES = {"apa": "APA", "chicago-author-date": "Chicago"}
MEDIA_TYPES = {
    "ris": "application/x-research-info-systems",
    "bib": "application/x-bibtex",
    "json": "application/vnd.citationstyles.csl+json",
}


def _person(name: str) -> dict:
    given, _, family = name.rpartition(" ")
    return {"family": family, "given": given} if given else {"literal": name}


def _authors(document: Document) -> list[dict]:
    speakers = [s.name for s in document.speakers.all()]
    if speakers:
        return [_person(name) for name in speakers]
    return [{"literal": document.publisher}] if document.publisher else []


def csl_item(request, document: Document, citation=None) -> dict:
    """A CSL-JSON item: the document, or (with `citation`) the document at one quote."""
    page = request.build_absolute_uri(document.get_absolute_url())
    url = document.source_url or page
    item = {
        "id": document.slug if citation is None else f"{document.slug}-{citation.pk}",
        # A statement or report, not an article: Zotero saves it as a report.
        "type": "report",
        "title": document.display_title,
        "author": _authors(document),
        "publisher": document.publisher,
        "URL": url,
        "language": document.language,
        "genre": choice_label(document, "kind"),
    }
    if document.date:
        item["issued"] = {
            "date-parts": [[document.date.year, document.date.month, document.date.day]]
        }
    if document.source_url:
        item["archive"] = "CSTO KB"
        item["archive_location"] = page
    if citation is not None:
        item["note"] = f"“{citation.quote}”"
        if citation.text_directive:
            item["URL"] = fragment_url(url, citation.text_directive)
    return {key: value for key, value in item.items() if value}


@once
def _style(name: str) -> CitationStylesStyle:
    # Parsing a style takes longer than formatting with it: once per process.
    return CitationStylesStyle(str(CSL_DIR / f"{name}.csl"), validate=False)


def _escaped(value):
    # citeproc-py's HTML formatter writes the data as it is: markup in a title must not run.
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: v if k == "id" else _escaped(v) for k, v in value.items()}
    return value


def formatted(items: list[dict]) -> dict[str, list[str]]:
    """Each style's bibliography entries as HTML (the data escaped first), in item order."""
    result = {}
    source = [_escaped(item) for item in items]
    for name, label in STYLES.items():
        bibliography = CitationStylesBibliography(
            _style(name), CiteProcJSON(source), formatter.html
        )
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        result[label] = [
            "".join(str(part) for part in entry) for entry in bibliography.bibliography()
        ]
    return result


def references(item: dict) -> dict[str, str]:
    """One item's entries in the styles of the reader's language: APA and Chicago on the
    English pages, ГОСТ Р 7.0.100-2018 (the Russian bibliographic standard) on the Russian.

    The APA and Chicago entries are cached under a digest of the item: citeproc-py takes about
    0.1 s per style and entry; the digest changes with the data, so an edit needs no
    invalidation. The ГОСТ entry is a string built at once, with today's date of access.
    """
    if get_language() == "ru":
        return {gost.LABEL: gost.reference(item, timezone.localdate())}
    digest = hashlib.sha256(json.dumps(item, sort_keys=True).encode()).hexdigest()
    key = f"csl-references:{digest}"
    found = cache.get(key)
    if found is None:
        found = {label: entries[0] for label, entries in formatted([item]).items()}
        cache.set(key, found, REFERENCES_CACHE_SECONDS)
    return found


def quote_references(document_item: dict, citation, entries: dict | None = None) -> dict[str, str]:
    """A quote's entries: its document's (`entries` when the caller has them already),
    pointing at the passage (a text-fragment URL).

    Every style prints the URL and no note, so the document's rendering with the URL swapped
    is what the quote's own item would give, at no cost per quote.
    """
    entries = references(document_item) if entries is None else entries
    if not citation.text_directive:
        return entries
    url = document_item["URL"]
    passage = fragment_url(url, citation.text_directive)
    return {label: html.replace(escape(url), escape(passage)) for label, html in entries.items()}


def _name(author: dict) -> str:
    return author.get("literal") or f"{author['family']}, {author['given']}"


def author_name(author: dict) -> str:
    """As written: "Sergey Lavrov", or the institution's name."""
    return author.get("literal") or f"{author['given']} {author['family']}"


def to_ris(items: list[dict]) -> str:
    entries = []
    for item in items:
        entry = {
            "type_of_reference": "RPRT",
            "id": item["id"],
            "title": item["title"],
            "authors": [_name(a) for a in item.get("author", [])],
            "publisher": item.get("publisher", ""),
            "urls": [item["URL"]],
            "language": item.get("language", ""),
            "type_of_work": item.get("genre", ""),
        }
        if "issued" in item:
            year, month, day = item["issued"]["date-parts"][0]
            entry["year"] = str(year)
            entry["date"] = f"{year:04d}/{month:02d}/{day:02d}"
        if "note" in item:
            entry["notes"] = [item["note"]]
        entries.append({k: v for k, v in entry.items() if v})
    return rispy.dumps(entries)


def _braced(text: str) -> str:
    # BibTeX's specials: a title keeps its capitals and an institution stays one name.
    return text.replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}")


def to_bibtex(items: list[dict]) -> str:
    database = BibDatabase()
    for item in items:
        authors = " and ".join(
            f"{{{_braced(a['literal'])}}}" if "literal" in a else _braced(_name(a))
            for a in item.get("author", [])
        )
        entry = {
            "ENTRYTYPE": "techreport",
            "ID": item["id"],
            "title": f"{{{_braced(item['title'])}}}",
            "author": authors,
            "institution": _braced(item.get("publisher", "")),
            "type": _braced(item.get("genre", "")),
            "url": item["URL"],
            "language": item.get("language", ""),
            "note": _braced(item.get("note", "")),
        }
        if "issued" in item:
            year, month, day = item["issued"]["date-parts"][0]
            entry["year"], entry["month"], entry["day"] = str(year), str(month), str(day)
        database.entries.append({k: v for k, v in entry.items() if v})
    writer = BibTexWriter()
    writer.order_entries_by = None  # the order given: newest first, as lists show them
    return bibtexparser.dumps(database, writer)


def presidency_sources(presidency):
    """The chairmanship's bibliography: its documents and every document quoted for it."""
    cited = of_presidency(presidency).values("document_id")
    return (
        Document.objects.filter(Q(presidency=presidency) | Q(pk__in=cited))
        .prefetch_related("speakers")
        .defer("text", "raw_text")
    )
