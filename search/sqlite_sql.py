"""The search index's SQL on SQLite (installed and checked by search/schema.py).

FTS5 tables with the porter tokenizer, kept current by triggers. SQLite checks every trigger
in the schema when Django rebuilds a table for a migration ("remake"), so a trigger on one
knowledge-base table must never read another knowledge-base table: the triggers copy what
they need (priority title and summary, quotes) into search-owned tables and build the FTS row
from those. A remake drops the remade table's own triggers; the post_migrate check
(`schema.ensure`) puts them back and rebuilds the index.
"""

# ruff: noqa: S608 - the SQL is built from constants of this module only, never from input.

TOKENIZE = "porter unicode61 remove_diacritics 2"


def _priority_fts_rows(where: str = "") -> str:
    """The FTS rows of priorities, from the search-owned copies: title, then body and quotes."""
    return f"""INSERT INTO search_priority_fts (rowid, title, body)
    SELECT s.priority_id, s.title, s.body || coalesce(char(10) || (
        SELECT group_concat(quote, char(10)) FROM (
            SELECT quote FROM search_priority_quote q WHERE q.priority_id = s.priority_id
            ORDER BY citation_id)), '')
    FROM search_priority_source s{where}"""


def _refresh_priority(pid: str) -> str:
    """Statements that rebuild the FTS row of priority `pid`."""
    return f"""
    DELETE FROM search_priority_fts WHERE rowid = {pid};
    {_priority_fts_rows(f" WHERE s.priority_id = {pid}")};"""


def _copy_triggers(
    name: str, table: str, *, copy: str, key: str, columns: dict, priority: str, only: str = ""
) -> dict[str, str]:
    """Insert, update and delete triggers on `table` that keep its rows' copy in the
    search-owned table `copy` (keyed on `key`, the row's id; `columns` maps each copied column
    to its expression of {row}, only the rows `only` admits) and rebuild the FTS row of the
    priority each old and new row belongs to (`priority`, of {row})."""

    def of(expression: str, row: str) -> str:
        return expression.format(row=row)

    where = f" WHERE {of(only, 'NEW')}" if only else ""
    when = f" WHEN {of(only, 'NEW')}" if only else ""
    copy_new = f"""INSERT OR REPLACE INTO {copy} ({", ".join(columns)})
        SELECT {", ".join(of(value, "NEW") for value in columns.values())}{where};"""
    drop_old = f"DELETE FROM {copy} WHERE {key} = OLD.id;"
    old, new = _refresh_priority(of(priority, "OLD")), _refresh_priority(of(priority, "NEW"))
    return {
        f"search_{name}_ai": f"AFTER INSERT ON {table}{when} BEGIN {copy_new}{new} END",
        f"search_{name}_au": f"AFTER UPDATE ON {table} BEGIN {drop_old} {copy_new}{old}{new} END",
        f"search_{name}_ad": f"AFTER DELETE ON {table} BEGIN {drop_old}{old} END",
    }


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
    **_copy_triggers(
        "priority",
        "presidencies_priority",
        copy="search_priority_source",
        key="priority_id",
        columns={"priority_id": "{row}.id", "title": "{row}.title", "body": PRIORITY_BODY},
        priority="{row}.id",
    ),
    **_copy_triggers(
        "citation",
        "documents_citation",
        copy="search_priority_quote",
        key="citation_id",
        columns={
            "citation_id": "{row}.id",
            "priority_id": "{row}.priority_id",
            "quote": "{row}.quote",
        },
        priority="{row}.priority_id",
        only="{row}.priority_id IS NOT NULL",
    ),
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
    _priority_fts_rows(),
]

SQLITE_UNINSTALL = [
    *(f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS),
    *(f"DROP TABLE IF EXISTS {name}" for name in SQLITE_TABLES),
]
