"""The API has no /ru/ prefix: under Accept-Language: ru its error texts are Russian, and
cached reads and ETags are kept apart by language."""

import pytest

pytestmark = pytest.mark.django_db

RU = {"HTTP_ACCEPT_LANGUAGE": "ru"}


def test_errors_come_out_in_russian_under_accept_language(seed, api):
    missing = api.get("/api/v1/documents/no-such-document/", **RU)
    assert missing.status_code == 404
    assert missing["Content-Language"] == "ru"
    assert "Accept-Language" in missing["Vary"]
    refused = api.post("/api/v1/themes/", {"name": "x"}, format="json", **RU)
    assert refused.status_code == 401
    assert refused.json()["detail"] == "Учетные данные не были предоставлены."
    unknown = api.get("/api/v1/documents/", {"presidency": "nowhere-1900"}, **RU)
    assert unknown.status_code == 404
    assert "Выберите корректный вариант" in unknown.json()["detail"]
    outside = api.get("/api/v1/no-such-resource/", **RU)
    assert outside.status_code == 404 and outside.json()["detail"] == "Не найдено."


def test_english_stays_the_default(seed, api):
    missing = api.get("/api/v1/documents/no-such-document/")
    assert missing.json()["detail"] == "No document matches the given query."
    assert missing["Content-Language"] == "en"
    refused = api.post("/api/v1/themes/", {"name": "x"}, format="json", HTTP_ACCEPT_LANGUAGE="de")
    assert refused.json()["detail"] == "Authentication credentials were not provided."


def test_cached_reads_and_etags_are_kept_apart_by_language(seed, api, settings):
    settings.PAGE_CACHE_ENABLED = True
    url = "/api/v1/documents/tass-2026-01-01-lavrov-russia-csto-presidency/"
    english = api.get(url)
    russian = api.get(url, **RU)
    assert english.json()["display_title"] == "News report, TASS, 1 January 2026"
    assert russian.json()["display_title"] == "Новостное сообщение, TASS, 1 января 2026"
    assert english["ETag"] != russian["ETag"]
    assert api.get(url).json()["display_title"] == "News report, TASS, 1 January 2026"
