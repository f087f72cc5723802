"""The search index in the database: DDL for PostgreSQL and SQLite, install, check, rebuild.

What is indexed (the same on both databases):
- a document: its title (weight A) and cleaned text (weight B);
- a priority: its title (A) and its summary, status note and every quote that backs it (B).

PostgreSQL: the documents' vectors are Django fields (documents/fulltext.py: stored
generated `tsvector` columns with GIN indexes, in each document's language); here, the
table `search_priority` (read through search.models.PriorityIndex) whose generated vector
is refreshed by triggers on presidencies_priority and documents_citation, with its GIN
index; English stemming.

SQLite: FTS5 tables with the porter tokenizer, kept current by triggers. SQLite checks
every trigger in the schema when Django rebuilds a table for a migration ("remake"), so a
trigger on one knowledge-base table must never read another knowledge-base table: the
triggers copy what they need (priority title and summary, quotes) into search-owned tables
and build the FTS row from those. A remake drops the remade table's own triggers; the
post_migrate check (`ensure`) puts them back and rebuilds the index.
"""

# ruff: noqa: S608 - the SQL is built from constants of this module only, never from input.

from django.db.backends.base.base import BaseDatabaseWrapper

TOKENIZE = "porter unicode61 remove_diacritics 2"

# --- PostgreSQL --------------------------------------------------------------------------

PG_CONFIG = "english"

# A priority's row: its title, its body (summary, status note and every quote that backs
# it) and its speakers, the officials speaking in the documents its quotes come from, kept
# here because joining a common word's priorities to their quotes and the quotes to their
# speakers at every search visited every citation. `{where}` picks the priorities.
PRIORITY_ROW = """INSERT INTO search_priority (priority_id, title, body, speaker_ids)
        SELECT p.id, p.title, concat_ws(E'\\n', nullif(p.summary, ''), nullif(p.status_note, ''),
            (SELECT string_agg(c.quote, E'\\n' ORDER BY c.id)
             FROM documents_citation c WHERE c.priority_id = p.id)),
            ARRAY(SELECT DISTINCT ds.official_id FROM documents_citation c
                JOIN documents_document_speakers ds ON ds.document_id = c.document_id
                WHERE c.priority_id = p.id ORDER BY 1)
        FROM presidencies_priority p{where}"""

