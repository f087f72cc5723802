"""Anonymous public pages: Cache-Control, an ETag from the KB version, 304s and a server cache."""

import pytest
from django.test import override_settings

from presidencies.models import Theme
from tests.factories import ThemeFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.urls")]


def test_an_anonymous_page_gets_an_etag_and_public_cache_control(client):
    response = client.get("/test-page/")
    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert response["Cache-Control"] == "public, max-age=60"
    assert "Cookie" in response["Vary"]


def test_a_conditional_get_answers_304_after_one_query(client, django_assert_num_queries):
    etag = client.get("/test-page/")["ETag"]
    with django_assert_num_queries(1):  # the knowledge-base revision, nothing else
        response = client.get("/test-page/", headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert response.content == b""


def test_a_repeated_get_is_served_from_the_cache(client, django_assert_num_queries):
    ThemeFactory.create_batch(3)
    first = client.get("/test-page/")
    with django_assert_num_queries(1):  # the knowledge-base revision
        again = client.get("/test-page/")
    assert again.content == first.content == b"<p>3 themes</p>"


def test_a_change_to_the_knowledge_base_changes_the_etag_and_the_page(client):
    first = client.get("/test-page/")
    ThemeFactory()
    response = client.get("/test-page/", headers={"If-None-Match": first["ETag"]})
    assert response.status_code == 200
    assert response["ETag"] != first["ETag"]
    assert response.content == f"<p>{Theme.objects.count()} themes</p>".encode()


def test_the_etag_depends_on_the_query_string(client):
    assert client.get("/test-page/?page=2")["ETag"] != client.get("/test-page/")["ETag"]


def test_a_stale_or_foreign_etag_gets_the_full_page(client):
    response = client.get("/test-page/", headers={"If-None-Match": '"something-else"'})
    assert response.status_code == 200


def test_logged_in_editors_are_never_served_shared_pages(editor_client):
    response = editor_client.get("/test-page/")
    assert response.status_code == 200
    assert not response.has_header("ETag")
    assert "public" not in response.get("Cache-Control", "")


def test_the_api_and_the_admin_are_left_alone(client):
    api = client.get("/api/v1/test-themes/")
    assert not api.has_header("ETag") or "page:" not in api["ETag"]
    assert "public" not in api.get("Cache-Control", "")
    login = client.get("/admin/login/")
    assert "public" not in login.get("Cache-Control", "")


@override_settings(PAGE_CACHE_ENABLED=False)
def test_without_the_server_cache_pages_are_rendered_but_still_revalidate(
    client, django_assert_num_queries
):
    first = client.get("/test-page/")
    with django_assert_num_queries(2):  # the revision and the view's own query
        assert client.get("/test-page/").status_code == 200
    assert client.get("/test-page/", headers={"If-None-Match": first["ETag"]}).status_code == 304


@pytest.mark.django_db
def test_a_new_day_gets_a_new_page_and_etag(client, seed, settings, monkeypatch):
    import datetime

    settings.PAGE_CACHE_ENABLED = True
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: datetime.date(2026, 11, 30))
    yesterday = client.get("/")
    assert client.get("/", HTTP_IF_NONE_MATCH=yesterday["ETag"]).status_code == 304
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: datetime.date(2026, 12, 1))
    today = client.get("/", HTTP_IF_NONE_MATCH=yesterday["ETag"])
    assert today.status_code == 200
    assert today["ETag"] != yesterday["ETag"]
