"""A database outage answers 503 quickly, as HTML for pages and JSON for the API, and recovers."""

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.urls")]

DOWN = "django.db.backends.utils.CursorWrapper.execute"


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_page_answers_503_with_retry_after_when_the_database_is_down(client, error):
    with mock.patch(DOWN, side_effect=error("server closed the connection unexpectedly")):
        response = client.get("/test-page/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Content-Type"].startswith("text/html")
    assert b"Temporarily unavailable" in response.content
    assert response["Cache-Control"] == "no-store"


def test_the_api_answers_503_in_json_when_the_database_is_down(client):
    with mock.patch(DOWN, side_effect=OperationalError("connection refused")):
        response = client.get("/api/v1/test-themes/")
    assert response.status_code == 503
    assert response.json()["code"] == "database_unavailable"
    assert response["Retry-After"] == "5"


def test_an_error_outside_the_view_also_answers_503(client, editor):
    # The session is read by the admin before the view runs: that lookup fails first.
    client.force_login(editor)
    with mock.patch(DOWN, side_effect=OperationalError("connection refused")):
        response = client.get("/admin/")
    assert response.status_code == 503


def test_the_site_recovers_by_itself_when_the_database_is_back(client):
    with mock.patch(DOWN, side_effect=OperationalError("connection refused")):
        assert client.get("/test-page/").status_code == 503
    response = client.get("/test-page/")
    assert response.status_code == 200
    assert b"themes" in response.content


def test_other_errors_are_not_disguised_as_an_outage(client):
    client.raise_request_exception = False
    with mock.patch(DOWN, side_effect=ValueError("a bug")):
        response = client.get("/test-page/")
    assert response.status_code == 500