POSTGRES_INSTALL = [
    # Priorities: their quotes live in another table, so a search table kept by triggers.
    f"""CREATE TABLE IF NOT EXISTS search_priority (
        priority_id bigint PRIMARY KEY,
        title text NOT NULL,
        body text NOT NULL,
        vector tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('{PG_CONFIG}'::regconfig, title), 'A')
            || setweight(to_tsvector('{PG_CONFIG}'::regconfig, body), 'B')
        ) STORED,
        speaker_ids bigint[] NOT NULL DEFAULT '{{}}'
    )""",
    # A table made before the speakers were kept here.
    "ALTER TABLE search_priority ADD COLUMN IF NOT EXISTS speaker_ids bigint[] NOT NULL "
    "DEFAULT '{}'",
    "CREATE INDEX IF NOT EXISTS search_priority_vector_gin ON search_priority USING gin (vector)",
    f"""CREATE OR REPLACE FUNCTION search_priority_refresh(pid bigint) RETURNS void
    LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM search_priority WHERE priority_id = pid;
        {PRIORITY_ROW.format(where=" WHERE p.id = pid")};
    END $$""",
    f"""CREATE OR REPLACE FUNCTION search_priority_rebuild() RETURNS void
    LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM search_priority;
        {PRIORITY_ROW.format(where="")};
    END $$""",
    # A document's speakers changed: the priorities its quotes back have new speakers.
    """CREATE OR REPLACE FUNCTION search_on_document_speaker() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            PERFORM search_priority_refresh(c.priority_id) FROM (SELECT DISTINCT priority_id
                FROM documents_citation WHERE document_id = OLD.document_id
                AND priority_id IS NOT NULL) c;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            PERFORM search_priority_refresh(c.priority_id) FROM (SELECT DISTINCT priority_id
                FROM documents_citation WHERE document_id = NEW.document_id
                AND priority_id IS NOT NULL) c;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE OR REPLACE FUNCTION search_on_priority() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM search_priority_refresh(OLD.id); END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM search_priority_refresh(NEW.id); END IF;
        RETURN NULL;
    END $$""",
    """CREATE OR REPLACE FUNCTION search_on_citation() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.priority_id IS NOT NULL THEN
            PERFORM search_priority_refresh(OLD.priority_id);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.priority_id IS NOT NULL THEN
            PERFORM search_priority_refresh(NEW.priority_id);
        END IF;
        RETURN NULL;
    END $$""",
    # TRUNCATE (Django's flush) fires no row trigger: rebuild from what is left.
    """CREATE OR REPLACE FUNCTION search_on_truncate() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM search_priority_rebuild();
        RETURN NULL;
    END $$""",
    """CREATE OR REPLACE TRIGGER search_on_priority
    AFTER INSERT OR UPDATE OR DELETE ON presidencies_priority
    FOR EACH ROW EXECUTE FUNCTION search_on_priority()""",
    """CREATE OR REPLACE TRIGGER search_on_citation
    AFTER INSERT OR UPDATE OR DELETE ON documents_citation
    FOR EACH ROW EXECUTE FUNCTION search_on_citation()""",
    """CREATE OR REPLACE TRIGGER search_on_document_speaker
    AFTER INSERT OR UPDATE OR DELETE ON documents_document_speakers
    FOR EACH ROW EXECUTE FUNCTION search_on_document_speaker()""",
    """CREATE OR REPLACE TRIGGER search_on_document_speaker_truncate
    AFTER TRUNCATE ON documents_document_speakers
    FOR EACH STATEMENT EXECUTE FUNCTION search_on_truncate()""",
    """CREATE OR REPLACE TRIGGER search_on_priority_truncate AFTER TRUNCATE ON presidencies_priority
    FOR EACH STATEMENT EXECUTE FUNCTION search_on_truncate()""",
    """CREATE OR REPLACE TRIGGER search_on_citation_truncate AFTER TRUNCATE ON documents_citation
    FOR EACH STATEMENT EXECUTE FUNCTION search_on_truncate()""",
]

POSTGRES_TRIGGERS = {
    "search_on_priority": "presidencies_priority",
    "search_on_citation": "documents_citation",
    "search_on_priority_truncate": "presidencies_priority",
    "search_on_citation_truncate": "documents_citation",
    "search_on_document_speaker": "documents_document_speakers",
    "search_on_document_speaker_truncate": "documents_document_speakers",
}

POSTGRES_REBUILD = ["SELECT search_priority_rebuild()"]

POSTGRES_UNINSTALL = [
    *(f"DROP TRIGGER IF EXISTS {name} ON {table}" for name, table in POSTGRES_TRIGGERS.items()),
    "DROP FUNCTION IF EXISTS search_on_truncate()",
    "DROP FUNCTION IF EXISTS search_on_citation()",
    "DROP FUNCTION IF EXISTS search_on_document_speaker()",
    "DROP FUNCTION IF EXISTS search_on_priority()",
    "DROP FUNCTION IF EXISTS search_priority_rebuild()",
    "DROP FUNCTION IF EXISTS search_priority_refresh(bigint)",
    "DROP TABLE IF EXISTS search_priority",
]

