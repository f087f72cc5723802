"""The editors' admin, driven through the test client as an editor who is not a superuser."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from documents.models import Citation, Document
from presidencies.models import Presidency, Priority

pytestmark = pytest.mark.django_db

STATEMENT = (
    "Minister X said the chairmanship will focus on peacekeeping.\n\n"
    "We will strengthen the training of peacekeepers in 2101."
)


def document_form(priority: Priority, **overrides) -> dict:
    data = {
        "kind": "statement",
        "title": "Statement on peacekeeping",
        "slug": "statement-on-peacekeeping",
        "date": "2101-03-01",
        "publisher": "Ministry",
        "source_url": "",
        "language": "en",
        "speakers": [],
        "presidency": priority.presidency_id,
        "summit": "",
        "text": STATEMENT,
        "raw_text": "Menu | Home\n" + STATEMENT,
        "editorial_note": "",
        "citations-TOTAL_FORMS": "1",
        "citations-INITIAL_FORMS": "0",
        "citations-MIN_NUM_FORMS": "0",
        "citations-MAX_NUM_FORMS": "1000",
        "citations-0-quote": "We will strengthen the training of peacekeepers in 2101.",
        "citations-0-role": "states",
        "citations-0-priority": priority.pk,
        "citations-0-summit": "",
        "citations-0-presidency": "",
        "citations-0-position": "",
        "citations-0-instrument": "",
        "citations-0-note": "",
    }
    data.update(overrides)
    return data


def test_editors_group_has_exactly_the_editing_permissions():
    perms = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    models = ["memberstate", "presidency", "theme", "priority", "official", "position", "summit"]
    models += ["document", "citation"]
    assert perms == {f"{a}_{m}" for m in models for a in ("add", "change", "delete", "view")}
    assert not Permission.objects.filter(group__name="Editors", content_type__app_label="auth")


def test_editor_sees_the_knowledge_base_but_not_user_management(editor_client):
    index = editor_client.get(reverse("admin:index"))
    assert index.status_code == 200
    assert b"Chairmanships" in index.content
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403


@pytest.mark.parametrize(
    "name",
    [
        "presidencies_presidency",
        "presidencies_priority",
        "presidencies_official",
        "presidencies_summit",
        "presidencies_theme",
        "documents_document",
        "documents_citation",
    ],
)
def test_every_changelist_with_search_and_filters_works(editor_client, seed, name):
    response = editor_client.get(reverse(f"admin:{name}_changelist"), {"q": "security"})
    assert response.status_code == 200


def test_autocomplete_for_relations(editor_client, seed):
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "russia-20",
            "app_label": "documents",
            "model_name": "document",
            "field_name": "presidency",
        },
    )
    assert response.status_code == 200
    assert {r["text"] for r in response.json()["results"]} == {"Russia 2020", "Russia 2026"}


def test_editor_adds_a_statement_with_a_citation_in_one_screen(editor_client, editor):
    from tests.factories import PriorityFactory

    priority = PriorityFactory()
    response = editor_client.post(
        reverse("admin:documents_document_add"), document_form(priority), follow=True
    )
    assert response.status_code == 200
    document = Document.objects.get(slug="statement-on-peacekeeping")
    citation = document.citations.get()
    assert citation.priority == priority
    assert citation.quote in document.text
    record = document.history.get()
    assert record.history_user == editor and record.history_type == "+"
    assert citation.history.get().history_user == editor


def test_editor_sees_and_can_revert_a_change_in_history(editor_client, seed):
    presidency = Presidency.objects.get(slug="russia-2026")
    change_url = reverse("admin:presidencies_presidency_change", args=[presidency.pk])
    form = editor_client.get(change_url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data.update({"motto": "A wrong motto", "citations-TOTAL_FORMS": "0"})
    data.update({"citations-INITIAL_FORMS": "0", "citations-MIN_NUM_FORMS": "0"})
    data.update({"citations-MAX_NUM_FORMS": "1000"})
    data = {k: v for k, v in data.items() if v is not False}
    response = editor_client.post(change_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    presidency.refresh_from_db()
    assert presidency.motto == "A wrong motto"

    history = editor_client.get(
        reverse("admin:presidencies_presidency_history", args=[presidency.pk])
    )
    assert history.status_code == 200
    assert b"A wrong motto" in history.content

    first = presidency.history.order_by("history_date").first()
    # The fixtures are loaded raw (no history); the first record is the editor's change,
    # so revert to the state before it through its previous record when there is one.
    records = list(presidency.history.order_by("history_date"))
    assert records[-1].history_user.username == "editor"
    revert_url = reverse(
        "admin:presidencies_presidency_simple_history", args=[presidency.pk, first.history_id]
    )
    assert editor_client.get(revert_url).status_code == 200


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


def test_missing_quote_is_a_form_error_and_stores_nothing(editor_client):
    from tests.factories import PriorityFactory

    priority = PriorityFactory()
    data = document_form(priority, **{"citations-0-quote": ""})
    response = editor_client.post(reverse("admin:documents_document_add"), data)
    assert response.status_code == 200
    assert response.context["errors"]
    assert not Document.objects.exists() and not Citation.objects.exists()


def test_quote_not_in_the_text_is_a_form_error_and_stores_nothing(editor_client):
    from tests.factories import PriorityFactory

    priority = PriorityFactory()
    data = document_form(priority, **{"citations-0-quote": "Words nobody said."})
    response = editor_client.post(reverse("admin:documents_document_add"), data)
    assert response.status_code == 200
    assert b"verbatim" in response.content
    assert not Document.objects.exists() and not Citation.objects.exists()


def test_end_before_start_is_a_form_error_and_stores_nothing(editor_client, seed):
    data = {
        "chair": Presidency.objects.get(slug="russia-2026").chair_id,
        "year": "2099",
        "slug": "russia-2099",
        "start_date": "2099-06-01",
        "end_date": "2099-01-01",
        "motto": "",
        "website": "",
        "summary": "",
        "editorial_note": "",
        "citations-TOTAL_FORMS": "0",
        "citations-INITIAL_FORMS": "0",
        "citations-MIN_NUM_FORMS": "0",
        "citations-MAX_NUM_FORMS": "1000",
    }
    response = editor_client.post(reverse("admin:presidencies_presidency_add"), data)
    assert response.status_code == 200
    assert "end_date" in response.context["adminform"].form.errors
    assert not Presidency.objects.filter(year=2099).exists()


def test_overlapping_chairmanship_is_a_form_error(editor_client, seed):
    data = {
        "chair": Presidency.objects.get(slug="russia-2026").chair_id,
        "year": "2027",
        "slug": "russia-2027",
        "start_date": "2026-06-01",
        "end_date": "",
        "motto": "",
        "website": "",
        "summary": "",
        "editorial_note": "",
        "citations-TOTAL_FORMS": "0",
        "citations-INITIAL_FORMS": "0",
        "citations-MIN_NUM_FORMS": "0",
        "citations-MAX_NUM_FORMS": "1000",
    }
    response = editor_client.post(reverse("admin:presidencies_presidency_add"), data)
    assert response.status_code == 200
    assert "overlaps" in str(response.context["adminform"].form.errors)
    assert not Presidency.objects.filter(year=2027).exists()
