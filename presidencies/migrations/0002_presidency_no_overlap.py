"""Two chairmanships never overlap: enforced by the database, not only by forms.

A row whose start is unknown cannot clash; an open chairmanship (no end date, not
concluded) runs to the end of time; a concluded one without an end date is known only
at its start. The same rule lives in PresidencyQuerySet.overlapping() for clean().
"""

from django.db import migrations

TABLE = "presidencies_presidency"

SQLITE_CONDITION = f"""
NEW.start_date IS NOT NULL AND EXISTS (
  SELECT 1 FROM {TABLE} o
  WHERE o.id IS NOT NEW.id AND o.start_date IS NOT NULL
    AND o.start_date <= COALESCE(NEW.end_date,
          CASE WHEN NEW.concluded THEN NEW.start_date ELSE '9999-12-31' END)
    AND NEW.start_date <= COALESCE(o.end_date,
          CASE WHEN o.concluded THEN o.start_date ELSE '9999-12-31' END)
)"""

SQLITE_FORWARD = [
    f"""CREATE TRIGGER presidency_no_overlap_{event.lower()}
BEFORE {event} ON {TABLE} WHEN {SQLITE_CONDITION}
BEGIN SELECT RAISE(ABORT, 'presidency_no_overlap: chairmanships may not overlap'); END;"""
    for event in ("INSERT", "UPDATE")
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS presidency_no_overlap_insert;",
    "DROP TRIGGER IF EXISTS presidency_no_overlap_update;",
]

POSTGRES_FORWARD = [
    f"""CREATE FUNCTION presidency_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Serialise writers so that two concurrent inserts cannot both pass the check.
  LOCK TABLE {TABLE} IN SHARE ROW EXCLUSIVE MODE;
  IF NEW.start_date IS NOT NULL AND EXISTS (
    SELECT 1 FROM {TABLE} o
    WHERE o.id IS DISTINCT FROM NEW.id AND o.start_date IS NOT NULL
      AND o.start_date <= COALESCE(NEW.end_date,
            CASE WHEN NEW.concluded THEN NEW.start_date ELSE DATE '9999-12-31' END)
      AND NEW.start_date <= COALESCE(o.end_date,
            CASE WHEN o.concluded THEN o.start_date ELSE DATE '9999-12-31' END)
  ) THEN
    RAISE EXCEPTION 'presidency_no_overlap: chairmanships may not overlap'
      USING ERRCODE = 'exclusion_violation';
  END IF;
  RETURN NEW;
END $$;""",
    f"""CREATE TRIGGER presidency_no_overlap BEFORE INSERT OR UPDATE ON {TABLE}
FOR EACH ROW EXECUTE FUNCTION presidency_no_overlap();""",
]
POSTGRES_REVERSE = [
    f"DROP TRIGGER IF EXISTS presidency_no_overlap ON {TABLE};",
    "DROP FUNCTION IF EXISTS presidency_no_overlap();",
]


def forward(apps, schema_editor):
    statements = {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}.get(
        schema_editor.connection.vendor, []
    )
    for sql in statements:
        schema_editor.execute(sql)


def reverse(apps, schema_editor):
    statements = {"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}.get(
        schema_editor.connection.vendor, []
    )
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("presidencies", "0001_initial")]
    operations = [migrations.RunPython(forward, reverse)]
