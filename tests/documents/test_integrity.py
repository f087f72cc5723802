"""Integrity rules of documents and citations: named database constraints and the models'
clean() (a quote stands verbatim, within one paragraph, and backs something)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from documents.models import Citation, Document
from tests.factories import CitationFactory, DocumentFactory, PriorityFactory

pytestmark = pytest.mark.django_db


def test_citation_without_quote_is_rejected_everywhere():
    citation = CitationFactory()
    citation.quote = ""
    with pytest.raises(ValidationError) as excinfo:
        citation.full_clean()
    assert "quote" in excinfo.value.message_dict
    with pytest.raises(IntegrityError, match="citation_quote_not_empty"), transaction.atomic():
        citation.save()


def test_citation_quote_must_stand_verbatim_in_the_document():
    citation = CitationFactory()
    citation.quote = "words the document never said"
    with pytest.raises(ValidationError, match="verbatim"):
        citation.full_clean()


def test_a_quote_must_stand_within_one_paragraph():
    """The page highlights and anchors quotes paragraph by paragraph."""
    document = DocumentFactory(text="First paragraph ends here.\n\nSecond one starts here.")
    across = Citation(
        document=document, priority=PriorityFactory(), quote="ends here.\n\nSecond one"
    )
    assert across.quote in document.text and document.paragraph_of(across.quote) is None
    with pytest.raises(ValidationError) as excinfo:
        across.full_clean()
    assert "within a single paragraph" in str(excinfo.value.message_dict["quote"])
    for quote in ("First paragraph ends here.", "Second one"):
        within = Citation(document=document, priority=across.priority, quote=quote)
        within.full_clean()
        assert document.paragraph_of(quote) in (1, 2)


def test_a_quote_across_a_blank_line_with_spaces_is_refused_too():
    document = DocumentFactory(text="One paragraph.\n   \nAnother paragraph.")
    across = Citation(
        document=document, priority=PriorityFactory(), quote="paragraph.\n   \nAnother"
    )
    with pytest.raises(ValidationError, match="single paragraph"):
        across.full_clean()


def test_citation_must_back_something():
    document = DocumentFactory()
    orphan = Citation(document=document, quote=document.paragraphs()[0])
    with pytest.raises(ValidationError, match="backs"):
        orphan.full_clean()
    with pytest.raises(IntegrityError, match="citation_has_a_subject"), transaction.atomic():
        orphan.save()


def test_the_same_cleaned_text_is_never_stored_twice():
    original = DocumentFactory(text="One statement.\n\nTwo paragraphs.")
    copy = DocumentFactory.build(text="One   statement.\n\n\nTwo paragraphs.  ")
    with pytest.raises(ValidationError, match="same text"):
        copy.full_clean()
    with pytest.raises(IntegrityError, match="document_unique_text|UNIQUE"), transaction.atomic():
        copy.save()
    assert Document.objects.get().pk == original.pk


def test_instruments_without_text_may_share_an_empty_text():
    DocumentFactory(kind="decision", text="", title="Decision one")
    DocumentFactory(kind="decision", text="", title="Decision two")
    assert Document.objects.instruments().count() == 2
