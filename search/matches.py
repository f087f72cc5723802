"""Every match of a query, with what the facets count, in one SQL query per kind of result.

The backend supplies the full-text part (ids and ranks); these queries join the attributes
the facets need: kind, date, chairmanship and the speakers (of a document, or of the
documents a priority's quotes come from).
"""

# ruff: noqa: S608 - table names come from the models; the query's words are bound.

from documents.models import Document
from presidencies.models import Priority

from .facets import PRIORITY, Candidate
from .query import ParsedQuery


def _year_of(value) -> int | None:
    # SQLite returns dates as text through a raw cursor, PostgreSQL as date objects.
    return int(str(value)[:4]) if value else None


def document_candidates(connection, backend, query: ParsedQuery) -> list[Candidate]:
    match_sql, params = backend.matches("document", query)
    speakers = Document.speakers.through._meta.db_table
    sql = f"""
        SELECT m.id, m.rank, d.kind, d.date, pr.slug, pr.year, st.name, o.slug, o.name
        FROM ({match_sql}) m
        JOIN {Document._meta.db_table} d ON d.id = m.id
        LEFT JOIN presidencies_presidency pr ON pr.id = d.presidency_id
        LEFT JOIN presidencies_memberstate st ON st.id = pr.chair_id
        LEFT JOIN {speakers} ds ON ds.document_id = d.id
        LEFT JOIN presidencies_official o ON o.id = ds.official_id"""
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


def priority_candidates(connection, backend, query: ParsedQuery) -> list[Candidate]:
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
        LEFT JOIN presidencies_official o ON o.id = ps.official_id"""
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
