"""export_kb and import_kb round-trip the knowledge base, history and editors' work included."""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from knox.models import get_token_model

from backups.backup import kb_models, through_models, user_models
from documents.models import Document
from presidencies.models import Priority, Theme
from tests.adminforms import change_form_data, statement_form

pytestmark = pytest.mark.django_db

Token = get_token_model()

STATEMENT = (
    "The chairmanship will hold a staff exercise on peacekeeping in 2101.\n\n"
    "Ministers agreed to widen the exchange of information on drug trafficking."
)


def add_statement_through_the_admin(client, priority: Priority) -> None:
    data = statement_form(
        priority,
        title="Statement on the exercise",
        text=STATEMENT,
        quote="Ministers agreed to widen the exchange of information",
    )
    response = client.post(reverse("admin:documents_document_add"), data)
    assert response.status_code == 302, response.content[:2000]


def all_models():
    models = [*user_models(), *kb_models()]
    return [*models, *through_models(models)]


def snapshot() -> dict[str, object]:
    """Each model serialised; M2M tables as their sorted pairs (their own ids are not data)."""
    models = [*user_models(), *kb_models()]
    result: dict[str, object] = {
        model._meta.label: serializers.serialize(
            "json",
            model._default_manager.order_by("pk"),
            use_natural_foreign_keys=True,
            use_natural_primary_keys=model is Group,  # matched by name on restore
        )
        for model in models
    }
    by_name = {Group.permissions.through: ("group__name", "permission__codename")}
    by_name[get_user_model().groups.through] = ("user__username", "group__name")
    for through in through_models(models):
        columns = by_name.get(through) or [
            f.attname for f in through._meta.fields if not f.primary_key
        ]
        result[through._meta.label] = sorted(through.objects.values_list(*columns))
    return result


def wipe() -> None:
    # Straight DELETEs (foreign keys are checked at commit): an empty database, as after migrate.
    for model in all_models():
        model._default_manager.all()._raw_delete(model._default_manager.db)


def test_export_then_import_restores_everything_identically(seed, editor_client, tmp_path):
    add_statement_through_the_admin(editor_client, Priority.objects.first())
    theme = Theme.objects.first()
    url = reverse("admin:presidencies_theme_change", args=[theme.pk])
    page = editor_client.get(url)
    changed = editor_client.post(url, change_form_data(page, description_en="Edited by an editor."))
    assert changed.status_code == 302
    document = Document.objects.get(slug="statement-on-the-exercise")
    assert document.history.get().history_user.username == "editor"
    before = snapshot()
    assert json.loads(before["documents.HistoricalDocument"])
    assert json.loads(before["admin.LogEntry"])

    path = tmp_path / "kb.json"
    call_command("export_kb", str(path), "--with-accounts")
    wipe()
    assert Document.objects.count() == 0 and get_user_model().objects.count() == 0
    call_command("import_kb", str(path), "--with-accounts")

    after = snapshot()
    assert after.keys() == before.keys()
    for label in before:
        assert after[label] == before[label], label
    restored = Document.objects.get(slug="statement-on-the-exercise")
    assert restored.citations.get().quote.startswith("Ministers agreed")
    assert restored.history.get().history_user.username == "editor"
    assert Theme.objects.get(pk=theme.pk).history.first().description == "Edited by an editor."


def sql_rows() -> dict[str, list[tuple]]:
    """Every column of every row, read in SQL: what a serializer's round trip could hide."""
    from django.db import connection

    result = {}
    with connection.cursor() as cursor:
        for model in all_models():
            if model in (Group, Group.permissions.through, get_user_model().groups.through):
                continue  # matched by name on restore: compared by name below
            # An M2M table's own ids are not data: loaddata adds the pairs afresh.
            auto = model._meta.auto_created
            columns = ", ".join(
                connection.ops.quote_name(f.column)
                for f in model._meta.local_concrete_fields
                if not (auto and f.primary_key)
            )
            table = connection.ops.quote_name(model._meta.db_table)
            cursor.execute(f"SELECT {columns} FROM {table}")  # noqa: S608 - our own names
            result[model._meta.db_table] = sorted(cursor.fetchall(), key=repr)
    result["groups"] = sorted(
        (g.name, tuple(sorted(g.permissions.values_list("codename", flat=True))))
        for g in Group.objects.all()
    )
    result["user groups"] = sorted(
        get_user_model().groups.through.objects.values_list("user__username", "group__name")
    )
    return result


def test_a_restore_gives_back_every_field_of_every_row_and_the_accounts(
    seed, editor, editor_client, tmp_path
):
    add_statement_through_the_admin(editor_client, Priority.objects.first())
    Token.objects.create(user=editor, name="backup")
    exact = datetime.datetime(2101, 3, 1, 9, 30, 15, 123456, tzinfo=datetime.UTC)
    Document.objects.filter(slug="statement-on-the-exercise").update(updated_at=exact)
    Theme.objects.update(updated_at=exact)
    before = sql_rows()
    assert before["user groups"] == [("editor", "Editors")]
    assert len(before[Token._meta.db_table]) == 1

    path = tmp_path / "kb.json"
    call_command("export_kb", str(path), "--with-accounts")
    wipe()
    assert Token.objects.count() == 0 and Group.objects.count() == 0
    call_command("import_kb", str(path), "--with-accounts")

    after = sql_rows()
    assert after.keys() == before.keys()
    for table in before:
        assert after[table] == before[table], table
    assert Document.objects.get(slug="statement-on-the-exercise").updated_at == exact
    assert editor_client.get(reverse("admin:index")).status_code == 200


