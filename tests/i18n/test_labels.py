"""Editorial labels in both languages (django-modeltranslation): the Russian where the editors
wrote it, the English marked lang="en" where they have not, the English kept where search reads."""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from presidencies.models import Priority, Theme
from search.engine import search
from tests.factories import PriorityFactory

pytestmark = pytest.mark.django_db

PEACEKEEPING = "/themes/peacekeeping/"


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_a_theme_is_named_in_the_pages_language(client, seed):
    assert "<h1>Peacekeeping</h1>" in page(client, PEACEKEEPING)
    assert "<h1>Миротворческая деятельность</h1>" in page(client, "/ru" + PEACEKEEPING)


def test_a_label_without_its_russian_is_shown_in_english_marked_as_english(client, seed):
    priority = Priority.objects.filter(theme__slug="peacekeeping").first()
    assert not priority.title_ru
    html = page(client, "/ru" + PEACEKEEPING)
    assert f'<span lang="en">{priority.title}</span>' in html
    # English pages carry no marks: the whole page is English.
    assert f'<span lang="en">{priority.title}</span>' not in page(client, PEACEKEEPING)


def test_a_russian_version_replaces_the_english_on_russian_pages_only(client, seed):
    priority = Priority.objects.filter(theme__slug="peacekeeping").first()
    english = priority.title
    priority.title_ru = "Миротворческий потенциал ОДКБ"
    priority.save()
    assert "Миротворческий потенциал ОДКБ" in page(client, "/ru" + PEACEKEEPING)
    assert f'<span lang="en">{english}</span>' not in page(client, "/ru" + PEACEKEEPING)
    assert english in page(client, PEACEKEEPING)
    assert "Миротворческий потенциал ОДКБ" not in page(client, PEACEKEEPING)


def test_the_admin_edits_the_russian_beside_the_english(editor_client, seed):
    theme = Theme.objects.get(slug="peacekeeping")
    url = reverse("admin:presidencies_theme_change", args=[theme.pk])
    form = editor_client.get(url).context["adminform"].form
    assert {"name_en", "name_ru", "description_en", "description_ru"} <= set(form.fields)
    assert "keywords_en" not in form.fields  # keywords are the importer's, not a label
    data = {name: form.initial.get(name, field.initial) for name, field in form.fields.items()}
    data = {name: value for name, value in data.items() if value is not None}
    data.update(name_ru="Миротворчество", description_ru="Миротворческий потенциал ОДКБ.")
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    theme.refresh_from_db()
    assert (theme.name_en, theme.name_ru) == ("Peacekeeping", "Миротворчество")
    # The admin's history has the Russian version too.
    assert theme.history.first().name_ru == "Миротворчество"


def unsuffixed(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def test_a_save_under_russian_keeps_the_english_in_the_column_search_reads(seed):
    priority = PriorityFactory(title="Airlift capacity", summary="Aircraft for the forces.")
    with translation.override("ru"):
        priority = Priority.objects.get(pk=priority.pk)
        priority.title = "Воздушные перевозки"  # the Russian version, as modeltranslation has it
        priority.summary_ru = "Самолёты для Коллективных сил."
        priority.save()
    priority.refresh_from_db()
    assert (priority.title_en, priority.title_ru) == ("Airlift capacity", "Воздушные перевозки")
    assert unsuffixed("presidencies_priority", "title", priority.pk) == "Airlift capacity"
    assert unsuffixed("presidencies_priority", "summary", priority.pk) == "Aircraft for the forces."
    assert ("priority", "Airlift capacity") in {(h.type, h.title) for h in search("airlift").hits}


def test_facts_and_quotes_have_no_russian_version():
    from modeltranslation.translator import translator

    from documents.models import Citation, Document

    translated = {
        (model.__name__, field)
        for model in translator.get_registered_models(abstract=False)
        for field in translator.get_options_for_model(model).fields
        if not model.__name__.startswith("Historical")
    }
    assert ("Citation", "quote") not in translated
    assert not {("Document", "title"), ("Document", "text")} & translated
    assert ("Theme", "keywords") not in translated
    assert Citation and Document
    assert translated == {
        ("Presidency", "summary"),
        ("Presidency", "editorial_note"),
        ("Theme", "name"),
        ("Theme", "description"),
        ("Priority", "title"),
        ("Priority", "summary"),
        ("Priority", "status_note"),
        ("Summit", "editorial_note"),
        # Names, not wordings: a state, a person, a post, a meeting's title, city, venue and
        # format, as the CSTO writes them in Russian.
        ("MemberState", "name"),
        ("Official", "name"),
        ("Position", "title"),
        ("Position", "organisation"),
        ("Summit", "title"),
        ("Summit", "city"),
        ("Summit", "venue"),
        ("Summit", "sitting"),
        ("Work", "title"),
        ("Work", "editorial_note"),
        ("Document", "editorial_note"),
    }
