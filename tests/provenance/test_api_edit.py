"""Editing a document through the API re-anchors its citations, in every format the API speaks."""

import pytest

from documents.models import Citation, Document

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("suffix", ["", "?format=csv"])
def test_a_text_edit_through_the_api_moves_the_offsets(seed, editor_api, suffix):
    document = Document.objects.filter(citations__isnull=False).first()
    citation = document.citations.first()
    response = editor_api.patch(
        f"/api/v1/documents/{document.slug}/{suffix}",
        {"text": "A new opening paragraph.\n\n" + document.text},
        format="json",
    )
    assert response.status_code == 200, response.content
    citation = Citation.objects.get(pk=citation.pk)
    text = Document.objects.get(pk=document.pk).text
    assert text[citation.quote_start : citation.quote_end] == citation.quote
    assert citation.quote_start >= len("A new opening paragraph.\n\n")


def test_an_api_edit_that_drops_a_quote_is_a_409_naming_it(seed, editor_api):
    document = Document.objects.filter(citations__isnull=False).first()
    citation = document.citations.first()
    response = editor_api.patch(
        f"/api/v1/documents/{document.slug}/",
        {"text": document.text.replace(citation.quote, "")},
        format="json",
    )
    assert response.status_code == 409
    assert f"#{citation.pk}" in " ".join(response.json()["text"])
    assert Document.objects.get(pk=document.pk).text == document.text
