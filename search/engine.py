"""One search API for both databases: `search(q, kind=, presidency=, year=, speaker=, page=)`.

A search request runs a fixed number of queries whatever the size of the knowledge base:
one that counts every facet over the candidates in SQL (GROUP BY) and, over the same
filtered candidates, ranks them and returns only the page shown (ORDER BY rank LIMIT);
then, for that page only, one query per kind to load the objects and one for their
highlighted snippets. The candidates are at most MAX_CANDIDATES matches, the best first
(search/matches.py); past that, or when a phrase was checked on part of the documents
holding its words, the total is a lower bound ("at least"). No query returns every match
to Python.
"""

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from django.db import DEFAULT_DB_ALIAS, connections
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from cstokb.labels import choice_label
from documents.models import Document
from presidencies.models import Priority

from . import highlight, matches
from .backends import backend_for
from .facets import KIND_LABELS, PRIORITY, Candidate, FacetValue, build_facets
from .matches import search_rows
from .query import ParsedQuery, QueryError, parse

PER_PAGE = 20
MAX_PAGE = 10_000
SLUG = re.compile(r"^[-a-z0-9]{1,150}$")


class InvalidPage(QueryError):
    """The page number is past the last page of results."""


@dataclass(frozen=True)
class Hit:
    type: str  # "document" or "priority"
    id: int
    slug: str | None  # documents only; a priority is known by its id
    title: str
    title_html: SafeString
    url: str
    snippet: SafeString
    rank: float
    date: date | None
    kind: str
    kind_label: str
    presidency: str | None
    presidency_label: str
    paragraph: int | None
    speakers: tuple[tuple[str, str], ...]
    theme: str = ""


@dataclass
class SearchResults:
    query: ParsedQuery
    filters: dict
    hits: list[Hit]
    total: int
    page: int
    per_page: int
    facets: dict[str, list[FacetValue]]
    counts: dict[str, int]
    # False when more than `total` results may match: only the first MAX_CANDIDATES are
    # read, counted in the facets and reachable by page, or only some of the documents that
    # may match a phrase were checked (search/backends.py); `total` is then a lower bound.
    total_exact: bool = True
    # False when a facet was counted over such a part: each count is then a lower bound.
    facets_exact: bool = True

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def start_index(self) -> int:
        return (self.page - 1) * self.per_page + 1 if self.total else 0

    @property
    def end_index(self) -> int:
        return min(self.page * self.per_page, self.total)


# --- Parameters ---------------------------------------------------------------------------


def clean_params(data: Mapping) -> dict:
    """Typed search() arguments from request parameters; QueryError names the bad one."""

    def text(name: str) -> str | None:
        value = data.get(name)
        return value.strip() if isinstance(value, str) and value.strip() else None

    params: dict = {"query": data.get("q") or ""}
    kind = text("kind")
    if kind is not None and kind not in KIND_LABELS:
        message = _("Unknown kind “%(kind)s”.") % {"kind": kind[:40]}
        raise QueryError("invalid_kind", message, field="kind")
    params["kind"] = kind
    for name, message in (
        ("presidency", _("Not a valid chairmanship.")),
        ("speaker", _("Not a valid speaker.")),
    ):
        value = text(name)
        if value is not None and not SLUG.match(value):
            raise QueryError(f"invalid_{name}", str(message), field=name)
        params[name] = value
    year = text("year")
    if year is not None:
        if not (year.isascii() and year.isdigit() and len(year) == 4):
            raise QueryError("invalid_year", _("The year must have four digits."), field="year")
        params["year"] = int(year)
    else:
        params["year"] = None
    page = text("page") or "1"
    if not (page.isascii() and page.isdigit()) or not 1 <= int(page) <= MAX_PAGE:
        raise QueryError("invalid_page", _("The page must be a positive number."), field="page")
    params["page"] = int(page)
    return params


# --- Hits ---------------------------------------------------------------------------------


