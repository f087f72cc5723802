"""The matches of a query in SQL: facet counts over all of them, and one ranked page.

The backend supplies the full-text part (ids, and ranks for the page); these queries join
the attributes the facets need: kind, year, chairmanship and the speakers (of a document,
or of the documents a priority's quotes come from). Whatever the number of matches, a
search runs two queries here, and only the page's rows come back to Python:
- `facet_counts`: every facet's counts (GROUP BY), each without its own filter, and the
  number of results per type with all filters; no rank is computed;
- `page_candidates`: the filtered matches ranked, ordered and cut to one page in SQL.
"""

# ruff: noqa: S608 - table names come from the models; the query's words are bound.

from documents.models import Document
from presidencies.models import Priority

from .facets import FACETS, PRIORITY, Candidate
from .query import ParsedQuery

SPEAKERS = Document.speakers.through._meta.db_table
PRIORITIES = Priority._meta.db_table


def _matches_sql(backend, query: ParsedQuery, ranked: bool) -> tuple[str, list]:
    """Rows (type, id, kind, year, presidency, chair, presidency_year[, rank]) of all matches."""
    doc_sql, doc_params = backend.matches(
        "document", query, ranked=ranked, columns=("kind", "date", "presidency_id")
    )
    pri_sql, pri_params = backend.matches("priority", query, ranked=ranked)
    rank = ", m.rank AS rank" if ranked else ""
    # Undated documents count under their chairmanship's year.
    sql = f"""
        SELECT 'document' AS type, m.id AS id, m.kind AS kind,
            COALESCE({backend.year("m.date")}, pr.year) AS year, pr.slug AS presidency,
            st.name AS chair, pr.year AS presidency_year{rank}
        FROM ({doc_sql}) m
        LEFT JOIN presidencies_presidency pr ON pr.id = m.presidency_id
        LEFT JOIN presidencies_memberstate st ON st.id = pr.chair_id
        UNION ALL
        SELECT 'priority', p.id, 'priority', pr.year, pr.slug, st.name, pr.year{rank}
        FROM ({pri_sql}) m
        JOIN {PRIORITIES} p ON p.id = m.id
        JOIN presidencies_presidency pr ON pr.id = p.presidency_id
        JOIN presidencies_memberstate st ON st.id = pr.chair_id"""
    return sql, [*doc_params, *pri_params]


def _speaks(official: str, row: str = "r") -> str:
    """SQL true when `official` (SQL for an official id) speaks in the result `row`.

    A priority's speakers are the officials speaking in the documents its quotes come from.
    """
    return f"""(({row}.type = 'document' AND EXISTS (
            SELECT 1 FROM {SPEAKERS} ds
            WHERE ds.document_id = {row}.id AND ds.official_id = {official}))
        OR ({row}.type = '{PRIORITY}' AND EXISTS (
            SELECT 1 FROM documents_citation c JOIN {SPEAKERS} ds ON ds.document_id = c.document_id
            WHERE c.priority_id = {row}.id AND ds.official_id = {official})))"""


def _where(filters: dict, skip: str | None = None) -> tuple[str, list]:
    """SQL conditions on the result rows `r` for the filters (but `skip`), and their params."""
    conditions, params = ["1 = 1"], []
    for name in FACETS:
        wanted = filters.get(name)
        if wanted is None or name == skip:
            continue
        if name == "speaker":
            official = "(SELECT o.id FROM presidencies_official o WHERE o.slug = %s)"
            conditions.append(_speaks(official))
            params.append(wanted)  # once per kind of result
        else:
            conditions.append(f"r.{name} = %s")
        params.append(wanted)
    return " AND ".join(conditions), params


