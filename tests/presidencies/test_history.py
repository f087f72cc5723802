"""Every row of the shipped knowledge base starts with a history version."""

import io

import pytest
from django.core.management import call_command

from documents.models import Document
from presidencies.management.commands.record_missing_history import (
    CHANGED_REASON,
    INITIAL_REASON,
    historical_models,
)
from presidencies.models import Presidency, Priority, Summit
from tests.factories import DocumentFactory, PriorityFactory
from tests.seed import load_fixtures

pytestmark = pytest.mark.django_db


def record() -> str:
    out = io.StringIO()
    call_command("record_missing_history", stdout=out)
    return out.getvalue()


def history_counts() -> dict:
    return {model: model.history.model.objects.count() for model in historical_models()}


def test_every_model_of_the_knowledge_base_keeps_history():
    names = {m._meta.label for m in historical_models()}
    assert {"presidencies.Presidency", "presidencies.Priority", "documents.Citation"} <= names
    assert len(names) == 10


def test_every_seeded_row_has_a_first_version_that_matches_it(seed):
    for model in historical_models():
        rows = list(model.objects.all())
        assert rows, model
        for row in rows:
            newest = row.history.first()
            assert newest is not None, (model, row.pk)
            assert newest.updated_at == row.updated_at
            assert newest.history_type in {"+", "~"}


def test_seeded_rows_start_with_a_creation_dated_when_the_row_was_last_changed(seed):
    presidency = Presidency.objects.get(slug="russia-2026")
    (first,) = presidency.history.all()
    assert first.history_type == "+"
    assert first.history_change_reason == INITIAL_REASON
    assert first.history_date == presidency.updated_at
    assert first.motto == presidency.motto


def test_the_many_to_many_fields_are_in_the_first_versions(seed):
    """populate_history --auto leaves these out (and skips the models loaddata touched)."""
    priorities = Priority.objects.filter(instruments__isnull=False).distinct()
    assert priorities
    for priority in priorities:
        newest = priority.history.first()
        assert {i.document_id for i in newest.instruments.all()} == set(
            priority.instruments.values_list("pk", flat=True)
        )
    for summit in Summit.objects.filter(participants__isnull=False).distinct():
        newest = summit.history.first()
        assert {p.official_id for p in newest.participants.all()} == set(
            summit.participants.values_list("pk", flat=True)
        )
    for document in Document.objects.filter(speakers__isnull=False).distinct():
        newest = document.history.first()
        assert {s.official_id for s in newest.speakers.all()} == set(
            document.speakers.values_list("pk", flat=True)
        )


def test_running_it_again_records_nothing(seed):
    before = history_counts()
    assert "Recorded 0 history version(s)." in record()
    load_fixtures()  # loading the fixtures twice changes nothing either
    assert "Recorded 0 history version(s)." in record()
    assert history_counts() == before


def test_rows_saved_normally_are_left_alone():
    priority = PriorityFactory()
    priority.instruments.add(DocumentFactory(kind="decision"))
    before = history_counts()
    assert "Recorded 0 history version(s)." in record()
    assert history_counts() == before


def test_fixtures_loaded_over_an_edit_are_recorded_and_the_edit_kept(seed):
    presidency = Presidency.objects.get(slug="russia-2026")
    shipped = presidency.motto
    presidency.motto = "An editor's motto"
    presidency.save()
    load_fixtures()  # overwrites the row raw, without history
    presidency.refresh_from_db()
    assert presidency.motto == shipped
    assert "Recorded 1 history version(s)." in record()
    stored, edit, first = presidency.history.all()
    assert (stored.motto, stored.history_type, stored.history_change_reason) == (
        shipped,
        "~",
        CHANGED_REASON,
    )
    assert edit.motto == "An editor's motto"  # still there to revert to
    assert first.history_type == "+"


def test_a_row_recreated_after_its_deletion_is_recorded(seed):
    document = DocumentFactory()
    pk = document.pk
    document.delete()
    Document.objects.bulk_create([DocumentFactory.build(pk=pk, slug="back-again")])
    record()
    assert [h.history_type for h in Document.history.filter(id=pk)] == ["~", "-", "+"]


def test_load_seed_fills_an_empty_knowledge_base_with_history():
    out = io.StringIO()
    call_command("load_seed", stdout=out)
    assert "Loaded 5 fixture files" in out.getvalue()
    russia = Presidency.objects.get(slug="russia-2026")
    assert russia.history.count() >= 1
    with_history = set(Document.history.values_list("id", flat=True))
    assert with_history == set(Document.objects.values_list("id", flat=True))


def test_load_seed_never_overwrites_an_editors_change():
    call_command("load_seed", stdout=io.StringIO())
    Presidency.objects.filter(slug="russia-2026").update(motto="An editor's motto")
    out = io.StringIO()
    call_command("load_seed", stdout=out)
    assert "fixtures not loaded" in out.getvalue()
    assert Presidency.objects.get(slug="russia-2026").motto == "An editor's motto"
    call_command("load_seed", "--force", stdout=io.StringIO())
    assert Presidency.objects.get(slug="russia-2026").motto != "An editor's motto"


def test_instruments_changed_from_the_documents_side_are_recorded_on_the_priorities():
    priority, other = PriorityFactory(), PriorityFactory()
    document = DocumentFactory(kind="decision")
    document.implemented_priorities.add(priority, other)
    for row in (priority, other):
        newest = row.history.first()
        assert newest.history_type == "~"
        assert [i.document_id for i in newest.instruments.all()] == [document.pk]
    document.implemented_priorities.remove(other)
    assert list(other.history.first().instruments.all()) == []
    count, other_count = priority.history.count(), other.history.count()
    document.implemented_priorities.clear()  # was a TypeError (the document's search fields)
    assert priority.history.count() == count + 1
    assert list(priority.history.first().instruments.all()) == []
    assert other.history.count() == other_count  # no longer linked: unchanged by the clear
    assert document.history.first().history_type == "+"  # the document's own history untouched
