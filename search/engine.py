"""One search API for both databases: `search(q, kind=, presidency=, year=, speaker=, page=)`.

A search request runs a fixed number of queries whatever the size of the knowledge base:
one per kind of result (documents, priorities) that returns every match with its rank and
the attributes the facets count (kind, chairmanship, year, speakers); then, for the page
shown only, one query per kind to load the objects and one for their highlighted snippets.
Facets are counted in Python over the matches: the knowledge base has hundreds of
documents, not millions, and it keeps the counts identical on both databases.
"""

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from django.db import DEFAULT_DB_ALIAS, connections
from django.utils.html import escape
from django.utils.safestring import SafeString

from documents.models import Document, DocumentKind
from presidencies.models import Priority

from . import highlight
from .backends import backend_for
from .query import ParsedQuery, QueryError, parse

PER_PAGE = 20
MAX_PAGE = 10_000
PRIORITY = "priority"
FACETS = ("kind", "presidency", "year", "speaker")
SLUG = re.compile(r"^[-a-z0-9]{1,150}$")


class InvalidPage(QueryError):
    """The page number is past the last page of results."""


@dataclass
class Candidate:
    """A match with what the facets count; the page's objects are loaded only later."""

    type: str
    id: int
    rank: float
    kind: str
    year: int | None
    presidency: str | None = None
    presidency_label: str = ""
    presidency_year: int | None = None
    speakers: dict[str, str] = field(default_factory=dict)

    def value(self, facet: str):
        return {
            "kind": self.kind,
            "presidency": self.presidency,
            "year": self.year,
            "speaker": None,
        }[facet]

    def passes(self, filters: Mapping, skip: str | None = None) -> bool:
        for name, wanted in filters.items():
            if wanted is None or name == skip:
                continue
            if name == "speaker":
                if wanted not in self.speakers:
                    return False
            elif self.value(name) != wanted:
                return False
        return True


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


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

KIND_LABELS = {**dict(DocumentKind.choices), PRIORITY: "Priority"}


def clean_params(data: Mapping) -> dict:
    """Typed search() arguments from request parameters; QueryError names the bad one."""

    def text(name: str) -> str | None:
        value = data.get(name)
        return value.strip() if isinstance(value, str) and value.strip() else None

    params: dict = {"query": data.get("q") or ""}
    kind = text("kind")
    if kind is not None and kind not in KIND_LABELS:
        raise QueryError("invalid_kind", f"Unknown kind “{kind[:40]}”.", field="kind")
    params["kind"] = kind
    for name, label in (("presidency", "chairmanship"), ("speaker", "speaker")):
        value = text(name)
        if value is not None and not SLUG.match(value):
            raise QueryError(f"invalid_{name}", f"Not a valid {label}.", field=name)
        params[name] = value
    year = text("year")
    if year is not None:
        if not (year.isascii() and year.isdigit() and len(year) == 4):
            raise QueryError("invalid_year", "The year must have four digits.", field="year")
        params["year"] = int(year)
    else:
        params["year"] = None
    page = text("page") or "1"
    if not (page.isascii() and page.isdigit()) or not 1 <= int(page) <= MAX_PAGE:
        raise QueryError("invalid_page", "The page must be a positive number.", field="page")
    params["page"] = int(page)
    return params


# --- Matching -----------------------------------------------------------------------------


def _year_of(value) -> int | None:
    # SQLite returns dates as text through a raw cursor, PostgreSQL as date objects.
    return int(str(value)[:4]) if value else None


def _document_candidates(connection, backend, query: ParsedQuery) -> list[Candidate]:
    match_sql, params = backend.matches("document", query)
    speakers = Document.speakers.through._meta.db_table
    sql = f"""
        SELECT m.id, m.rank, d.kind, d.date, pr.slug, pr.year, st.name, o.slug, o.name
        FROM ({match_sql}) m
        JOIN {Document._meta.db_table} d ON d.id = m.id
        LEFT JOIN presidencies_presidency pr ON pr.id = d.presidency_id
        LEFT JOIN presidencies_memberstate st ON st.id = pr.chair_id
        LEFT JOIN {speakers} ds ON ds.document_id = d.id
        LEFT JOIN presidencies_official o ON o.id = ds.official_id"""  # noqa: S608 - table names
    found: dict[int, Candidate] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for pk, rank, kind, day, p_slug, p_year, chair, o_slug, o_name in cursor.fetchall():
            candidate = found.get(pk)
            if candidate is None:
                # Undated documents count under their chairmanship's year.
                candidate = found[pk] = Candidate(
                    type="document",
                    id=pk,
                    rank=float(rank),
                    kind=kind,
                    year=_year_of(day) or p_year,
                    presidency=p_slug,
                    presidency_label=f"{chair} {p_year}" if p_slug else "",
                    presidency_year=p_year,
                )
            if o_slug:
                candidate.speakers[o_slug] = o_name
    return list(found.values())