def facet_counts(connection, backend, query: ParsedQuery, filters: dict) -> list[tuple]:
    """Rows (facet, value, label, order, count); facet "type" counts the filtered results."""
    matches, params = _matches_sql(backend, query, ranked=False)
    parts = []
    none = "CAST(NULL AS text), CAST(NULL AS integer)"  # typed: the UNION's columns agree
    for name, select, group in (
        ("kind", f"r.kind, {none}", "r.kind"),
        ("presidency", "r.presidency, MAX(r.chair), MAX(r.presidency_year)", "r.presidency"),
        ("year", f"CAST(r.year AS text), {none}", "r.year"),
    ):
        where, where_params = _where(filters, skip=name)
        parts.append(
            f"SELECT '{name}', {select}, COUNT(*) FROM r "
            f"WHERE r.{name} IS NOT NULL AND {where} GROUP BY {group}"
        )
        params += where_params
    where, where_params = _where(filters, skip="speaker")
    # Each (result, speaker) pair once: a document's pairs are unique (many-to-many table);
    # a priority may quote several documents of one speaker.
    # Counted by official id, then named: grouping 100,000 pairs by slug sorted them on disk.
    parts.append(
        f"""SELECT 'speaker', o.slug, o.name, CAST(NULL AS integer), s.n FROM (
            SELECT u.official_id, SUM(u.n) AS n FROM (
                SELECT ds.official_id, COUNT(*) AS n FROM r
                JOIN {SPEAKERS} ds ON ds.document_id = r.id
                WHERE r.type = 'document' AND {where}
                GROUP BY ds.official_id
                UNION ALL
                SELECT x.official_id, COUNT(*) FROM (
                    SELECT DISTINCT r.id, ds.official_id FROM r
                    JOIN documents_citation c ON c.priority_id = r.id
                    JOIN {SPEAKERS} ds ON ds.document_id = c.document_id
                    WHERE r.type = '{PRIORITY}' AND {where}
                ) x GROUP BY x.official_id
            ) u GROUP BY u.official_id
        ) s JOIN presidencies_official o ON o.id = s.official_id"""
    )
    params += where_params * 2
    where, where_params = _where(filters)
    parts.append(f"SELECT 'type', r.type, {none}, COUNT(*) FROM r WHERE {where} GROUP BY r.type")
    params += where_params
    sql = f"WITH r AS ({matches}) " + " UNION ALL ".join(parts)
    return backend.fetch(connection, sql, params)


def page_candidates(
    connection, backend, query: ParsedQuery, filters: dict, limit: int, offset: int
) -> list[Candidate]:
    """One page of the filtered matches, best first; equal ranks: priorities, then by id."""
    matches, params = _matches_sql(backend, query, ranked=True)
    where, where_params = _where(filters)
    order = f"rank DESC, CASE WHEN type = '{PRIORITY}' THEN 0 ELSE 1 END, id"
    sql = f"""
        SELECT p.type, p.id, p.rank, p.kind, p.year, p.presidency, p.chair, p.presidency_year,
            o.slug, o.name
        FROM (SELECT * FROM ({matches}) r WHERE {where} ORDER BY {order} LIMIT %s OFFSET %s) p
        LEFT JOIN {SPEAKERS} ds ON p.type = 'document' AND ds.document_id = p.id
        LEFT JOIN documents_citation c ON p.type = '{PRIORITY}' AND c.priority_id = p.id
        LEFT JOIN {SPEAKERS} cs ON cs.document_id = c.document_id
        LEFT JOIN presidencies_official o ON o.id = COALESCE(ds.official_id, cs.official_id)"""
    found: dict[tuple[str, int], Candidate] = {}
    for row in backend.fetch(connection, sql, [*params, *where_params, limit, offset]):
        type_, pk, rank, kind, year, p_slug, chair, p_year, o_slug, o_name = row
        candidate = found.get((type_, pk))
        if candidate is None:
            candidate = found[type_, pk] = Candidate(
                type=type_,
                id=pk,
                rank=float(rank),
                kind=kind,
                year=year,
                presidency=p_slug,
                presidency_label=f"{chair} {p_year}" if p_slug else "",
                presidency_year=p_year,
            )
        if o_slug:
            candidate.speakers[o_slug] = o_name
    return sorted(found.values(), key=lambda c: (-c.rank, c.type != PRIORITY, c.id))
