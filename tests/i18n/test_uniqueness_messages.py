"""A taken slug, name or title is refused in words an editor reads, in English and Russian:
through the admin's forms, in the editor's language (the API's: tests/api)."""

import lxml.html
import pytest
from django.urls import reverse

from presidencies.models import Priority, Theme
from tests.adminforms import change_form_data

pytestmark = pytest.mark.django_db


def errors(response) -> list[str]:
    tree = lxml.html.document_fromstring(response.content.decode())
    return [
        " ".join(li.text_content().split())
        for li in tree.xpath("//ul[contains(@class, 'errorlist')]/li[not(ul)]")
    ]


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ru", "Этот slug (часть адреса страницы) уже занят другой темой."),
        ("en", "Another theme already has this slug."),
    ],
)
def test_the_admin_refuses_a_taken_slug_in_the_editors_language(
    seed, editor_client, language, message
):
    first, second = Theme.objects.order_by("pk")[:2]
    url = reverse("admin:presidencies_theme_change", args=[second.pk])
    loaded = editor_client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    response = editor_client.post(
        url, change_form_data(loaded, slug=first.slug), HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200
    assert message in errors(response)
    assert response.context["adminform"].form.errors["slug"] == [message]
    assert Theme.objects.get(pk=second.pk).slug == second.slug


def test_the_admin_refuses_a_priority_title_its_chairmanship_has(seed, editor_client):
    first, second = Priority.objects.filter(presidency__slug="russia-2026").order_by("pk")[:2]
    url = reverse("admin:presidencies_priority_change", args=[second.pk])
    loaded = editor_client.get(url, HTTP_ACCEPT_LANGUAGE="ru")
    data = change_form_data(loaded, title_en=first.title_en)
    response = editor_client.post(url, data, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 200
    assert "У этого председательства уже есть приоритет с таким названием." in errors(response)
    english = editor_client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert "This chairmanship already has a priority with this title." in errors(english)