def _priority_candidates(connection, backend, query: ParsedQuery) -> list[Candidate]:
    match_sql, params = backend.matches("priority", query)
    speakers = Document.speakers.through._meta.db_table
    # A priority's speakers: the officials speaking in the documents its quotes come from.
    sql = f"""
        SELECT m.id, m.rank, pr.slug, pr.year, st.name, o.slug, o.name
        FROM ({match_sql}) m
        JOIN {Priority._meta.db_table} p ON p.id = m.id
        JOIN presidencies_presidency pr ON pr.id = p.presidency_id
        JOIN presidencies_memberstate st ON st.id = pr.chair_id
        LEFT JOIN (
            SELECT DISTINCT c.priority_id, ds.official_id
            FROM documents_citation c JOIN {speakers} ds ON ds.document_id = c.document_id
        ) ps ON ps.priority_id = p.id
        LEFT JOIN presidencies_official o ON o.id = ps.official_id"""  # noqa: S608 - table names
    found: dict[int, Candidate] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for pk, rank, p_slug, p_year, chair, o_slug, o_name in cursor.fetchall():
            candidate = found.get(pk)
            if candidate is None:
                candidate = found[pk] = Candidate(
                    type=PRIORITY,
                    id=pk,
                    rank=float(rank),
                    kind=PRIORITY,
                    year=p_year,
                    presidency=p_slug,
                    presidency_label=f"{chair} {p_year}",
                    presidency_year=p_year,
                )
            if o_slug:
                candidate.speakers[o_slug] = o_name
    return list(found.values())


# --- Facets -------------------------------------------------------------------------------


def _facets(candidates: list[Candidate], filters: dict) -> dict[str, list[FacetValue]]:
    """Counts per facet value over the matches that pass the *other* filters.

    Counting each facet without its own filter keeps the alternatives visible: after
    choosing Russia 2026, the other chairmanships still show how many results they have.
    """
    facets: dict[str, list[FacetValue]] = {}
    for name in FACETS:
        counts: Counter = Counter()
        labels: dict = {}
        order: dict = {}
        for c in candidates:
            if not c.passes(filters, skip=name):
                continue
            if name == "speaker":
                for slug, label in c.speakers.items():
                    counts[slug] += 1
                    labels[slug] = label
                continue
            value = c.value(name)
            if value is None:
                continue
            counts[value] += 1
            if name == "kind":
                labels[value] = KIND_LABELS.get(value, value)
            elif name == "presidency":
                labels[value] = c.presidency_label
                order[value] = c.presidency_year or 0
            else:
                labels[value] = str(value)
        selected = filters.get(name)
        if selected is not None and selected not in counts:
            counts[selected] = 0
            labels.setdefault(selected, KIND_LABELS.get(selected, str(selected)))
        if name == "presidency":
            ordered = sorted(counts, key=lambda v: -(order.get(v) or 0))  # newest first
        elif name == "year":
            ordered = sorted(counts, reverse=True)
        else:
            ordered = sorted(counts, key=lambda v: (-counts[v], labels[v]))  # noqa: B023
        facets[name] = [FacetValue(str(v), labels[v], counts[v], v == selected) for v in ordered]
    return facets


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
        kind_label=doc.get_kind_display(),
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
    candidates = _document_candidates(connection, backend, parsed)
    candidates += _priority_candidates(connection, backend, parsed)
    results = [c for c in candidates if c.passes(filters)]
    # Best first; equal ranks keep a stable order (priorities, then by id).
    results.sort(key=lambda c: (-c.rank, c.type != PRIORITY, c.id))

    total = len(results)
    if page > max(1, math.ceil(total / per_page)):
        raise InvalidPage("invalid_page", "There is no such page of results.", field="page")
    start = (page - 1) * per_page
    hits = _hits(connection, backend, parsed, results[start : start + per_page])
    return SearchResults(
        query=parsed,
        filters=filters,
        hits=hits,
        total=total,
        page=page,
        per_page=per_page,
        facets=_facets(candidates, filters),
        counts=dict(Counter(c.type for c in results)),
    )