# The vocabulary of "did you mean" on PostgreSQL (search/suggest.py): every word of 3+
# letters (not only digits) of a document's title and text, unstemmed, in a table with a
# trigram index (pg_trgm, search migration 0005). A trigger adds a written document's words;
# a deleted document's words stay until the next rebuild (rebuild_search_index). The
# trigger is on every UPDATE, not `UPDATE OF title, text`: PostgreSQL refuses to alter the
# type of a column that a trigger definition names (the recipe below).
# Which words of a text are in the vocabulary: 3+ letters, not only digits (as suggest.py
# asks on SQLite). `{word}` is the SQL of the word.
VOCABULARY_WORD = "length({word}) > 2 AND {word} !~ '^[0-9]+$'"
POSTGRES_VOCABULARY = [
    "CREATE TABLE IF NOT EXISTS search_word (word text PRIMARY KEY)",
    "CREATE INDEX IF NOT EXISTS search_word_trgm ON search_word USING gin (word gin_trgm_ops)",
    f"""CREATE OR REPLACE FUNCTION search_words_of(body text) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE AS $$
        SELECT w FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig, body))) w
        WHERE {VOCABULARY_WORD.format(word="w")}
    $$""",
    """CREATE OR REPLACE FUNCTION search_on_document_words() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' OR NEW.title IS DISTINCT FROM OLD.title
                OR NEW.text IS DISTINCT FROM OLD.text THEN
            INSERT INTO search_word (word)
            SELECT search_words_of(NEW.title || ' ' || NEW.text) ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE OR REPLACE FUNCTION search_on_document_truncate() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM search_word;
        RETURN NULL;
    END $$""",
    """CREATE OR REPLACE TRIGGER search_on_document_words
    AFTER INSERT OR UPDATE ON documents_document
    FOR EACH ROW EXECUTE FUNCTION search_on_document_words()""",
    """CREATE OR REPLACE TRIGGER search_on_document_truncate AFTER TRUNCATE ON documents_document
    FOR EACH STATEMENT EXECUTE FUNCTION search_on_document_truncate()""",
]
POSTGRES_VOCABULARY_REBUILD = [
    "DELETE FROM search_word",
    # ts_stat counts the words inside one function call: a DISTINCT over every word of
    # every document (120 million rows at 100,000 documents) took over ten minutes.
    f"""INSERT INTO search_word (word) SELECT word FROM ts_stat(
        'SELECT to_tsvector(''simple''::regconfig, title || '' '' || text)
         FROM documents_document')
    WHERE {VOCABULARY_WORD.format(word="word")}""",
]
POSTGRES_VOCABULARY_UNINSTALL = [
    "DROP TRIGGER IF EXISTS search_on_document_truncate ON documents_document",
    "DROP TRIGGER IF EXISTS search_on_document_words ON documents_document",
    "DROP FUNCTION IF EXISTS search_on_document_truncate()",
    "DROP FUNCTION IF EXISTS search_on_document_words()",
    "DROP FUNCTION IF EXISTS search_words_of(text)",
    "DROP TABLE IF EXISTS search_word",
]


def install_vocabulary(apps, schema_editor) -> None:
    """The did-you-mean vocabulary, filled from the documents (PostgreSQL only)."""
    if schema_editor.connection.vendor == "postgresql":
        _run(schema_editor.connection, POSTGRES_VOCABULARY + POSTGRES_VOCABULARY_REBUILD)


