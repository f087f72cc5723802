"""The two database dialects of the search index behind one small interface.

Each backend turns a parsed query into
- SQL that selects `id` (and `rank`, higher is better) of every matching document or priority,
- highlighted titles and snippets for a page of ids, with the sentinel characters
  START/STOP around matched words (the caller escapes the text, then turns them into marks).
Every piece of user input is passed as a bound parameter.
"""

# ruff: noqa: S608 - SQL built from this module's constant names; all input is bound.

import functools
import operator

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import (
    BooleanField,
    Case,
    F,
    Func,
    Q,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Greatest, Left, Substr

from documents.fulltext import LANGUAGE_CONFIGS, RANK_TEXT_CHARS, language_config
from documents.models import Document
from presidencies.models import Presidency

from .models import PriorityIndex
from .postgres_sql import PG_CONFIG, PHRASE_PARTIAL, PHRASE_READ
from .query import Clause, ParsedQuery, fts5_expression
from .snippets import WINDOW_BEFORE, FirstMatchAt, spread, written_pattern

# What fetch() sets for its one statement (see there).
PLANNER = {"enable_seqscan": "off", "max_parallel_workers_per_gather": "0", "jit": "off"}
PLANNER_SETTINGS = "; ".join(f"SET LOCAL {name} = {value}" for name, value in PLANNER.items())
PLANNER_DEFAULTS = "; ".join(f"SET LOCAL {name} TO DEFAULT" for name in PLANNER)
SPEAKERS = Document.speakers.through._meta.db_table
# Private-use characters: they never occur in the texts (the highlighter drops strays).
START = "\ue000"
STOP = "\ue001"
ELLIPSIS = "…"

# Title above text: PostgreSQL weighs A (title) 1.0 against B (text) 0.4 by default; for
# bm25 the title column gets the same 2.5 ratio.
BM25_WEIGHTS = "2.5, 1.0"
SNIPPET_TOKENS = 30
PRIORITY_SNIPPET_CHARS = 2000
# A query is read in each configuration documents are indexed with (documents/fulltext.py).
PG_QUERY_CONFIGS = tuple(LANGUAGE_CONFIGS.values())
# PostgreSQL's `russian` reads Latin words with `english`'s dictionary (its asciiword and
# asciihword tokens map to english_stem), so an ASCII term reads the same in both: one
# reading, where two made the GIN index evaluate the same query twice per document.
ASCII_CONFIGS = (LANGUAGE_CONFIGS["en"],)


def query_configs(text: str) -> tuple[str, ...]:
    """The configurations a term of a query is read in (its distinct readings)."""
    return ASCII_CONFIGS if text.isascii() else PG_QUERY_CONFIGS


# The most documents holding a phrase's words whose full vectors are read to check the
# words' positions (PostgreSQL): the GIN index knows which documents hold a word, not
# where, and a phrase of common words otherwise read most full vectors of the knowledge base.
# As many as a search's candidates (matches.MAX_CANDIDATES).
PHRASE_RECHECK = 1000


class VectorMatches(Func):
    """`vector @@ query` as the function behind the operator: PostgreSQL uses no index for
    a function call, so it is tested on the rows it is given, never through the GIN index
    (whose recheck of a phrase reads the full vector of every document with its words)."""

    function = "ts_match_vq"
    output_field = BooleanField()


class OpeningLexemes(Func):
    """The lexemes of a document's opening: the text's (weight B) of its ranking vector
    (documents/fulltext.py), read inline, with their positions."""

    template = "ts_filter(%(expressions)s, '{b}')"
    output_field = SearchVectorField()


class Backend:
    vendor = ""

    def matches(
        self,
        table: str,
        query: ParsedQuery,
        ranked: bool = True,
        columns: tuple[str, ...] = (),
        narrow: dict | None = None,
        read: str | None = None,
    ) -> tuple[str, list]:
        """SQL selecting `id` (and `rank` if ranked) of the matching rows of `table`
        (document|priority), with the given `columns` of the document row (documents only).

        `narrow` holds the documents' kind and chairmanship (slug) filters: the caller
        applies them to the rows anyway; a backend may apply them early as well. `read`:
        the name under which the caller made `read_set(query, narrow)` a table."""
        raise NotImplementedError

    def year(self, column: str) -> str:
        """SQL for the year (integer) of a date column, NULL when it is NULL."""
        raise NotImplementedError

    def read_set(self, query: ParsedQuery, narrow: dict | None = None) -> tuple[str, list] | None:
        """SQL of the rows (id) of the documents on which `matches()` checks the query
        itself, when it checks only a bounded set of them; None when it needs no such set.
        The caller makes it a table (a CTE) that matches() and bounded() both read."""
        return None

    def bounded(self, read: str | None) -> str | None:
        """SQL true when `matches()` checked the query on only part of the documents that may
        match, read from the table `read` (see read_set), or None when it checks every one."""
        return None

    def priority_speakers(self) -> str:
        """SQL of the rows (priority_id, official_id), each pair once: the officials speaking
        in the documents a priority's quotes come from."""
        return f"""SELECT DISTINCT c.priority_id, ds.official_id FROM documents_citation c
            JOIN {SPEAKERS} ds ON ds.document_id = c.document_id"""

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
    """Django's PostgreSQL search: `SearchQuery(search_type="websearch")` for each word or
    phrase, `SearchRank`, `SearchHeadline`, over the documents' generated vectors
    (documents/fulltext.py) and the priorities' search table (search/models.py).

    The querysets are compiled to SQL here so that search/matches.py can count facets over
    them; the one thing Django cannot say is the planner setting of `fetch()`.
    """

    vendor = "postgresql"
    HEADLINE = {"start_sel": START, "stop_sel": STOP}
    TITLE_OPTIONS = {**HEADLINE, "highlight_all": True}
    SNIPPET_OPTIONS = {**HEADLINE, "max_fragments": 1, "max_words": 35, "min_words": 15}

    def search_query(self, query: ParsedQuery, loose: bool = False) -> SearchQuery:
        """The parsed tree as SearchQuery objects combined with &, | and ~.

        Each word or phrase goes through websearch_to_tsquery on its own, so stemming and
        stop words are PostgreSQL's, while OR binds tighter than AND as in query.py. It is
        read in each configuration documents are indexed with (a Russian word stemmed as
        Russian, an English one as English) and either reading matches.

        `loose`: a query that every match of this one matches, which the GIN index answers
        without reading a vector: a phrase's words anywhere in the document (plainto_tsquery),
        no exclusion.
        """

        def readings(clause: Clause) -> list[SearchQuery]:
            return [
                SearchQuery(term.text, search_type="plain", config=config)
                if loose and term.is_phrase
                else SearchQuery(
                    f'"{term.text}"' if term.is_phrase else term.text,
                    search_type="websearch",
                    config=config,
                )
                for term in clause.terms
                for config in query_configs(term.text)
            ]

        def group(clause: Clause) -> SearchQuery:
            return functools.reduce(operator.or_, readings(clause))

        tsquery = functools.reduce(operator.and_, (group(c) for c in query.positive))
        if loose:
            return tsquery
        for clause in query.negative:
            # Not any reading: !!a && !!b (Django negates a single SearchQuery only).
            for reading in readings(clause):
                tsquery = tsquery & ~reading
        return tsquery

    @staticmethod
    def _has_phrase(query: ParsedQuery) -> bool:
        return any(term.is_phrase for clause in query.clauses for term in clause.terms)

    @staticmethod
    def _narrowed(documents, narrow: dict | None):
        # A filter in the scan: the planner ANDs the GIN bitmap with the kind's or the
        # chairmanship's btree bitmap, where a filter over the matches read every matching
        # document until enough passed.
        narrow = narrow or {}
        if narrow.get("kind"):
            documents = documents.filter(kind=narrow["kind"])
        if narrow.get("presidency"):
            chairmanship = Presidency.objects.filter(slug=narrow["presidency"]).values("pk")
            documents = documents.filter(presidency=Subquery(chairmanship[:1]))
        return documents

    def read_set(self, query, narrow=None):
        """A query with a phrase: the first PHRASE_RECHECK + 1 documents holding all its
        words, found by the GIN index alone (the extra row tells that there are more). One
        table for matches() and bounded(): each building the index's bitmap of the words
        for itself built it twice."""
        if not self._has_phrase(query):
            return None
        loose = Document.objects.order_by().filter(search_vector=self.search_query(query, True))
        rows = self._narrowed(loose, narrow).values("id")[: PHRASE_RECHECK + 1]
        sql, params = rows.query.sql_with_params()
        return sql, list(params)

    def bounded(self, read):
        return PHRASE_PARTIAL.format(read=read, limit=PHRASE_RECHECK) if read else None

    def matches(self, table, query, ranked=True, columns=(), narrow=None, read=None):
        tsquery = self.search_query(query)
        if table != "document":
            rows = PriorityIndex.objects.filter(vector=tsquery).values(id=F("priority_id"))
            if ranked:
                # The full vector matches; the inline ranking vector ranks (postgres_sql.py).
                rows = rows.annotate(rank=SearchRank(F("rank_vector"), tsquery))
            return rows.query.sql_with_params()

        # Documents whose title or opening match first (through the ranking vector's own
        # GIN index): they rank above the others, so the first candidates are the best
        # ones and a LIMIT over this stops both index scans early. An exclusion may sit past
        # the opening: then the full vector decides for the first tier too.
        # ts_rank reads the ranking vector, stored inline: a full vector is TOASTed, and
        # decompressing one per match was most of the time of a search.
        opening = Q(search_rank_vector=tsquery)
        if query.negative:
            opening &= Q(search_vector=tsquery)
        documents = self._narrowed(Document.objects.order_by().values("id", *columns), narrow)
        if ranked:
            documents = documents.annotate(rank=SearchRank(F("search_rank_vector"), tsquery))
        first = documents.filter(opening)
        if self._has_phrase(query):
            # The positions are read on a bounded set of candidates (bounded() tells when
            # that left some unread): a rare phrase of common words rechecked nearly every
            # document's full vector through the GIN index.
            # `read` is the name search/matches.py gave the read set, never input.
            candidates = RawSQL(PHRASE_READ.format(read=read), [PHRASE_RECHECK])  # noqa: S611
            matched = VectorMatches(F("search_vector"), tsquery)
            rest = documents.filter(Q(pk__in=candidates) & Q(matched) & ~opening)
        else:
            rest = documents.filter(Q(search_vector=tsquery) & ~opening)
        # No ORDER BY (a union takes the model's default ordering otherwise): a sort of
        # every match would stop the LIMIT over this from ending the index scans early.
        return first.union(rest, all=True).order_by().query.sql_with_params()

    def year(self, column: str) -> str:
        return f"CAST(EXTRACT(YEAR FROM {column}) AS integer)"

    def priority_speakers(self) -> str:
        # Kept in the priorities' search table (search/schema.py): derived from the quotes,
        # they cost a visit to every quote of every matching priority.
        return "SELECT priority_id, unnest(speaker_ids) AS official_id FROM search_priority"

    def fetch(self, connection, sql, params):
        """Run with the GIN index: the planner does not count the cost of decompressing a
        TOASTed vector, so when a query matches most documents it prefers a sequential scan
        that reads every document's full search_vector to test `@@` (most of the time of a
        search); the bitmap scan of the GIN index finds the same rows without reading them
        (a phrase is still rechecked on the vectors of the documents with all its words).

        JIT is off: with sequential scans off, a table that only a sequential scan can read
        costs the plan 10^10, far past jit_above_cost, and compiling the query then took
        seconds for a few milliseconds of work; a search is never long enough for JIT to pay.

        SET LOCAL lasts for the transaction: in autocommit mode, for this one statement (a
        string of statements runs as one transaction); in a transaction, it is set back.
        """
        with connection.cursor() as cursor:
            cursor.execute(
                f"{PLANNER_SETTINGS}; {sql}; {PLANNER_DEFAULTS}",
                params,
            )
            for _ in PLANNER:
                cursor.nextset()  # the rows of the query, after the SETs' empty results
            return cursor.fetchall()

    def highlights(self, connection, table, query, ids):
        tsquery = self.search_query(query)
        if table == "document":
            # Each document in the configuration it is indexed with. ts_headline parses
            # all the text it is given (most of the time of a page's snippets): a document
            # whose opening matches is headlined on its opening, which its ranking vector
            # tells without parsing; the others on as much text from just before the first
            # place where each clause of the query is written (regular expressions find
            # them without parsing), when they all fit in it; else on their whole text.
            opening = VectorMatches(OpeningLexemes("search_rank_vector"), tsquery)
            first, last = spread(
                [FirstMatchAt(F("text"), Value(written_pattern(c))) for c in query.positive]
            )
            around = Substr("text", Greatest(F("first_at") - WINDOW_BEFORE, 1), RANK_TEXT_CHARS)
            # 0: a clause is not written as looked for; the last must fit with its words.
            fits = Q(
                first_at__gt=0, last_at__lt=F("first_at") + RANK_TEXT_CHARS - 2 * WINDOW_BEFORE
            )
            body = Case(
                When(opening, then=Left("text", RANK_TEXT_CHARS)),
                When(fits, then=around),
                default=F("text"),
                output_field=TextField(),
            )
            rows = Document.objects.annotate(first_at=first, last_at=last)
            config = language_config()
        else:
            # A priority's body holds every quote that backs it (hundreds in a large
            # knowledge base), and ts_headline's cost grows with the text it reads; the
            # opening (summary, status note, first quotes) is enough for the snippet.
            body = Left("body", PRIORITY_SNIPPET_CHARS)
            rows, config = PriorityIndex.objects, PG_CONFIG
        rows = rows.using(connection.alias).filter(pk__in=ids).order_by()
        rows = rows.annotate(
            marked_title=SearchHeadline("title", tsquery, config=config, **self.TITLE_OPTIONS),
            marked_body=SearchHeadline(body, tsquery, config=config, **self.SNIPPET_OPTIONS),
        )
        return {pk: (t, b) for pk, t, b in rows.values_list("pk", "marked_title", "marked_body")}


class SqliteBackend(Backend):
    """FTS5 tables with the porter tokenizer, bm25 with column weights, highlight/snippet."""

    vendor = "sqlite"
    TABLES = {"document": "search_document_fts", "priority": "search_priority_fts"}

    def matches(self, table, query, ranked=True, columns=(), narrow=None, read=None):
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
