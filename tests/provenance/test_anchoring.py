"""Offsets never go stale: computed on save, moved with the text, or the edit is refused."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from documents.models import Citation, Document, find_anchor
from tests.adminforms import change_form_data
from tests.factories import CitationFactory, DocumentFactory

pytestmark = pytest.mark.django_db

TEXT = "Opening words.\n\nWe will strengthen peacekeeping. Drills follow in May."
QUOTE = "We will strengthen peacekeeping."


@pytest.fixture
def cited():
    document = DocumentFactory(text=TEXT)
    return CitationFactory(document=document, quote=QUOTE)


def test_offsets_are_code_points_of_the_stored_text(cited):
    assert (cited.quote_start, cited.quote_end) == (16, 16 + len(QUOTE))
    assert TEXT[cited.quote_start : cited.quote_end] == QUOTE


def test_non_ascii_text_counts_code_points_not_bytes():
    document = DocumentFactory(text="«Председательство» — Россия. We will strengthen peacekeeping.")
    citation = CitationFactory(document=document, quote=QUOTE)
    assert document.text[citation.quote_start : citation.quote_end] == QUOTE
    assert citation.quote_start == 29


def test_a_quote_still_standing_once_is_re_anchored_when_the_text_changes(cited):
    document = cited.document
    document.text = "A new first paragraph.\n\n" + TEXT
    document.full_clean()
    document.save()
    cited.refresh_from_db()
    assert document.text[cited.quote_start : cited.quote_end] == QUOTE
    assert cited.quote_start == 16 + len("A new first paragraph.\n\n")
    call_command("verify_citations")


def test_an_edit_that_drops_a_quote_is_refused_with_the_citation_listed(cited):
    document = cited.document
    document.text = "Opening words.\n\nWe will think about peacekeeping."
    with pytest.raises(ValidationError) as refused:
        document.full_clean()
    message = " ".join(refused.value.message_dict["text"])
    assert f"#{cited.pk}" in message and QUOTE in message


def test_an_edit_that_repeats_a_quote_elsewhere_keeps_the_old_place_or_refuses(cited):
    document = cited.document
    # Repeated after: the old place still holds, so nothing moves.
    document.text = TEXT + "\n\n" + QUOTE
    document.full_clean()
    # Repeated, and the old place shifted: which one is meant is unknown, so refused.
    document.text = "Intro.\n\n" + QUOTE + "\n\n" + TEXT
    with pytest.raises(ValidationError):
        document.full_clean()
    assert find_anchor(document.text, QUOTE, cited.quote_start) is None


def test_admin_refuses_the_edit_and_lists_the_citations_on_the_form(editor_client, cited):
    url = reverse("admin:documents_document_change", args=[cited.document.pk])
    loaded = editor_client.get(url)
    data = change_form_data(loaded, text="Opening words.\n\nSomething else entirely.")
    response = editor_client.post(url, data)
    assert response.status_code == 200  # the form again, with its errors
    errors = response.context["adminform"].form.errors["text"]
    assert any(f"#{cited.pk}" in e for e in errors)
    assert Document.objects.get(pk=cited.document.pk).text == TEXT


def test_api_refuses_the_edit_with_a_field_error(cited, editor_api):
    response = editor_api.patch(
        f"/api/v1/documents/{cited.document.slug}/", {"text": "Nothing quoted."}, format="json"
    )
    assert response.status_code == 409
    assert f"#{cited.pk}" in " ".join(response.json()["text"])
    assert Document.objects.get(pk=cited.document.pk).text == TEXT


def test_verify_citations_is_clean_on_the_fixtures(seed, capsys):
    call_command("verify_citations")
    assert "Every citation matches" in capsys.readouterr().out


def test_verify_citations_reports_every_mismatch_and_fails(seed, capsys):
    moved, gone = Citation.objects.order_by("pk")[:2]
    Citation.objects.filter(pk=moved.pk).update(quote_start=moved.quote_start + 1)
    # A text changed behind the model's back (raw SQL, a restore): the quote is gone.
    Document.objects.filter(pk=gone.document_id).update(text="Replaced.")
    with pytest.raises(CommandError, match="citation"):
        call_command("verify_citations")
    out = capsys.readouterr().out
    assert f"citation {moved.pk} " in out and "is not the quote" in out
    assert f"citation {gone.pk} " in out and "no longer stands" in out
