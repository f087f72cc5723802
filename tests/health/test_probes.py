"""/healthz answers without the database; /readyz checks the database and the migrations."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.urls import reverse

from health import views


def test_healthz_answers_ok_without_touching_the_database(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_while_the_database_is_down(client):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")
    ):
        assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_readyz_is_ok_when_the_database_is_reachable_and_migrated(client):
    views._MIGRATED_UNTIL = 0.0
    assert views.unapplied_migrations() == []
    response = client.get(reverse("readyz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_is_503_with_a_reason_when_the_database_is_down(client):
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute",
        side_effect=OperationalError("connection refused"),
    ):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["reason"] == "database unreachable"
    assert response["Retry-After"]


@pytest.mark.django_db
def test_readyz_is_503_when_a_migration_is_not_applied(client):
    from django.db.migrations.recorder import MigrationRecorder

    views._MIGRATED_UNTIL = 0.0
    MigrationRecorder.Migration.objects.filter(app="documents", name="0002_initial").delete()
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["reason"] == "unapplied migrations"
    assert "documents.0002_initial" in response.json()["migrations"]
