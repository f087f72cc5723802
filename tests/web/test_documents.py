"""The documents list and a document's page through the test client: filters, pagination,
highlighted quotes, escaping."""

import pytest
from django.urls import reverse

from tests.web.pages import text_of

pytestmark = pytest.mark.django_db


def test_documents_list_filters_and_paginates(client, seed):
    def slugs(**params):
        response = client.get(reverse("document-list"), params)
        assert response.status_code == 200
        return {d.slug for d in response.context["documents"]}

    assert slugs(kind="remarks") == {"lavrov-opening-remarks-cfm-2020-12-01"}
    assert slugs(speaker="vladimir-putin") == {"kremlin-csto-summit-bishkek-2025-11-27"}
    assert slugs(presidency="russia-2026") == {
        "tass-2026-01-01-lavrov-russia-csto-presidency",
        "news-lavrov-message-russia-2026-csto-presidency",
    }
    assert "lavrov-opening-remarks-cfm-2020-12-01" in slugs(year="2020")
    assert "tass-2026-01-01-lavrov-russia-csto-presidency" not in slugs(year="2020")
    assert slugs(publisher="TASS") == {"tass-2026-01-01-lavrov-russia-csto-presidency"}
    assert slugs(kind="remarks", speaker="vladimir-putin") == set()
    html = text_of(client.get(reverse("document-list"), {"kind": "remarks"}))
    assert "1 document<" in html and "Foreign Minister Sergey Lavrov’s opening remarks" in html


def test_documents_list_rejects_bad_filters_with_a_message(client, seed):
    response = client.get(reverse("document-list"), {"presidency": "atlantis-2099", "page": "x"})
    assert response.status_code == 200
    assert 'class="error"' in text_of(response)


def test_documents_list_pagination(client, seed):
    from tests.factories import DocumentFactory

    DocumentFactory.create_batch(25)
    first = text_of(client.get(reverse("document-list")))
    assert "Page 1 of 3" in first and 'rel="next"' in first
    second = text_of(client.get(reverse("document-list"), {"page": 2}))
    assert "Page 2 of 3" in second


def test_document_page_highlights_every_cited_passage_with_anchors(client, seed):
    from documents.models import Document

    document = Document.objects.get(slug="kremlin-csto-summit-bishkek-2025-11-27")
    html = text_of(client.get(document.get_absolute_url()))
    assert 'id="p-1"' in html and 'href="#p-1"' in html
    for citation in document.citations.all():
        assert f'id="citation-{citation.pk}"' in html
    assert '<mark class="cited"' in html
    assert "Continuity with the Kyrgyz chairmanship (Russia 2026)" in html
    assert '"@type": "CreativeWork"' in html
    assert "Official website of the President of Russia" in html


def test_instrument_page_shows_what_attests_it_and_the_priorities_it_serves(client, seed):
    html = text_of(client.get("/documents/csc-decision-anti-drug-strategy-2026-2030/"))
    assert "The documents that have been signed include the decisions" in html
    assert "Combating drug and arms trafficking, organised crime and illegal migration" in html
    assert '"@type": "Legislation"' in html


def test_document_text_is_escaped_before_highlighting(client, db):
    from tests.factories import CitationFactory, DocumentFactory

    document = DocumentFactory(text="Intro <b>bold</b>.\n\nWe say <script>alert(1)</script> now.")
    CitationFactory(document=document, quote="<script>alert(1)</script>")
    html = text_of(client.get(document.get_absolute_url()))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
