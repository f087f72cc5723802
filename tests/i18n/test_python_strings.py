"""Strings written in Python (choice labels, filter labels, titles built from metadata) and the
error pages come out in the page's language."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django.views import defaults

pytestmark = pytest.mark.django_db

TASS = "/documents/tass-2026-01-01-lavrov-russia-csto-presidency/"


def test_document_kinds_and_built_titles_are_in_the_pages_language(client, seed):
    russian = client.get("/ru" + TASS).content.decode()
    assert "Новостное сообщение, TASS, 1 января 2026" in russian
    english = client.get(TASS).content.decode()
    assert "News report, TASS, 1 January 2026" in english
    assert "Новостное" not in english


def test_filter_labels_and_choices_are_in_russian(client, seed):
    page = client.get("/ru/documents/").content.decode()
    assert "Любой вид" in page and "Любое председательство" in page
    assert ">Новостное сообщение</option>" in page
    assert ">Any kind<" in client.get("/documents/").content.decode()


def test_meeting_status_and_citation_roles_are_translated(client, seed):
    page = client.get("/ru/documents/kremlin-csto-summit-bishkek-2025-11-27/").content.decode()
    assert "излагает" in page  # "Quote states it: ..." under a cited paragraph, lower-cased


def test_a_server_error_page_in_russian(client, seed):
    cache.clear()  # the pages are not served from the public page cache
    client.raise_request_exception = False
    with mock.patch("web.selectors.home_meetings", side_effect=ValueError("boom")):
        russian = client.get("/ru/")
        english = client.get("/")
    assert russian.status_code == english.status_code == 500
    assert '<html lang="ru">' in russian.content.decode()
    assert "Что-то пошло не так" in russian.content.decode()
    assert 'href="/ru/"' in russian.content.decode()
    assert "Something went wrong" in english.content.decode()


def test_the_outage_page_follows_the_language_of_the_path(client, seed):
    cache.clear()
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute",
        side_effect=OperationalError("connection refused"),
    ):
        russian = client.get("/ru/documents/")
        english = client.get("/documents/")
    assert russian.status_code == english.status_code == 503
    assert "Временно недоступно" in russian.content.decode()
    assert "через 5 секунд." in russian.content.decode()
    assert "Temporarily unavailable" in english.content.decode()
    assert "try again in 5 seconds." in english.content.decode()


def test_what_a_quote_backs_is_named_in_russian(client, seed):
    page = client.get("/ru" + TASS).content.decode()
    assert "Председательство: " in page
    assert "Chairmanship: " not in page
    assert "Chairmanship: " in client.get(TASS).content.decode()


def test_periods_are_written_in_the_pages_language(client, seed):
    russian = client.get("/ru/presidencies/russia-2026/").content.decode()
    assert "1 января 2026 – по настоящее время" in russian
    assert "1 January 2026" not in russian.split('class="lead"')[0]
    english = client.get("/presidencies/russia-2026/").content.decode()
    assert "1 January 2026 – present" in english


@pytest.mark.parametrize(
    ("handler", "status", "russian", "english"),
    [
        ("bad_request", 400, "Некорректный запрос", "Bad request"),
        ("permission_denied", 403, "Доступ запрещён", "Access denied"),
    ],
)
def test_the_400_and_403_pages_in_the_language_of_their_address(
    rf, seed, handler, status, russian, english
):
    from django.core.exceptions import PermissionDenied
    from django.utils import translation

    from api import errors

    view = getattr(errors, handler, None) or getattr(defaults, handler)
    for path, language, heading in (
        ("/ru/documents/", "ru", russian),
        ("/documents/", "en", english),
    ):
        with translation.override(language):
            page = view(rf.get(path), PermissionDenied())
        assert page.status_code == status
        body = page.content.decode()
        assert f'<html lang="{language}">' in body and f"<h1>{heading}</h1>" in body
