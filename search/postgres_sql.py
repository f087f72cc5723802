"""The search index's SQL on PostgreSQL (installed and checked by search/schema.py).

The documents' vectors are Django fields (documents/fulltext.py: stored generated `tsvector`
columns with GIN indexes, in each document's language); here, the table `search_priority`
(read through search.models.PriorityIndex) whose generated vector is refreshed by triggers on
presidencies_priority and documents_citation, with its GIN index; English stemming. And the
vocabulary of "did you mean".
"""

# ruff: noqa: S608 - the SQL is built from constants of this module only, never from input.

from documents.fulltext import RANK_TEXT_CHARS

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

# What a priority is ranked on: its title (A) and the opening of its body (B: the summary,
# the status note, the first quotes), as a document is on its title and opening
# (documents/fulltext.py). The full vector holds every quote that backs the priority
# (thousands in a large knowledge base): TOASTed, and decompressing each matching
# priority's to rank it was most of the time of a phrase search; this one stays inline.
PRIORITY_RANK_VECTOR = f"""setweight(to_tsvector('{PG_CONFIG}'::regconfig, title), 'A')
            || setweight(to_tsvector('{PG_CONFIG}'::regconfig,
                left(body, {RANK_TEXT_CHARS})), 'B')"""

# A phrase's positions are checked on the documents of a bounded set (backends.read_set),
# which search/matches.py names `{read}` in its WITH: the ids matches() reads, and true when
# there are more than it reads.
PHRASE_READ = "SELECT id FROM {read} LIMIT %s"
PHRASE_PARTIAL = "(SELECT COUNT(*) FROM {read}) > {limit}"

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
        speaker_ids bigint[] NOT NULL DEFAULT '{{}}',
        rank_vector tsvector GENERATED ALWAYS AS ({PRIORITY_RANK_VECTOR}) STORED
    )""",
    # A table made before the speakers, or the ranking vector, were kept here.
    "ALTER TABLE search_priority ADD COLUMN IF NOT EXISTS speaker_ids bigint[] NOT NULL "
    "DEFAULT '{}'",
    "ALTER TABLE search_priority ADD COLUMN IF NOT EXISTS rank_vector tsvector "
    f"GENERATED ALWAYS AS ({PRIORITY_RANK_VECTOR}) STORED",
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
# type of a column that a trigger definition names (the recipe in search/schema.py).
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
    # ts_stat counts the words inside one function call, where a DISTINCT over every word of
    # every document would sort a row per word occurrence.
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
