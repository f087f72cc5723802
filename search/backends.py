"""The two database dialects of the search index behind one small interface.

Each backend turns a parsed query into
- SQL that selects `id` (and `rank`, higher is better) of every matching document or priority,
- highlighted titles and snippets for a page of ids, with the sentinel characters
  START/STOP around matched words (the caller escapes the text, then turns them into marks).
Every piece of user input is passed as a bound parameter.
"""

# ruff: noqa: S608 - SQL built from this module's constant names; all input is bound.

from django.db.backends.base.base import BaseDatabaseWrapper

from .query import Clause, ParsedQuery, fts5_expression
from .schema import PG_QUERY_CONFIGS, pg_config

# Private-use characters: they never occur in the texts (the highlighter drops strays).
START = "\ue000"
STOP = "\ue001"
ELLIPSIS = "…"

# Title above text: PostgreSQL weighs A (title) 1.0 against B (text) 0.4 by default; for
# bm25 the title column gets the same 2.5 ratio.
BM25_WEIGHTS = "2.5, 1.0"
SNIPPET_TOKENS = 30


class Backend:
    vendor = ""

    def matches(
        self, table: str, query: ParsedQuery, ranked: bool = True, columns: tuple[str, ...] = ()
    ) -> tuple[str, list]:
        """SQL selecting `id` (and `rank` if ranked) of the matching rows of `table`
        (document|priority), with the given `columns` of the document row (documents only)."""
        raise NotImplementedError

    def year(self, column: str) -> str:
        """SQL for the year (integer) of a date column, NULL when it is NULL."""
        raise NotImplementedError

    def fetch(self, connection: BaseDatabaseWrapper, sql: str, params: list) -> list[tuple]:
        """The rows of a query built on `matches()`."""
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def highlights(
        self, connection: BaseDatabaseWrapper, table: str, query: ParsedQuery, ids: list[int]
    ) -> dict[int, tuple[str, str]]:
        """{id: (marked title, marked snippet)} for the given ids."""
        raise NotImplementedError


class PostgresBackend(Backend):
    """tsvector columns, `websearch_to_tsquery` for each word or phrase, ts_rank, ts_headline."""

    vendor = "postgresql"
    SOURCES = {
        "document": ("documents_document", "id", "search_vector", "title", "text"),
        "priority": ("search_priority", "priority_id", "vector", "title", "body"),
    }
    # ts_rank reads a vector stored inline (title and opening of the text, see schema.py):
    # a full document vector is TOASTed, and decompressing one per match was most of the
    # time of a search. Priorities are few and short: their own vector.
    RANK_VECTORS = {"document": "search_rank_vector", "priority": "vector"}
    TITLE_OPTIONS = f'StartSel="{START}", StopSel="{STOP}", HighlightAll=true'
    SNIPPET_OPTIONS = (
        f'StartSel="{START}", StopSel="{STOP}", MaxFragments=1, MaxWords=35, MinWords=15'
    )

    def tsquery(self, query: ParsedQuery) -> tuple[str, list[str]]:
        """A tsquery expression: the parsed tree rebuilt with &&, || and !! in SQL.

        Each word or phrase goes through websearch_to_tsquery on its own, so stemming and
        stop words are PostgreSQL's, while OR binds tighter than AND as in query.py. It is
        read in each configuration documents are indexed with (a Russian word stemmed as
        Russian, an English one as English) and either reading matches.
        """
        params: list[str] = []

        def group(clause: Clause) -> str:
            parts = []
            for term in clause.terms:
                for config in PG_QUERY_CONFIGS:
                    params.append(f'"{term.text}"' if term.is_phrase else term.text)
                    parts.append(f"websearch_to_tsquery('{config}', %s)")
            return "(" + " || ".join(parts) + ")"

        sql = " && ".join(group(c) for c in query.positive)
        for clause in query.negative:
            sql = f"({sql}) && !!{group(clause)}"
        return sql, params

    def matches(self, table, query, ranked=True, columns=()):
        db_table, pk, vector, _title, _body = self.SOURCES[table]
        tsquery, params = self.tsquery(query)
        rank = f", ts_rank(t.{self.RANK_VECTORS[table]}, q.query) AS rank" if ranked else ""
        # The document's own columns from the row the index found: joining the table to
        # itself again cost a hash of every document (80 ms of a search at 100,000).
        extra = "".join(f", t.{c} AS {c}" for c in columns)
        select = f"SELECT t.{pk} AS id{rank}{extra} FROM {db_table} t CROSS JOIN q"
        if table != "document":
            return (
                f"WITH q AS (SELECT {tsquery} AS query) {select} WHERE t.{vector} @@ q.query",
                params,
            )
        # Documents whose title or opening match first (through the ranking vector's own
        # GIN index): they rank above the others, so the first candidates are the best
        # ones and a LIMIT over this stops both index scans early. An exclusion may sit past
        # the opening: then the full vector decides for the first tier too.
        also = " AND t.search_vector @@ q.query" if query.negative else ""
        sql = (
            f"WITH q AS (SELECT {tsquery} AS query) "
            f"({select} WHERE t.search_rank_vector @@ q.query{also}) UNION ALL "
            f"({select} WHERE t.search_vector @@ q.query "
            f"AND NOT (t.search_rank_vector @@ q.query{also}))"
        )
        return sql, params

    def year(self, column: str) -> str:
        return f"CAST(EXTRACT(YEAR FROM {column}) AS integer)"

    def fetch(self, connection, sql, params):
        """Run with the GIN index: the planner does not count the cost of decompressing a
        TOASTed vector, so when a query matches most documents it prefers a sequential scan
        that reads every document's full search_vector to test `@@` (most of the time of a
        search); the bitmap scan of the GIN index finds the same rows without reading them
        (a phrase is still rechecked on the vectors of the documents with all its words).

        SET LOCAL lasts for the transaction: in autocommit mode, for this one statement (a
        string of statements runs as one transaction); in a transaction, it is set back.
        """
        with connection.cursor() as cursor:
            cursor.execute(
                "SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0; "
                f"{sql}; SET LOCAL enable_seqscan TO DEFAULT; "
                "SET LOCAL max_parallel_workers_per_gather TO DEFAULT",
                params,
            )
            cursor.nextset()  # the rows of the query, after the SETs' empty results
            cursor.nextset()
            return cursor.fetchall()

    def highlights(self, connection, table, query, ids):
        db_table, pk, _vector, title, body = self.SOURCES[table]
        tsquery, params = self.tsquery(query)
        # Each document in the configuration it is indexed with.
        config = pg_config("t.language") if table == "document" else "'english'::regconfig"
        sql = (
            f"SELECT t.{pk}, ts_headline({config}, t.{title}, q.query, %s), "
            f"ts_headline({config}, t.{body}, q.query, %s) "
            f"FROM {db_table} t CROSS JOIN (SELECT {tsquery} AS query) q "
            f"WHERE t.{pk} = ANY(%s)"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.TITLE_OPTIONS, self.SNIPPET_OPTIONS, *params, list(ids)])
            return {row[0]: (row[1], row[2]) for row in cursor.fetchall()}


