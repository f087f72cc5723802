"""Row totals kept by PostgreSQL's own triggers, so that a list of a whole table need not
count it (a COUNT(*) reads every row: 100,000 documents at every request of their list).

`install(connection, table)` (from a migration) creates `kept_count` (a table's name and
its number of rows) and statement triggers on `table` that add the rows an INSERT adds,
take off those a DELETE removes and set 0 on TRUNCATE, in the same transaction: the total
is exact whatever writes (the ORM, bulk_create, loaddata, raw SQL). A concurrent insert
into the same table waits for the first to commit (both update one row of kept_count).

PostgreSQL only: SQLite remakes a table on most schema changes and its triggers go with it;
there `total()` answers None and the list is counted, which at its sizes is cheap.
"""

from django.db import connections
from django.db.models.sql import Query

TABLE = "kept_count"

SETUP = [
    f"""CREATE TABLE IF NOT EXISTS {TABLE} (
        table_name varchar(63) PRIMARY KEY,
        total bigint NOT NULL CHECK (total >= 0)
    )""",
    # TG_TABLE_NAME: one function per change serves every counted table.
    f"""CREATE OR REPLACE FUNCTION {TABLE}_added() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE {TABLE} SET total = total + (SELECT count(*) FROM added)
        WHERE table_name = TG_TABLE_NAME;
        RETURN NULL;
    END $$""",  # noqa: S608 - names are this module's constants
    f"""CREATE OR REPLACE FUNCTION {TABLE}_removed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE {TABLE} SET total = total - (SELECT count(*) FROM removed)
        WHERE table_name = TG_TABLE_NAME;
        RETURN NULL;
    END $$""",  # noqa: S608 - names are this module's constants
    f"""CREATE OR REPLACE FUNCTION {TABLE}_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE {TABLE} SET total = 0 WHERE table_name = TG_TABLE_NAME;
        RETURN NULL;
    END $$""",  # noqa: S608 - names are this module's constants
]


def _triggers(table: str) -> dict[str, str]:
    return {
        f"{table}_count_insert": f"AFTER INSERT ON {table} REFERENCING NEW TABLE AS added "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_added()",
        f"{table}_count_delete": f"AFTER DELETE ON {table} REFERENCING OLD TABLE AS removed "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_removed()",
        f"{table}_count_truncate": f"AFTER TRUNCATE ON {table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_emptied()",
    }


def install(connection, table: str) -> None:
    """Keep `table`'s total from now on, starting from its COUNT(*)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for sql in SETUP:
            cursor.execute(sql)
        # No write may fall between the count and the triggers (a migration's transaction
        # holds the lock until it commits).
        cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")
        for name, definition in _triggers(table).items():
            cursor.execute(f"CREATE OR REPLACE TRIGGER {name} {definition}")
        fill = (
            f"INSERT INTO {TABLE} (table_name, total) SELECT %s, count(*) FROM {table} "  # noqa: S608
            "ON CONFLICT (table_name) DO UPDATE SET total = EXCLUDED.total"
        )
        cursor.execute(fill, [table])


def uninstall(connection, table: str) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for name in _triggers(table):
            cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        cursor.execute(f"DELETE FROM {TABLE} WHERE table_name = %s", [table])  # noqa: S608


def total(table: str, using: str) -> int | None:
    """`table`'s number of rows as its triggers keep it; None where none is kept."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT total FROM {TABLE} WHERE table_name = %s", [table])  # noqa: S608
        row = cursor.fetchone()
    return row[0] if row else None


def counts_every_row(query: Query) -> bool:
    """Whether `query` selects every row of its model's table once: no filter, no DISTINCT,
    no grouping, union or slice (the joins select_related adds never drop or repeat a row)."""
    return not (
        query.where
        or query.distinct
        or query.combinator
        or query.is_sliced
        or query.group_by is not None
        or query.extra
        or query.extra_tables
    )
