"""Editors' API tokens: hashed at rest, named, expiring, listed and revoked by their owner."""

import datetime
import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from knox.models import get_token_model
from rest_framework.test import APIClient

from api.models import ApiToken

pytestmark = pytest.mark.django_db

TOKENS = "/api/v1/tokens/"
WRITE = "/api/v1/themes/peacekeeping/"


def client_with(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def make_token(user, name="laptop", **kwargs) -> tuple[ApiToken, str]:
    return get_token_model().objects.create(user=user, name=name, **kwargs)


@pytest.fixture
def other_editor(make_editor):
    return make_editor("other", "another long passphrase")


def every_text_value_in_the_database() -> str:
    """Every column of every table, read in SQL, as one text."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")
            values.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(values)


def test_a_token_authenticates_and_is_listed_by_name(seed, editor):
    row, token = make_token(editor)
    client = client_with(token)
    response = client.patch(WRITE, {"description_en": "Through a token."}, format="json")
    assert response.status_code == 200, response.json()
    listed = client.get(TOKENS).json()["results"]
    assert [(t["id"], t["name"], t["user"]) for t in listed] == [(row.pk, "laptop", "editor")]
    assert listed[0]["token_key"] == token[:15]
    assert "token" not in listed[0] and "digest" not in listed[0]
    assert listed[0]["expiry"]


def test_a_token_expires(seed, editor, settings):
    _, token = make_token(editor, expiry=datetime.timedelta(seconds=-1))
    client = client_with(token)
    response = client.get(TOKENS)
    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid token."}
    assert client.patch(WRITE, {"description_en": "x"}, format="json").status_code == 401


def test_tokens_expire_after_the_configured_days_by_default(editor):
    row, _ = make_token(editor)
    lifetime = row.expiry - row.created
    assert datetime.timedelta(days=89) < lifetime <= datetime.timedelta(days=90)


def test_a_revoked_token_is_refused(seed, editor):
    row, token = make_token(editor)
    other_row, other_token = make_token(editor, name="phone")
    client = client_with(token)
    assert client.delete(f"{TOKENS}{other_row.pk}/").status_code == 204
    assert client_with(other_token).get(TOKENS).status_code == 401
    # A token can revoke itself (a stolen-token drill without a password).
    assert client.delete(f"{TOKENS}{row.pk}/").status_code == 204
    response = client.get(TOKENS)
    assert response.status_code == 401 and response.json() == {"detail": "Invalid token."}
    assert not ApiToken.objects.exists()


def test_the_database_holds_no_plain_token(seed, editor, monkeypatch, capsys):
    monkeypatch.setenv("EDITOR_PASSWORD", "a-long-and-unusual-passphrase")
    call_command("create_editor", "alice", "--token", "--token-name", "deploy script")
    printed = capsys.readouterr().out.split("API token: ")[1].split()[0]
    _, made = make_token(editor)
    session = APIClient()
    session.force_login(editor)
    from_api = session.post(TOKENS, {"name": "from the API"}, format="json").json()["token"]

    stored = every_text_value_in_the_database()
    for token in (printed, made, from_api):
        assert client_with(token).get(TOKENS).status_code == 200
        assert token not in stored
        assert token[15:] not in stored  # only the recognisable first characters are kept
    assert ApiToken.objects.get(name="deploy script").user.username == "alice"


def test_an_editor_cannot_see_or_revoke_another_editors_token(seed, editor, other_editor):
    mine, my_token = make_token(editor)
    theirs, their_token = make_token(other_editor, name="theirs")
    client = client_with(their_token)
    assert [t["name"] for t in client.get(TOKENS).json()["results"]] == ["theirs"]
    for response in (client.get(f"{TOKENS}{mine.pk}/"), client.delete(f"{TOKENS}{mine.pk}/")):
        assert response.status_code == 404
        assert response.json() == {"detail": "No API token matches the given query."}
    assert client_with(my_token).get(TOKENS).status_code == 200


def test_a_superuser_sees_and_revokes_every_token(seed, editor, django_user_model):
    mine, _ = make_token(editor)
    admin = django_user_model.objects.create_superuser("admin", password="an admin passphrase")
    _, admin_token = make_token(admin, name="admin")
    client = client_with(admin_token)
    assert {t["user"] for t in client.get(TOKENS).json()["results"]} == {"admin", "editor"}
    assert client.delete(f"{TOKENS}{mine.pk}/").status_code == 204
    assert not ApiToken.objects.filter(user=editor).exists()


def test_the_token_list_needs_authentication(api):
    response = api.get(TOKENS)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_new_token_needs_a_password_login_not_a_token(seed, editor):
    _, token = make_token(editor)
    response = client_with(token).post(TOKENS, {"name": "a copy"}, format="json")
    assert response.status_code == 403
    assert "log in with your password" in response.json()["detail"]
    session = APIClient()
    session.force_login(editor)
    assert session.post(TOKENS, {"name": ""}, format="json").json() == {
        "name": ["This field may not be blank."]
    }
    made = session.post(TOKENS, {"name": "a copy"}, format="json")
    assert made.status_code == 201
    assert made.json()["name"] == "a copy" and made.json()["user"] == "editor"
    assert client_with(made.json()["token"]).get(TOKENS).status_code == 200


def test_the_admin_lists_tokens_without_their_digest(seed, editor, django_user_model, client):
    row, token = make_token(editor)
    admin = django_user_model.objects.create_superuser("admin", password="an admin passphrase")
    client.force_login(admin)
    page = client.get(reverse("admin:api_apitoken_changelist")).content.decode()
    assert "laptop" in page and row.digest not in page and token not in page
    assert client.get(reverse("admin:api_apitoken_add")).status_code == 403


def test_plain_tokens_from_before_are_hashed_and_keep_working(seed, editor):
    """The migration from DRF's token table: the same token works, only its digest is kept."""
    migration = importlib.import_module("api.migrations.0002_hash_plain_tokens")
    plain = "0123456789abcdef0123456789abcdef01234567"
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, user_id integer, "
            "created timestamp with time zone)"
        )
        cursor.execute(
            "INSERT INTO authtoken_token VALUES (%s, %s, %s)",
            [plain, editor.pk, "2025-01-02 03:04:05+00:00"],
        )
    # The migration uses only these two of its schema editor; SQLite's own cannot be opened
    # inside the test's transaction.
    schema_editor = SimpleNamespace(connection=connection, execute=connection.cursor().execute)
    migration.hash_plain_tokens(django_apps, schema_editor)
    assert "authtoken_token" not in connection.introspection.table_names()
    assert plain not in every_text_value_in_the_database()
    row = ApiToken.objects.get()
    assert row.name == "Token from before hashing" and row.created.year == 2025
    assert client_with(plain).get(TOKENS).json()["results"][0]["id"] == row.pk


def test_an_unknown_format_is_a_documented_404(seed, editor, api):
    api.force_login(editor)
    response = api.post(f"{TOKENS}?format=AAA", {"name": "x"}, format="json")
    assert response.status_code == 404
    schema = api.get("/api/schema/", {"format": "json"}).json()
    assert "404" in schema["paths"][TOKENS]["post"]["responses"]
    assert not ApiToken.objects.exists()
