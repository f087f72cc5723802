"""Editing chairmanships and posts through the admin as an editor: errors that store nothing,
history and revert."""

import pytest
from django.urls import reverse

from presidencies.models import Presidency
from tests.adminforms import change_form_data as form_data

pytestmark = pytest.mark.django_db


def test_editor_reverts_a_seeded_record_to_the_shipped_version(editor_client, seed):
    """The fixtures' rows have a first history version, so the first edit loses nothing."""
    presidency = Presidency.objects.get(slug="russia-2026")
    original = presidency.motto
    change_url = reverse("admin:presidencies_presidency_change", args=[presidency.pk])
    page = editor_client.get(change_url)
    assert 'name="loaded_version"' in page.content.decode()
    response = editor_client.post(change_url, form_data(page, motto="A wrong motto"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    presidency.refresh_from_db()
    assert presidency.motto == "A wrong motto"

    history = editor_client.get(
        reverse("admin:presidencies_presidency_history", args=[presidency.pk])
    )
    assert history.status_code == 200
    assert "A wrong motto" in history.content.decode()
    shipped = presidency.history.get(history_type="+")
    assert shipped.motto == original and shipped.history_user is None
    revert_url = reverse(
        "admin:presidencies_presidency_simple_history", args=[presidency.pk, shipped.history_id]
    )
    assert revert_url in history.content.decode()  # the history page links the version

    revert_form = editor_client.get(revert_url)
    assert revert_form.status_code == 200
    response = editor_client.post(revert_url, form_data(revert_form))
    assert response.status_code == 302, response.context["adminform"].form.errors
    presidency.refresh_from_db()
    assert presidency.motto == original
    newest = presidency.history.first()
    assert newest.motto == original and newest.history_user.username == "editor"
    assert presidency.history.count() == 3  # shipped, the wrong motto, the revert


def test_revert_restores_the_earlier_version(editor_client, editor):
    from tests.factories import PresidencyFactory

    presidency = PresidencyFactory(motto="First motto")
    presidency.motto = "Second motto"
    presidency.save()
    first = presidency.history.order_by("history_date").first()
    revert_url = reverse(
        "admin:presidencies_presidency_simple_history", args=[presidency.pk, first.history_id]
    )
    form = editor_client.get(revert_url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data = {k: v for k, v in data.items() if v is not False}
    data.update(
        {
            "citations-TOTAL_FORMS": "0",
            "citations-INITIAL_FORMS": "0",
            "citations-MIN_NUM_FORMS": "0",
            "citations-MAX_NUM_FORMS": "1000",
        }
    )
    response = editor_client.post(revert_url, data)
    assert response.status_code == 302
    presidency.refresh_from_db()
    assert presidency.motto == "First motto"
    assert presidency.history.count() == 3


def add_presidency(editor_client, **fields):
    """Posts the chairmanship add form as loaded, for Russia, with `fields` filled in."""
    add_url = reverse("admin:presidencies_presidency_add")
    chair = Presidency.objects.get(slug="russia-2026").chair_id
    return editor_client.post(add_url, form_data(editor_client.get(add_url), chair=chair, **fields))


def test_end_before_start_is_a_form_error_and_stores_nothing(editor_client, seed):
    response = add_presidency(
        editor_client,
        year="2099",
        slug="russia-2099",
        start_date="2099-06-01",
        end_date="2099-01-01",
    )
    assert response.status_code == 200
    assert "end_date" in response.context["adminform"].form.errors
    assert not Presidency.objects.filter(year=2099).exists()


def test_overlapping_chairmanship_is_a_form_error(editor_client, seed):
    response = add_presidency(
        editor_client, year="2027", slug="russia-2027", start_date="2026-06-01", end_date=""
    )
    assert response.status_code == 200
    assert "overlaps" in str(response.context["adminform"].form.errors)
    assert not Presidency.objects.filter(year=2027).exists()


def test_position_end_before_start_is_a_form_error_and_stores_nothing(editor_client):
    from tests.factories import OfficialFactory

    official = OfficialFactory()
    url = reverse("admin:presidencies_position_add")
    data = form_data(
        editor_client.get(url),
        official=official.pk,
        title_en="Minister of Foreign Affairs",
        start_date="2020-06-01",
        end_date="2019-06-01",
    )
    response = editor_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["end_date"] == ["The end date is before the start date."]
    assert not official.positions.exists()
    data["end_date"] = "2021-06-01"
    assert editor_client.post(url, data).status_code == 302
    assert official.positions.get().end_date.year == 2021


@pytest.mark.parametrize(
    ("model", "field"),
    [("memberstate", "name"), ("official", "name"), ("position", "title")],
)
def test_names_are_edited_in_english_and_russian_side_by_side(editor_client, model, field):
    form = editor_client.get(reverse(f"admin:presidencies_{model}_add")).context["adminform"].form
    assert {f"{field}_en", f"{field}_ru"} <= set(form.fields)
    assert field not in form.fields


def test_an_officials_positions_are_edited_in_both_languages(editor_client):
    from tests.factories import OfficialFactory

    official = OfficialFactory()
    response = editor_client.get(reverse("admin:presidencies_official_change", args=[official.pk]))
    positions = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model.__name__ == "Position"
    )
    assert {"title_en", "title_ru", "organisation_en", "organisation_ru"} <= set(
        positions.empty_form.fields
    )