def uninstall_vocabulary(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        _run(schema_editor.connection, POSTGRES_VOCABULARY_UNINSTALL)


# --- SQLite ------------------------------------------------------------------------------


def _refresh_priority(pid: str) -> str:
    """Statements that rebuild the FTS row of priority `pid` from the search-owned copies."""
    return f"""
    DELETE FROM search_priority_fts WHERE rowid = {pid};
    INSERT INTO search_priority_fts (rowid, title, body)
    SELECT s.priority_id, s.title, s.body || coalesce(char(10) || (
        SELECT group_concat(quote, char(10)) FROM (
            SELECT quote FROM search_priority_quote WHERE priority_id = {pid}
            ORDER BY citation_id)), '')
    FROM search_priority_source s WHERE s.priority_id = {pid};"""


PRIORITY_BODY = "trim({row}.summary || char(10) || {row}.status_note, char(10))"

SQLITE_TABLES = {
    "search_document_fts": f"""CREATE VIRTUAL TABLE IF NOT EXISTS search_document_fts
        USING fts5(title, body, tokenize = '{TOKENIZE}')""",
    "search_priority_source": """CREATE TABLE IF NOT EXISTS search_priority_source (
        priority_id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL)""",
    "search_priority_quote": """CREATE TABLE IF NOT EXISTS search_priority_quote (
        citation_id INTEGER PRIMARY KEY, priority_id INTEGER NOT NULL, quote TEXT NOT NULL)""",
    "search_priority_fts": f"""CREATE VIRTUAL TABLE IF NOT EXISTS search_priority_fts
        USING fts5(title, body, tokenize = '{TOKENIZE}')""",
}
SQLITE_INDEXES = [
    "CREATE INDEX IF NOT EXISTS search_priority_quote_priority "
    "ON search_priority_quote (priority_id, citation_id)",
]

SQLITE_TRIGGERS = {
    "search_document_ai": """AFTER INSERT ON documents_document BEGIN
        INSERT INTO search_document_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.text);
    END""",
    "search_document_au": """AFTER UPDATE ON documents_document BEGIN
        DELETE FROM search_document_fts WHERE rowid = OLD.id;
        INSERT INTO search_document_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.text);
    END""",
    "search_document_ad": """AFTER DELETE ON documents_document BEGIN
        DELETE FROM search_document_fts WHERE rowid = OLD.id;
    END""",
    "search_priority_ai": f"""AFTER INSERT ON presidencies_priority BEGIN
        INSERT OR REPLACE INTO search_priority_source (priority_id, title, body)
        VALUES (NEW.id, NEW.title, {PRIORITY_BODY.format(row="NEW")});
        {_refresh_priority("NEW.id")}
    END""",
    "search_priority_au": f"""AFTER UPDATE ON presidencies_priority BEGIN
        DELETE FROM search_priority_source WHERE priority_id = OLD.id;
        INSERT INTO search_priority_source (priority_id, title, body)
        VALUES (NEW.id, NEW.title, {PRIORITY_BODY.format(row="NEW")});
        {_refresh_priority("OLD.id")}
        {_refresh_priority("NEW.id")}
    END""",
    "search_priority_ad": f"""AFTER DELETE ON presidencies_priority BEGIN
        DELETE FROM search_priority_source WHERE priority_id = OLD.id;
        {_refresh_priority("OLD.id")}
    END""",
    "search_citation_ai": f"""AFTER INSERT ON documents_citation
    WHEN NEW.priority_id IS NOT NULL BEGIN
        INSERT OR REPLACE INTO search_priority_quote (citation_id, priority_id, quote)
        VALUES (NEW.id, NEW.priority_id, NEW.quote);
        {_refresh_priority("NEW.priority_id")}
    END""",
    "search_citation_au": f"""AFTER UPDATE ON documents_citation BEGIN
        DELETE FROM search_priority_quote WHERE citation_id = OLD.id;
        INSERT INTO search_priority_quote (citation_id, priority_id, quote)
        SELECT NEW.id, NEW.priority_id, NEW.quote WHERE NEW.priority_id IS NOT NULL;
        {_refresh_priority("OLD.priority_id")}
        {_refresh_priority("NEW.priority_id")}
    END""",
    "search_citation_ad": f"""AFTER DELETE ON documents_citation BEGIN
        DELETE FROM search_priority_quote WHERE citation_id = OLD.id;
        {_refresh_priority("OLD.priority_id")}
    END""",
}

SQLITE_INSTALL = [
    *SQLITE_TABLES.values(),
    *SQLITE_INDEXES,
    *(f"CREATE TRIGGER IF NOT EXISTS {name} {body}" for name, body in SQLITE_TRIGGERS.items()),
]

SQLITE_REBUILD = [
    "DELETE FROM search_document_fts",
    "INSERT INTO search_document_fts (rowid, title, body) "
    "SELECT id, title, text FROM documents_document",
    "DELETE FROM search_priority_quote",
    "INSERT INTO search_priority_quote (citation_id, priority_id, quote) "
    "SELECT id, priority_id, quote FROM documents_citation WHERE priority_id IS NOT NULL",
    "DELETE FROM search_priority_source",
    "INSERT INTO search_priority_source (priority_id, title, body) "
    f"SELECT p.id, p.title, {PRIORITY_BODY.format(row='p')} FROM presidencies_priority p",
    "DELETE FROM search_priority_fts",
    """INSERT INTO search_priority_fts (rowid, title, body)
    SELECT s.priority_id, s.title, s.body || coalesce(char(10) || (
        SELECT group_concat(quote, char(10)) FROM (
            SELECT quote FROM search_priority_quote q WHERE q.priority_id = s.priority_id
            ORDER BY citation_id)), '')
    FROM search_priority_source s""",
]

SQLITE_UNINSTALL = [
    *(f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS),
    *(f"DROP TABLE IF EXISTS {name}" for name in SQLITE_TABLES),
]


# --- Operations ---------------------------------------------------------------------------


def _run(connection: BaseDatabaseWrapper, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def install(connection: BaseDatabaseWrapper) -> None:
    """Create the index and its triggers (idempotent) and fill it from the data."""
    if connection.vendor == "postgresql":
        _run(connection, POSTGRES_INSTALL + POSTGRES_REBUILD)
    elif connection.vendor == "sqlite":
        _run(connection, SQLITE_INSTALL + SQLITE_REBUILD)


def uninstall(connection: BaseDatabaseWrapper) -> None:
    if connection.vendor == "postgresql":
        _run(connection, POSTGRES_UNINSTALL)
    elif connection.vendor == "sqlite":
        _run(connection, SQLITE_UNINSTALL)


def rebuild(connection: BaseDatabaseWrapper) -> None:
    """Refill the index from the knowledge base (after a bulk load with triggers off)."""
    if connection.vendor == "postgresql":
        _run(connection, POSTGRES_REBUILD)
        if VOCABULARY_BY in _applied(connection):
            _run(connection, POSTGRES_VOCABULARY_REBUILD)
    elif connection.vendor == "sqlite":
        _run(connection, SQLITE_REBUILD)


def missing_parts(connection: BaseDatabaseWrapper) -> list[str]:
    """Names of the tables and triggers of the index that the database lacks."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            missing = []
            cursor.execute("SELECT to_regclass('search_priority') IS NOT NULL")
            if not cursor.fetchone()[0]:
                missing.append("search_priority")
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgname = ANY(%s)", [list(POSTGRES_TRIGGERS)]
            )
            present = {row[0] for row in cursor.fetchall()}
            return missing + [name for name in POSTGRES_TRIGGERS if name not in present]
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
            present = {row[0] for row in cursor.fetchall()}
            wanted = [*SQLITE_TABLES, *SQLITE_TRIGGERS]
            return [name for name in wanted if name not in present]
    return []


def ensure(connection: BaseDatabaseWrapper) -> list[str]:
    """Reinstall and rebuild the index if a part is missing; return what was missing."""
    missing = missing_parts(connection)
    if missing:
        install(connection)
    return missing


INSTALLED_BY = ("search", "0001_search_index")
VOCABULARY_BY = ("search", "0005_trigram_vocabulary")


def _applied(connection: BaseDatabaseWrapper) -> set:
    from django.db.migrations.recorder import MigrationRecorder

    return set(MigrationRecorder(connection).applied_migrations())


SOURCE_TABLES = ("documents_document", "presidencies_priority", "documents_citation")


def ensure_after_migrate(connection: BaseDatabaseWrapper) -> list[str]:
    """post_migrate check: only when the index's migration is applied (not after unapplying)."""
    if INSTALLED_BY not in _applied(connection):
        return []
    if not set(SOURCE_TABLES) <= set(connection.introspection.table_names()):
        return []
    return ensure(connection)


# --- Altering documents_document.title or .text on PostgreSQL -------------------------------
# PostgreSQL refuses to change the type of a column that a generated column reads
# ("cannot alter type of a column used by a generated column"). A migration that alters
# Document.title or Document.text (a new max_length, say) wraps its AlterField:
#
#     operations = [
#         migrations.RunPython(schema.release_document_columns, schema.restore_document_columns),
#         migrations.AlterField(...),
#         migrations.RunPython(schema.restore_document_columns, schema.release_document_columns),
#     ]

VECTOR_FIELDS = ("search_vector", "search_rank_vector")


def _document_model(apps):
    if apps is None:
        from documents.models import Document

        return Document
    return apps.get_model("documents", "Document")


def release_document_columns(apps, schema_editor) -> None:
    """Drop the generated search vectors of documents (PostgreSQL; nothing on SQLite)."""
    if schema_editor.connection.vendor == "postgresql":
        model = _document_model(apps)
        for name in VECTOR_FIELDS:
            schema_editor.remove_field(model, model._meta.get_field(name))


def restore_document_columns(apps, schema_editor) -> None:
    """Add the generated search vectors of documents back (computed for every row), with
    their indexes."""
    if schema_editor.connection.vendor == "postgresql":
        model = _document_model(apps)
        for name in VECTOR_FIELDS:
            schema_editor.add_field(model, model._meta.get_field(name))
        for index in model._meta.indexes:
            if set(index.fields) & set(VECTOR_FIELDS):
                schema_editor.add_index(model, index)
