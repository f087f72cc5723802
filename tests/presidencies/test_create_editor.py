"""The documented command that creates an editor account."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

# A transactional test before this one flushes the group its data migration made.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("editors_group")]


def test_create_editor_makes_a_staff_member_of_the_editors_group(monkeypatch, capsys):
    monkeypatch.setenv("EDITOR_PASSWORD", "a-long-and-unusual-passphrase")
    call_command("create_editor", "alice", "--email", "alice@example.org", "--token")
    user = get_user_model().objects.get(username="alice")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Editors"]
    assert user.check_password("a-long-and-unusual-passphrase")
    assert user.has_perm("documents.add_document") and not user.has_perm("auth.add_user")
    out = capsys.readouterr().out
    token = out.split("API token: ")[1].split()[0]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/tokens/").json()["results"][0]["name"] == "create_editor"
    assert token not in str(list(user.auth_token_set.values()))


def test_create_editor_rejects_a_weak_password_and_creates_nothing(monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "123")
    with pytest.raises(CommandError, match="Password rejected"):
        call_command("create_editor", "bob")
    assert not get_user_model().objects.filter(username="bob").exists()


def test_create_editor_without_password_or_terminal_says_what_to_do(monkeypatch):
    monkeypatch.delenv("EDITOR_PASSWORD", raising=False)
    monkeypatch.setattr("os.isatty", lambda fd: False)
    with pytest.raises(CommandError, match="EDITOR_PASSWORD"):
        call_command("create_editor", "carol")
