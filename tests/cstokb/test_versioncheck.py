"""Two editors change the same record: the second save is refused, not silently applied."""

import pytest
from django.test import Client
from django.urls import reverse

from presidencies.models import Presidency, Theme
from tests.adminforms import change_form_data
from tests.factories import PresidencyFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_editor_client(editors_group, django_user_model):
    user = django_user_model.objects.create_user(
        username="second-editor", password="another long passphrase", is_staff=True
    )
    user.groups.add(editors_group)
    client = Client()
    client.force_login(user)
    return client


def test_the_second_editor_cannot_overwrite_the_first_editors_save(
    editor_client, second_editor_client
):
    theme = ThemeFactory(description="Original description.")
    url = reverse("admin:presidencies_theme_change", args=[theme.pk])
    page_a = editor_client.get(url)
    page_b = second_editor_client.get(url)
    assert b'name="loaded_version"' in page_a.content

    saved = editor_client.post(url, change_form_data(page_a, description_en="Editor A's text."))
    assert saved.status_code == 302

    refused = second_editor_client.post(url, change_form_data(page_b, description_en="B's text."))
    assert refused.status_code == 200
    assert "Someone else saved this record" in refused.content.decode()
    theme.refresh_from_db()
    assert theme.description == "Editor A's text."
    assert theme.history.count() == 2  # created, then A's change only

    # B reloads, sees A's text, and saves on top of it knowingly.
    reloaded = second_editor_client.get(url)
    assert "Editor A&#x27;s text." in reloaded.content.decode()
    again = second_editor_client.post(url, change_form_data(reloaded, description_en="B, after A."))
    assert again.status_code == 302
    theme.refresh_from_db()
    assert theme.description == "B, after A."


def test_the_check_covers_admins_with_fieldsets_and_inlines(editor_client, second_editor_client):
    presidency = PresidencyFactory(motto="First motto")
    url = reverse("admin:presidencies_presidency_change", args=[presidency.pk])
    page_a = editor_client.get(url)
    page_b = second_editor_client.get(url)
    assert editor_client.post(url, change_form_data(page_a, motto="A motto")).status_code == 302
    refused = second_editor_client.post(url, change_form_data(page_b, motto="B motto"))
    assert refused.status_code == 200
    assert "Someone else saved this record" in refused.content.decode()
    assert Presidency.objects.get(pk=presidency.pk).motto == "A motto"


def test_a_form_without_the_version_is_refused(editor_client):
    theme = ThemeFactory()
    url = reverse("admin:presidencies_theme_change", args=[theme.pk])
    data = change_form_data(editor_client.get(url), description_en="Forged")
    data["loaded_version"] = ""
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert Theme.objects.get(pk=theme.pk).description == ""


def test_adding_a_record_needs_no_version(editor_client):
    response = editor_client.post(
        reverse("admin:presidencies_theme_add"),
        {"name_en": "Cyber resilience", "slug": "cyber-resilience", "keywords": ""},
    )
    assert response.status_code == 302
    assert Theme.objects.filter(slug="cyber-resilience").exists()


def test_reverting_to_an_earlier_version_from_the_history_still_works(editor_client):
    theme = ThemeFactory(description="First.")
    url = reverse("admin:presidencies_theme_change", args=[theme.pk])
    editor_client.post(url, change_form_data(editor_client.get(url), description_en="Second."))
    first = theme.history.order_by("history_date").first()
    revert_url = reverse(
        "admin:presidencies_theme_simple_history", args=[theme.pk, first.history_id]
    )
    page = editor_client.get(revert_url)
    assert page.status_code == 200
    response = editor_client.post(revert_url, change_form_data(page))
    assert response.status_code == 302
    assert Theme.objects.get(pk=theme.pk).description == "First."
