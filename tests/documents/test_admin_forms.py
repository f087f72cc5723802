"""Editing documents, citations and works through the admin as an editor: one screen for a
statement and its quotes, errors that store nothing, history and revert."""

import pytest
from django.urls import reverse

from documents.models import Citation, Document, Work
from presidencies.models import Priority
from tests.adminforms import change_form_data as form_data
from tests.adminforms import statement_form

pytestmark = pytest.mark.django_db

STATEMENT = (
    "Minister X said the chairmanship will focus on peacekeeping.\n\n"
    "We will strengthen the training of peacekeepers in 2101."
)


def document_form(priority: Priority, **overrides) -> dict:
    return statement_form(
        priority,
        title="Statement on peacekeeping",
        text=STATEMENT,
        raw_text="Menu | Home\n" + STATEMENT,
        quote="We will strengthen the training of peacekeepers in 2101.",
        **overrides,
    )


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


def test_a_quote_across_two_paragraphs_is_a_form_error_and_stores_nothing(editor_client):
    from tests.factories import PriorityFactory

    priority = PriorityFactory()
    across = "focus on peacekeeping.\n\nWe will strengthen"
    assert across in STATEMENT
    response = editor_client.post(
        reverse("admin:documents_document_add"),
        document_form(priority, **{"citations-0-quote": across}),
    )
    assert response.status_code == 200
    assert "within a single paragraph" in response.content.decode()
    assert not Document.objects.exists() and not Citation.objects.exists()


def test_the_statement_screen_cites_for_a_member_state(editor_client):
    from tests.factories import MemberStateFactory, PriorityFactory

    priority, state = PriorityFactory(), MemberStateFactory()
    page = editor_client.get(reverse("admin:documents_document_add"))
    assert 'name="citations-0-member_state"' in page.content.decode()
    data = document_form(
        priority, **{"citations-0-priority": "", "citations-0-member_state": state.pk}
    )
    response = editor_client.post(reverse("admin:documents_document_add"), data)
    assert response.status_code == 302
    assert Citation.objects.get().member_state == state


def test_the_editors_name_shows_in_a_new_documents_history(editor_client, editor):
    from tests.factories import PriorityFactory

    response = editor_client.post(
        reverse("admin:documents_document_add"), document_form(PriorityFactory())
    )
    assert response.status_code == 302
    document = Document.objects.get(slug="statement-on-peacekeeping")
    history = editor_client.get(reverse("admin:documents_document_history", args=[document.pk]))
    assert history.status_code == 200
    body = history.content.decode()
    user_change = reverse("admin:auth_user_change", args=[editor.pk])
    assert f'<a href="{user_change}">{editor.username}</a>' in body  # the "User" column
    assert "Statement on peacekeeping" in body


def test_a_raw_text_edit_is_kept_in_history_and_revertible(editor_client):
    from tests.factories import DocumentFactory

    document = DocumentFactory(raw_text="Menu | Home\nAs received.")
    change_url = reverse("admin:documents_document_change", args=[document.pk])
    page = editor_client.get(change_url)
    response = editor_client.post(change_url, form_data(page, raw_text="Overwritten by mistake."))
    assert response.status_code == 302, response.context["adminform"].form.errors
    document.refresh_from_db()
    assert document.raw_text == "Overwritten by mistake."
    received, overwritten = document.history.order_by("history_date", "history_id")
    assert (received.raw_text, overwritten.raw_text) == (
        "Menu | Home\nAs received.",
        "Overwritten by mistake.",
    )
    history = editor_client.get(reverse("admin:documents_document_history", args=[document.pk]))
    assert "Overwritten by mistake." in history.content.decode()  # the change is shown

    revert_url = reverse(
        "admin:documents_document_simple_history", args=[document.pk, received.history_id]
    )
    revert_form = editor_client.get(revert_url)
    assert "Menu | Home\nAs received." in revert_form.content.decode()
    response = editor_client.post(revert_url, form_data(revert_form))
    assert response.status_code == 302, response.context["adminform"].form.errors
    document.refresh_from_db()
    assert document.raw_text == "Menu | Home\nAs received."


def test_an_editor_makes_a_work_and_attaches_a_version_in_the_admin(editor_client, seed):
    add_url = reverse("admin:documents_work_add")
    data = form_data(
        editor_client.get(add_url),
        title_en="A statement in two languages",
        slug="a-statement-in-two-languages",
        original_language="ru",
        editorial_note_en="Same speaker, date and content.",
    )
    response = editor_client.post(add_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    work = Work.objects.get(slug="a-statement-in-two-languages")
    document = Document.objects.get(slug="lavrov-opening-remarks-cfm-2020-12-01")
    change_url = reverse("admin:documents_document_change", args=[document.pk])
    data = form_data(editor_client.get(change_url), work=work.pk, version_role="translation")
    response = editor_client.post(change_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    page = editor_client.get(reverse("admin:documents_work_change", args=[work.pk]))
    assert "Foreign Minister Sergey Lavrov’s opening remarks" in page.content.decode()


def test_the_admin_refuses_a_translation_outside_a_work(editor_client, seed):
    document = Document.objects.get(slug="lavrov-opening-remarks-cfm-2020-12-01")
    change_url = reverse("admin:documents_document_change", args=[document.pk])
    data = form_data(editor_client.get(change_url), version_role="translation")
    response = editor_client.post(change_url, data)
    assert response.status_code == 200
    assert "work" in response.context["adminform"].form.errors
