"""Every error text an API client can meet comes in Russian under Accept-Language: ru, in the
same JSON shape and with the same status as in English."""

import datetime
import json

import pytest
from django.conf import settings
from django.utils import timezone

from presidencies.models import Presidency, Theme

pytestmark = pytest.mark.django_db

RU = {"HTTP_ACCEPT_LANGUAGE": "ru"}
NEW_PRESIDENCY = {
    "chair": "kazakhstan",
    "year": 2027,
    "start_date": "2027-01-01",
    "end_date": "2027-12-31",
    "motto": "",
}


def test_a_body_over_the_limit_is_refused_in_russian(editor_api):
    body = json.dumps({"text": "x" * (settings.API_MAX_BODY_BYTES + 1)})
    response = editor_api.generic(
        "POST", "/api/v1/documents/", body, content_type="application/json", **RU
    )
    assert response.status_code == 413
    limit = settings.API_MAX_BODY_BYTES // (1024 * 1024)
    assert response.json() == {
        "detail": f"Тело запроса больше {limit} МБ.",
        "code": "request_too_large",
    }
    assert response["Content-Language"] == "ru"


def test_a_body_over_the_limit_follows_the_language_cookie(editor_api, settings):
    editor_api.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    body = json.dumps({"text": "x" * (settings.API_MAX_BODY_BYTES + 1)})
    response = editor_api.generic("POST", "/api/v1/themes/", body, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["detail"].startswith("Тело запроса больше")


@pytest.mark.parametrize("value", ["0", "101", "ten"])
def test_a_bad_page_size_is_explained_in_russian(api, seed, value):
    response = api.get("/api/v1/documents/", {"page_size": value}, **RU)
    assert response.status_code == 400
    assert response.json() == {"page_size": ["Целое число от 1 до 100."]}


def test_an_unknown_address_and_a_bad_filter_value_in_russian(api, seed):
    missing = api.get("/api/v1/themes/astrology/", **RU)
    assert missing.status_code == 404
    assert missing.json()["detail"] == "Нет записи «тема», соответствующей запросу."
    empty = api.get("/api/v1/documents/", {"year": ""}, **RU)
    assert empty.status_code == 400
    assert empty.json()["year"] == ["Укажите значение."]


@pytest.mark.parametrize(
    ("url", "record"),
    [
        ("/api/v1/citations/999999/", "цитата"),
        ("/api/v1/documents/no-such-document/annotations/", "документ"),
    ],
)
def test_a_missing_record_is_named_in_russian(api, seed, url, record):
    missing = api.get(url, **RU)
    assert missing.status_code == 404
    assert missing.json()["detail"] == f"Нет записи «{record}», соответствующей запросу."


def test_a_model_rule_is_a_russian_field_message(seed, editor_api):
    url = "/api/v1/presidencies/russia-2026/"
    body = {"start_date": "2026-01-01", "end_date": "2000-01-01"}  # the body's own rule
    response = editor_api.patch(url, body, format="json", **RU)
    assert response.status_code == 400
    assert response.json()["end_date"] == ["Дата окончания раньше даты начала."]


def test_conflicts_with_what_is_stored_are_russian(seed, editor_api):
    overlap = editor_api.post("/api/v1/presidencies/", NEW_PRESIDENCY, format="json", **RU)
    assert overlap.status_code == 409
    assert "пересекается с председательством" in overlap.json()["start_date"][0]
    # A taken slug, said by the model's own rule (cstokb.constraints.unique), not Django's default.
    taken = editor_api.patch("/api/v1/themes/biological-security/", {"slug": "peacekeeping"}, **RU)
    assert taken.status_code == 409
    assert taken.json()["slug"] == ["Этот slug (часть адреса страницы) уже занят другой темой."]
    quote = editor_api.post(
        "/api/v1/citations/",
        {
            "document": "tass-2026-01-01-lavrov-russia-csto-presidency",
            "presidency": "russia-2026",
            "quote": "Words nobody said.",
        },
        format="json",
        **RU,
    )
    assert quote.status_code == 409
    assert quote.json()["quote"] == ["Цитата не встречается дословно в очищенном тексте документа."]
    blocked = editor_api.delete("/api/v1/presidencies/russia-2026/", **RU)
    assert blocked.status_code == 409
    assert "нельзя удалить" in blocked.json()["detail"]
    assert Presidency.objects.filter(slug="russia-2026").exists()


def test_a_stale_write_is_refused_in_russian(seed, editor_api, api):
    url = "/api/v1/themes/peacekeeping/"
    read = api.get(url)["Last-Modified"]
    Theme.objects.filter(slug="peacekeeping").update(
        updated_at=timezone.now() + datetime.timedelta(seconds=5)
    )
    response = editor_api.patch(
        url, {"description_en": "Mine"}, format="json", HTTP_IF_UNMODIFIED_SINCE=read, **RU
    )
    assert response.status_code == 412
    assert "уже после прочитанной вами версии" in response.json()["detail"]


def test_a_form_body_is_refused_in_russian(seed, editor_api):
    response = editor_api.post(
        "/api/v1/themes/", {"name": "Space", "slug": "space"}, format="multipart", **RU
    )
    assert response.status_code == 415
    assert response.json()["detail"].startswith("Неподдерживаемый тип данных")


def test_a_bad_search_is_explained_in_russian(api, seed):
    response = api.get("/api/v1/search/", {"q": "the of"}, **RU)
    assert response.status_code == 400
    assert "только самые частые слова" in json.dumps(response.json(), ensure_ascii=False)
    assert "common words" in json.dumps(api.get("/api/v1/search/", {"q": "the of"}).json())