class SqliteBackend(Backend):
    """FTS5 tables with the porter tokenizer, bm25 with column weights, highlight/snippet."""

    vendor = "sqlite"
    TABLES = {"document": "search_document_fts", "priority": "search_priority_fts"}

    def matches(self, table, query, ranked=True, columns=()):
        fts = self.TABLES[table]
        # bm25 is lower for better matches; negate it so that higher is better everywhere.
        rank = f", -bm25({fts}, {BM25_WEIGHTS}) AS rank" if ranked else ""
        # Best first, ranked or not: a LIMIT over the matches keeps the best candidates.
        order = f"ORDER BY bm25({fts}, {BM25_WEIGHTS})"
        if not columns:
            sql = f"SELECT rowid AS id{rank} FROM {fts} WHERE {fts} MATCH %s {order}"
        else:
            extra = "".join(f", d.{c} AS {c}" for c in columns)
            sql = (
                f"SELECT {fts}.rowid AS id{rank}{extra} FROM {fts} "
                f"JOIN documents_document d ON d.id = {fts}.rowid WHERE {fts} MATCH %s {order}"
            )
        # A subquery: SQLite allows no ORDER BY in a branch of a UNION.
        return f"SELECT * FROM ({sql})", [fts5_expression(query)]

    def year(self, column: str) -> str:
        # Dates are stored as ISO text; '%%' is a literal '%' in a query with parameters.
        return f"CAST(strftime('%%Y', {column}) AS integer)"

    def highlights(self, connection, table, query, ids):
        fts = self.TABLES[table]
        placeholders = ", ".join(["%s"] * len(ids))
        sql = (
            f"SELECT rowid, highlight({fts}, 0, %s, %s), "
            f"snippet({fts}, 1, %s, %s, %s, {SNIPPET_TOKENS}) "
            f"FROM {fts} WHERE {fts} MATCH %s AND rowid IN ({placeholders})"
        )
        params = [START, STOP, START, STOP, ELLIPSIS, fts5_expression(query), *ids]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return {row[0]: (row[1], row[2]) for row in cursor.fetchall()}


BACKENDS = {"postgresql": PostgresBackend, "sqlite": SqliteBackend}


def backend_for(connection: BaseDatabaseWrapper) -> Backend:
    try:
        return BACKENDS[connection.vendor]()
    except KeyError:
        raise NotImplementedError(
            f"Full-text search supports PostgreSQL and SQLite, not {connection.vendor}."
        ) from None