def test_the_export_holds_natural_keys_and_the_history(seed, editor_client, tmp_path):
    add_statement_through_the_admin(editor_client, Priority.objects.first())
    path = tmp_path / "kb.json"
    call_command("export_kb", str(path), "--with-accounts")
    objects = json.loads(path.read_text())
    models = {o["model"] for o in objects}
    assert {"documents.document", "documents.historicaldocument", "presidencies.priority"} <= models
    historical = [
        o
        for o in objects
        if o["model"] == "documents.historicaldocument"
        and o["fields"]["slug"] == "statement-on-the-exercise"
    ]
    assert historical[0]["fields"]["history_user"] == ["editor"]  # natural key, not an id
    assert len([o for o in objects if o["model"] == "documents.citation"]) == 136


ACCOUNT_MODELS = {"auth.user", "auth.group", "api.apitoken", "admin.logentry"}


def test_an_export_leaves_the_accounts_out_unless_asked(seed, editor, editor_client, tmp_path):
    add_statement_through_the_admin(editor_client, Priority.objects.first())
    Token.objects.create(user=editor, name="backup")
    path = tmp_path / "kb.json"
    call_command("export_kb", str(path))
    objects = json.loads(path.read_text())
    assert not {o["model"] for o in objects} & ACCOUNT_MODELS
    assert editor.password not in path.read_text()
    wipe()
    call_command("import_kb", str(path))
    document = Document.objects.get(slug="statement-on-the-exercise")
    assert document.history.get().history_user is None
    assert Document.objects.count() == 18
    assert get_user_model().objects.count() == 0


def test_an_import_restores_the_accounts_only_when_asked(seed, editor, editor_client, tmp_path):
    add_statement_through_the_admin(editor_client, Priority.objects.first())
    path = tmp_path / "kb.json"
    call_command("export_kb", str(path), "--with-accounts")
    assert ACCOUNT_MODELS - {"api.apitoken"} <= {o["model"] for o in json.loads(path.read_text())}
    wipe()
    # A new deployment with its own administrator takes the content and none of the accounts.
    get_user_model().objects.create_superuser("admin", password="x")
    call_command("import_kb", str(path))
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["admin"]
    document = Document.objects.get(slug="statement-on-the-exercise")
    assert document.history.get().history_user is None
    assert Document.objects.count() == 18


def test_an_import_with_accounts_refuses_a_database_that_has_users(seed, editor, tmp_path):
    path = tmp_path / "kb.json"
    call_command("export_kb", str(path), "--with-accounts")
    wipe()
    get_user_model().objects.create_user("someone")
    with pytest.raises(CommandError, match="already has 1"):
        call_command("import_kb", str(path), "--with-accounts")
    assert Document.objects.count() == 0


def test_import_refuses_a_database_that_is_not_empty(seed, tmp_path):
    path = tmp_path / "kb.json"
    call_command("export_kb", str(path))
    with pytest.raises(CommandError, match="already holds .* knowledge-base records"):
        call_command("import_kb", str(path))
    assert Document.objects.count() == 17


@pytest.mark.parametrize(
    "content", ["not json", '{"model": 1}', "[1, 2]", '[{"model": ["auth.user"]}]']
)
def test_import_rejects_a_file_that_is_not_an_export(tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(CommandError, match="not a JSON export"):
        call_command("import_kb", str(path))


def assert_refused_whole(path, objects) -> None:
    """Importing the edited export into an empty database is refused and stores nothing."""
    path.write_text(json.dumps(objects))
    wipe()
    with pytest.raises(CommandError, match="nothing was stored"):
        call_command("import_kb", str(path))
    assert Document.objects.count() == 0
    assert Theme.objects.count() == 0


def test_a_failed_import_leaves_nothing_behind(seed, tmp_path):
    path = tmp_path / "kb.json"
    call_command("export_kb", str(path))
    objects = json.loads(path.read_text())
    # Break the last citation: its document does not exist.
    citation = next(o for o in reversed(objects) if o["model"] == "documents.citation")
    citation["fields"]["document"] = 999999
    assert_refused_whole(path, objects)


def test_an_id_too_large_for_the_database_is_a_clear_error(seed, tmp_path):
    path = tmp_path / "kb.json"
    call_command("export_kb", str(path))
    objects = json.loads(path.read_text())
    theme = next(o for o in objects if o["model"] == "presidencies.theme")
    theme["pk"] = 2**70  # past any 64-bit integer column
    assert_refused_whole(path, objects)


@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "model": st.sampled_from(
                    ["documents.document", "presidencies.theme", "auth.user", "no.such", ""]
                ),
                "pk": st.one_of(st.integers(), st.text(max_size=20), st.none()),
                "fields": st.dictionaries(
                    st.sampled_from(["title", "slug", "name", "text", "kind", "quote", "x"]),
                    st.one_of(st.text(max_size=300), st.integers(), st.none()),
                    max_size=5,
                ),
            }
        ),
        min_size=1,
        max_size=4,
    )
)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_hostile_files_are_refused_cleanly_or_stored_whole(tmp_path, objects):
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(objects))
    try:
        call_command("import_kb", str(path))
    except CommandError:
        assert Document.objects.count() == 0 and Theme.objects.count() == 0
    else:
        wipe()
