"""The matches of a query in SQL: a bounded candidate set, its facet counts and one page.

The backend supplies the full-text part (ids, and ranks), best candidates first (on
PostgreSQL: documents whose title or opening match, then the others; on SQLite: by bm25);
these queries join the attributes the facets need: kind, year, chairmanship and the
speakers (of a document, or of the documents a priority's quotes come from).

A word as common as "security" matches most of the knowledge base, and counting or
ranking every match visits every matching row (seconds at 100,000 documents). So each
candidate set here is at most MAX_CANDIDATES + 1 matches, read until the scan has them,
and one query (`search_rows`) returns from them
- each facet's counts over the candidates that pass the other filters, and the number of
  results per type with all filters; past the cap the counts are those of the first
  MAX_CANDIDATES candidates, and they and the total are lower bounds ("at least"), as they
  are when the backend checked a phrase on part of its candidates;
- the page: the filtered candidates ranked, ordered and cut to one page in SQL.
Only the page's rows come back to Python.
"""

# ruff: noqa: S608 - table names come from the models; the query's words are bound.

from django.utils.translation import get_language

from documents.models import Document
from presidencies.models import Priority

from .facets import FACETS, PRIORITY, Candidate
from .query import ParsedQuery

SPEAKERS = Document.speakers.through._meta.db_table
PRIORITIES = Priority._meta.db_table
# Enough for 50 pages of 20 results, the facets of a specific query exactly, and a bound
# on the work of a common one.
MAX_CANDIDATES = 1000
# The columns of a page's rows beside the facets' (search_rows), with their SQL types.
HIT_COLUMNS = (("id", "bigint"), ("rank", "double precision"), ("kind", "text"),
               ("year", "integer"), ("presidency", "text"), ("speaker", "text"),
               ("speaker_name", "text"))  # fmt: skip


def _label(alias: str, field: str) -> str:
    """SQL for a translated label (modeltranslation's columns) in the reader's language: its
    Russian version where an editor wrote one, else the English the unsuffixed column keeps."""
    if get_language() == "ru":
        return f"COALESCE(NULLIF({alias}.{field}_ru, ''), {alias}.{field})"
    return f"{alias}.{field}"


def _matches_sql(
    backend, query: ParsedQuery, ranked: bool, narrow: dict | None = None, read: str | None = None
) -> tuple[str, list]:
    """Rows (type, id, kind, year, presidency, chair, presidency_year[, rank]) of the
    matches, priorities first (they are few), then documents in the backend's order;
    `narrow`: the kind and chairmanship filters, which the backend may apply early; `read`:
    the name of the backend's read set for them (Backend.read_set)."""
    doc_sql, doc_params = backend.matches(
        "document",
        query,
        ranked=ranked,
        columns=("kind", "date", "presidency_id"),
        narrow=narrow,
        read=read,
    )
    pri_sql, pri_params = backend.matches("priority", query, ranked=ranked)
    rank = ", m.rank AS rank" if ranked else ""
    # Undated documents count under their chairmanship's year.
    sql = f"""
        SELECT '{PRIORITY}' AS type, p.id AS id, '{PRIORITY}' AS kind, pr.year AS year,
            pr.slug AS presidency, {_label("st", "name")} AS chair, pr.year AS presidency_year{rank}
        FROM ({pri_sql}) m
        JOIN {PRIORITIES} p ON p.id = m.id
        JOIN presidencies_presidency pr ON pr.id = p.presidency_id
        JOIN presidencies_memberstate st ON st.id = pr.chair_id
        UNION ALL
        SELECT 'document', m.id, m.kind, COALESCE({backend.year("m.date")}, pr.year),
            pr.slug, {_label("st", "name")}, pr.year{rank}
        FROM ({doc_sql}) m
        LEFT JOIN presidencies_presidency pr ON pr.id = m.presidency_id
        LEFT JOIN presidencies_memberstate st ON st.id = pr.chair_id"""
    return sql, [*pri_params, *doc_params]


