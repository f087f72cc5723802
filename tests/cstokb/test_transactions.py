"""An editor's save that fails half way leaves nothing behind."""

from unittest import mock

import pytest

from documents.models import Citation, Document
from presidencies.models import Priority
from tests.backups.test_backup import add_statement_through_the_admin

pytestmark = pytest.mark.django_db


def test_a_failure_while_saving_the_citations_stores_no_document(seed, editor_client):
    documents, citations = Document.objects.count(), Citation.objects.count()
    history = Document.history.count()
    with (
        mock.patch.object(Citation, "save", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError, match="disk full"),
    ):
        add_statement_through_the_admin(editor_client, Priority.objects.first())
    assert not Document.objects.filter(slug="statement-on-the-exercise").exists()
    assert Document.objects.count() == documents
    assert Citation.objects.count() == citations
    assert Document.history.count() == history


def test_the_same_submission_without_the_failure_stores_both(seed, editor_client):
    add_statement_through_the_admin(editor_client, Priority.objects.first())
    document = Document.objects.get(slug="statement-on-the-exercise")
    assert document.citations.count() == 1
