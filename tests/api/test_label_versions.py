"""Labels with a Russian version are written as `<label>_en` and `<label>_ru` whatever the
request's language: a write means the same under Accept-Language ru and en, and a refusal
names the field the client sent."""

import pytest
from django.db import connection
from django.utils import translation
from rest_framework import serializers

from presidencies.models import Priority, Theme

pytestmark = pytest.mark.django_db

SPACE = {"slug": "space", "name_en": "Space security", "name_ru": "Безопасность в космосе"}


def required_message(language: str) -> str:
    with translation.override(language):
        return str(serializers.Field.default_error_messages["required"])


def column(table: str, name: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {name} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


@pytest.mark.parametrize("language", ["ru", "en"])
def test_a_theme_created_in_either_language_stores_both_versions(seed, editor_api, language):
    response = editor_api.post(
        "/api/v1/themes/", SPACE, format="json", HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 201, response.json()
    theme = Theme.objects.get(slug="space")
    assert (theme.name_en, theme.name_ru) == ("Space security", "Безопасность в космосе")
    # The unsuffixed column, which search and the backups read, is the English.
    assert column("presidencies_theme", "name", theme.pk) == "Space security"
    body = response.json()
    assert (body["name_en"], body["name_ru"]) == ("Space security", "Безопасность в космосе")
    assert body["name"] == {"ru": "Безопасность в космосе", "en": "Space security"}[language]


@pytest.mark.parametrize("language", ["ru", "en"])
def test_a_theme_updated_in_either_language_changes_only_the_version_sent(
    seed, editor_api, language
):
    url = "/api/v1/themes/peacekeeping/"
    english = editor_api.patch(
        url, {"name_en": "Peace operations"}, format="json", HTTP_ACCEPT_LANGUAGE=language
    )
    assert english.status_code == 200, english.json()
    theme = Theme.objects.get(slug="peacekeeping")
    assert (theme.name_en, theme.name_ru) == ("Peace operations", "Миротворческая деятельность")
    russian = editor_api.patch(
        url, {"name_ru": "Миротворчество"}, format="json", HTTP_ACCEPT_LANGUAGE=language
    )
    assert russian.status_code == 200, russian.json()
    theme.refresh_from_db()
    assert (theme.name_en, theme.name_ru) == ("Peace operations", "Миротворчество")


def test_an_empty_russian_version_is_stored_as_none_so_many_themes_can_lack_one(seed, editor_api):
    for slug in ("space", "oceans"):
        body = {"slug": slug, "name_en": slug.title(), "name_ru": ""}
        response = editor_api.post("/api/v1/themes/", body, format="json")
        assert response.status_code == 201, response.json()
        assert response.json()["name_ru"] is None
    assert Theme.objects.get(slug="oceans").name_ru is None


def test_a_record_read_in_russian_and_sent_back_whole_keeps_its_english(seed, editor_api):
    url = "/api/v1/themes/peacekeeping/"
    read = editor_api.get(url, HTTP_ACCEPT_LANGUAGE="ru").json()
    assert read["name"] == "Миротворческая деятельность"
    response = editor_api.put(url, read, format="json", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 200, response.json()
    theme = Theme.objects.get(slug="peacekeeping")
    assert (theme.name_en, theme.name_ru) == ("Peacekeeping", "Миротворческая деятельность")


@pytest.mark.parametrize("language", ["ru", "en"])
def test_a_missing_english_version_is_refused_under_its_api_name(seed, editor_api, language):
    body = {"slug": "space", "name_ru": "Безопасность в космосе"}
    response = editor_api.post(
        "/api/v1/themes/", body, format="json", HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 400
    assert response.json() == {"name_en": [required_message(language)]}
    assert not Theme.objects.filter(slug="space").exists()


def test_a_blank_english_version_is_refused_under_its_api_name(seed, editor_api):
    url = "/api/v1/themes/peacekeeping/"
    response = editor_api.patch(url, {"name_en": " "}, format="json", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 400
    assert list(response.json()) == ["name_en"]
    assert Theme.objects.get(slug="peacekeeping").name_en == "Peacekeeping"


def test_the_plain_label_alone_is_refused_naming_it(seed, editor_api):
    url = "/api/v1/themes/peacekeeping/"
    russian = editor_api.patch(
        url, {"name": "Миротворчество"}, format="json", HTTP_ACCEPT_LANGUAGE="ru"
    )
    assert russian.status_code == 400
    assert russian.json() == {
        "name": ["Поле только для чтения (выводится на языке ответа): передайте name_en, name_ru."]
    }
    english = editor_api.post("/api/v1/themes/", {"slug": "space", "name": "Space"}, format="json")
    assert english.status_code == 400
    assert english.json()["name"] == [
        "Read-only, in the response's language: write name_en, name_ru."
    ]
    assert Theme.objects.get(slug="peacekeeping").name_ru == "Миротворческая деятельность"


def test_a_taken_russian_name_is_a_conflict_on_name_ru(seed, editor_api):
    body = {**SPACE, "name_ru": "Миротворческая деятельность"}
    response = editor_api.post("/api/v1/themes/", body, format="json", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 409
    assert response.json() == {"name_ru": ["Тема с таким названием уже есть."]}
    taken = editor_api.post("/api/v1/themes/", {**SPACE, "name_en": "Peacekeeping"}, format="json")
    assert taken.status_code == 409
    assert taken.json() == {"name_en": ["Another theme already has this name."]}


@pytest.mark.parametrize("language", ["ru", "en"])
def test_a_priority_is_written_by_its_versions_in_either_language(seed, editor_api, language):
    body = {
        "presidency": "russia-2026",
        "theme": "peacekeeping",
        "title_en": "Airlift capacity",
        "title_ru": "Воздушные перевозки",
        "summary_en": "Aircraft for the Collective Forces.",
    }
    created = editor_api.post(
        "/api/v1/priorities/", body, format="json", HTTP_ACCEPT_LANGUAGE=language
    )
    assert created.status_code == 201, created.json()
    priority = Priority.objects.get(pk=created.json()["id"])
    assert (priority.title_en, priority.title_ru) == ("Airlift capacity", "Воздушные перевозки")
    assert (priority.summary_en, priority.summary_ru) == (
        "Aircraft for the Collective Forces.",
        None,
    )
    changed = editor_api.patch(
        f"/api/v1/priorities/{priority.pk}/",
        {"summary_ru": "Самолёты для Коллективных сил."},
        format="json",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert changed.status_code == 200, changed.json()
    priority.refresh_from_db()
    assert priority.summary_en == "Aircraft for the Collective Forces."
    assert priority.summary_ru == "Самолёты для Коллективных сил."
    missing = editor_api.post(
        "/api/v1/priorities/",
        {"presidency": "russia-2026", "theme": "peacekeeping", "title_ru": "Без английского"},
        format="json",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert missing.status_code == 400
    assert missing.json() == {"title_en": [required_message(language)]}


def test_the_schema_names_the_versions_and_marks_the_plain_label_read_only(api):
    schemas = api.get("/api/schema/", {"format": "json"}).json()["components"]["schemas"]
    request = schemas["ThemeRequest"]
    assert "name" not in request["properties"]
    assert "name_en" in request["required"] and "name_ru" not in request["required"]
    assert request["properties"]["name_ru"]["nullable"] is True
    assert "whatever the request's language" in request["properties"]["name_en"]["description"]
    plain = schemas["Theme"]["properties"]["name"]
    assert plain["readOnly"] is True and "`name_en`" in plain["description"]
    # Every translated label the API writes, on every resource, the same way.
    for component, label in [
        ("MemberStateRequest", "name"),
        ("OfficialRequest", "name"),
        ("PriorityRequest", "title"),
        ("SummitRequest", "venue"),
        ("PresidencyDetailRequest", "editorial_note"),
        ("WorkRequest", "title"),
        ("DocumentDetailRequest", "editorial_note"),
    ]:
        properties = schemas[component]["properties"]
        assert {f"{label}_en", f"{label}_ru"} <= set(properties), component
        assert label not in properties, component