def _document_hit(doc: Document, candidate: Candidate, marks: tuple[str, str] | None) -> Hit:
    title_marked, snippet_marked = marks or ("", "")
    paragraph = highlight.paragraph_number(doc.paragraphs(), snippet_marked)
    url = doc.get_absolute_url() + (f"#p-{paragraph}" if paragraph else "")
    return Hit(
        type="document",
        id=doc.pk,
        slug=doc.slug,
        title=doc.display_title,
        title_html=highlight.to_html(title_marked) if doc.title else escape(doc.display_title),
        url=url,
        snippet=highlight.to_html(snippet_marked),
        rank=round(candidate.rank, 6),
        date=doc.date,
        kind=doc.kind,
        kind_label=choice_label(doc, "kind"),
        presidency=candidate.presidency,
        presidency_label=candidate.presidency_label,
        paragraph=paragraph,
        speakers=tuple(sorted(candidate.speakers.items(), key=lambda s: s[1])),
    )


def _priority_hit(priority: Priority, candidate: Candidate, marks: tuple[str, str] | None) -> Hit:
    title_marked, snippet_marked = marks or ("", "")
    return Hit(
        type=PRIORITY,
        id=priority.pk,
        slug=None,
        title=priority.title,
        title_html=highlight.to_html(title_marked) if title_marked else escape(priority.title),
        url=priority.get_absolute_url(),
        snippet=highlight.to_html(snippet_marked),
        rank=round(candidate.rank, 6),
        date=None,
        kind=PRIORITY,
        kind_label=KIND_LABELS[PRIORITY],
        presidency=candidate.presidency,
        presidency_label=candidate.presidency_label,
        paragraph=None,
        speakers=tuple(sorted(candidate.speakers.items(), key=lambda s: s[1])),
        theme=priority.theme.name,
    )


def _hits(connection, backend, query, page_candidates: list[Candidate]) -> list[Hit]:
    doc_ids = [c.id for c in page_candidates if c.type == "document"]
    priority_ids = [c.id for c in page_candidates if c.type == PRIORITY]
    documents: dict[int, Document] = {}
    priorities: dict[int, Priority] = {}
    doc_marks: dict = {}
    priority_marks: dict = {}
    if doc_ids:
        # The chairmanship is shown on every row; raw_text is never shown.
        documents = Document.objects.select_related("presidency__chair").defer("raw_text")
        documents = documents.in_bulk(doc_ids)
        doc_marks = backend.highlights(connection, "document", query, doc_ids)
    if priority_ids:
        # get_absolute_url() needs the chairmanship; the theme is shown.
        priorities = Priority.objects.select_related("presidency__chair", "theme")
        priorities = priorities.in_bulk(priority_ids)
        priority_marks = backend.highlights(connection, PRIORITY, query, priority_ids)
    hits = []
    for c in page_candidates:
        if c.type == "document" and c.id in documents:
            hits.append(_document_hit(documents[c.id], c, doc_marks.get(c.id)))
        elif c.type == PRIORITY and c.id in priorities:
            hits.append(_priority_hit(priorities[c.id], c, priority_marks.get(c.id)))
    return hits


# --- Entry point --------------------------------------------------------------------------


def search(
    query: str,
    *,
    kind: str | None = None,
    presidency: str | None = None,
    year: int | None = None,
    speaker: str | None = None,
    page: int = 1,
    per_page: int = PER_PAGE,
    using: str = DEFAULT_DB_ALIAS,
) -> SearchResults:
    """Ranked, faceted, highlighted results for `query`; QueryError when it cannot be run."""
    parsed = parse(query)
    connection = connections[using]
    backend = backend_for(connection)
    filters = {"kind": kind, "presidency": presidency, "year": year, "speaker": speaker}

    # Both kinds are matched even when one is filtered out: the facets count the other.
    # Best first; equal ranks keep a stable order (priorities, then by id).
    start = (page - 1) * per_page
    rows, page_results = search_rows(connection, backend, parsed, filters, per_page, start)
    counts = {value: count for facet, value, _label, _order, count in rows if facet == "type"}
    partial = {value: bool(count) for facet, value, _label, _order, count in rows
               if facet == "partial"}  # fmt: skip
    total = min(int(sum(counts.values())), matches.MAX_CANDIDATES)
    if page > max(1, math.ceil(total / per_page)):
        raise InvalidPage("invalid_page", _("There is no such page of results."), field="page")
    hits = _hits(connection, backend, parsed, page_results)
    return SearchResults(
        query=parsed,
        filters=filters,
        hits=hits,
        total=total,
        page=page,
        per_page=per_page,
        facets=build_facets(rows, filters),
        counts=counts,
        total_exact=not partial.get(""),
        facets_exact=not any(partial.values()),
    )