def _speaks(backend, official: str, row: str = "r") -> str:
    """SQL true when `official` (SQL for an official id) speaks in the result `row`.

    A priority's speakers are the officials speaking in the documents its quotes come from.
    """
    return f"""(({row}.type = 'document' AND EXISTS (
            SELECT 1 FROM {SPEAKERS} ds
            WHERE ds.document_id = {row}.id AND ds.official_id = {official}))
        OR ({row}.type = '{PRIORITY}' AND EXISTS (
            SELECT 1 FROM ({backend.priority_speakers()}) ps
            WHERE ps.priority_id = {row}.id AND ps.official_id = {official})))"""


def _where(backend, filters: dict, skip: str | None = None) -> tuple[str, list]:
    """SQL conditions on the result rows `r` for the filters (but `skip`), and their params."""
    conditions, params = ["1 = 1"], []
    for name in FACETS:
        wanted = filters.get(name)
        if wanted is None or name == skip:
            continue
        if name == "speaker":
            official = "(SELECT o.id FROM presidencies_official o WHERE o.slug = %s)"
            conditions.append(_speaks(backend, official))
            params.append(wanted)  # once per kind of result
        else:
            conditions.append(f"r.{name} = %s")
        params.append(wanted)
    return " AND ".join(conditions), params


def _narrow(filters: dict, skip: str | None) -> dict:
    """The filters a backend may apply inside its scan (kind, chairmanship), but `skip`."""
    return {name: filters.get(name) for name in ("kind", "presidency") if name != skip}


def _candidates(
    backend,
    query: ParsedQuery,
    filters: dict,
    skip: str | None = None,
    ranked: bool = False,
    read: str | None = None,
) -> tuple[str, list]:
    """SQL for at most MAX_CANDIDATES + 1 matches passing the filters (but `skip`): the
    LIMIT stops the index scan early, the extra row tells that there are more."""
    narrow = _narrow(filters, skip)
    matches, params = _matches_sql(backend, query, ranked=ranked, narrow=narrow, read=read)
    where, where_params = _where(backend, filters, skip)
    sql = f"SELECT * FROM ({matches}) r WHERE {where} LIMIT {MAX_CANDIDATES + 1}"
    return sql, [*params, *where_params]


def search_rows(
    connection, backend, query: ParsedQuery, filters: dict, limit: int, offset: int
) -> tuple[list[tuple], list[Candidate]]:
    """The facet rows and one page of the filtered candidates, in one query.

    Facet rows are (facet, value, label, order, count) over the candidates; facet "type"
    counts the filtered candidates (MAX_CANDIDATES + 1 in all when there are more); facet
    "partial" has a row per candidate set, value "" for the fully filtered one, count 1 when
    the set holds only part of the matches (capped, or the backend checked only some
    documents). The page is read from the same fully filtered candidate set as the counts,
    ranked there once: a page query of its own looked the query's words up in the index
    again (for a phrase, its bitmap and position checks a second time).

    The page: best first; equal ranks: priorities, then by id."""
    ctes: dict[str | None, str] = {}  # the filter skipped -> name of its candidate set
    cte_sql: list[str] = []
    params: list = []
    partial: list[str] = []
    none = "CAST(NULL AS text), CAST(NULL AS integer)"  # typed: the UNION's columns agree
    # The page's columns, NULL on facet rows (typed, as above).
    no_hit = ", ".join(f"CAST(NULL AS {t})" for _name, t in HIT_COLUMNS)

    def source(skip: str | None) -> str:
        # A facet without a filter of its own counts the fully filtered candidates, which
        # are ranked for the page.
        key = skip if filters.get(skip) is not None else None
        if key not in ctes:
            name = ctes[key] = f"c{len(ctes)}"
            read = backend.read_set(query, _narrow(filters, key))
            if read:
                # Its own CTE, before the set that reads it.
                cte_sql.append(f"{name}_read AS ({read[0]})")
                params.extend(read[1])
            read_name = f"{name}_read" if read else None
            sql, cte_params = _candidates(
                backend, query, filters, skip=key, ranked=key is None, read=read_name
            )
            cte_sql.append(f"{name} AS ({sql})")
            params.extend(cte_params)
            capped = f"WHEN (SELECT COUNT(*) FROM {name}) > {MAX_CANDIDATES}"
            bounded = backend.bounded(read_name)
            if bounded:
                # CASE tests in order: a capped set needs no count of its read set.
                capped = f"{capped} THEN 1 WHEN {bounded}"
            partial.append(
                f"SELECT 'partial', '{key or ''}', {none}, "
                f"CASE {capped} THEN 1 ELSE 0 END, {no_hit}"
            )
        return ctes[key]

    # The first MAX_CANDIDATES of each set are counted; the extra row only tells "more".
    def counted(skip: str | None) -> str:
        return f"(SELECT * FROM {source(skip)} LIMIT {MAX_CANDIDATES})"

    # The fully filtered set first: the CTEs are numbered in order of use.
    page_source = counted(None)
    parts = []
    for name, select, group in (
        ("kind", f"r.kind, {none}", "r.kind"),
        ("presidency", "r.presidency, MAX(r.chair), MAX(r.presidency_year)", "r.presidency"),
        ("year", f"CAST(r.year AS text), {none}", "r.year"),
    ):
        parts.append(
            f"SELECT '{name}', {select}, COUNT(*), {no_hit} FROM {counted(name)} r "
            f"WHERE r.{name} IS NOT NULL GROUP BY {group}"
        )
    speakers = counted("speaker")
    # Each (result, speaker) pair once: a document's pairs are unique (many-to-many table),
    # and so are a priority's (backend.priority_speakers).
    parts.append(
        f"""SELECT 'speaker', o.slug, {_label("o", "name")}, CAST(NULL AS integer), s.n,
            {no_hit} FROM (
            SELECT u.official_id, SUM(u.n) AS n FROM (
                SELECT ds.official_id, COUNT(*) AS n FROM {speakers} r
                JOIN {SPEAKERS} ds ON ds.document_id = r.id
                WHERE r.type = 'document'
                GROUP BY ds.official_id
                UNION ALL
                SELECT ps.official_id, COUNT(*) FROM {speakers} r
                JOIN ({backend.priority_speakers()}) ps ON ps.priority_id = r.id
                WHERE r.type = '{PRIORITY}'
                GROUP BY ps.official_id
            ) u GROUP BY u.official_id
        ) s JOIN presidencies_official o ON o.id = s.official_id"""
    )
    parts.append(
        f"SELECT 'type', r.type, {none}, COUNT(*), {no_hit} FROM {source(None)} r GROUP BY r.type"
    )
    parts.extend(partial)
    # The page, a row per (result, speaker); its type, chairmanship and presidency year in
    # the facet columns value, label and order.
    order = f"rank DESC, CASE WHEN type = '{PRIORITY}' THEN 0 ELSE 1 END, id"
    parts.append(
        f"""SELECT 'hit', p.type, p.chair, p.presidency_year, CAST(NULL AS bigint),
            p.id, p.rank, p.kind, p.year, p.presidency, o.slug, {_label("o", "name")}
        FROM (SELECT * FROM {page_source} r ORDER BY {order} LIMIT %s OFFSET %s) p
        LEFT JOIN {SPEAKERS} ds ON p.type = 'document' AND ds.document_id = p.id
        LEFT JOIN ({backend.priority_speakers()}) ps
            ON p.type = '{PRIORITY}' AND ps.priority_id = p.id
        LEFT JOIN presidencies_official o ON o.id = COALESCE(ds.official_id, ps.official_id)"""
    )
    params.extend([limit, offset])
    sql = "WITH " + ", ".join(cte_sql) + " " + " UNION ALL ".join(parts)
    facet_rows: list[tuple] = []
    found: dict[tuple[str, int], Candidate] = {}
    for row in backend.fetch(connection, sql, params):
        if row[0] != "hit":
            facet_rows.append(row[:5])
            continue
        _hit, type_, chair, p_year, _count, pk, rank, kind, year, p_slug, o_slug, o_name = row
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
    page = sorted(found.values(), key=lambda c: (-c.rank, c.type != PRIORITY, c.id))
    return facet_rows, page
