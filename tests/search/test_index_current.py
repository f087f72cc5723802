"""The index follows every change: saves, deletes, quotes, and editors' edits in the admin."""

import pytest
from django.urls import reverse

from documents.models import Citation
from search.engine import search
from tests.factories import CitationFactory, OfficialFactory

from .builders import document, make_presidency, make_priority, priority_with_quote

pytestmark = pytest.mark.django_db


def found(query: str) -> set[tuple[str, str]]:
    return {(hit.type, hit.title) for hit in search(query).hits}


def change_form_data(client, url: str, **changes) -> dict:
    """The admin change form's current values, with `changes` applied (inlines left empty)."""
    form = client.get(url).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None or value is False:
            continue
        if isinstance(value, list):
            data[name] = [getattr(v, "pk", v) for v in value]
        else:
            data[name] = getattr(value, "pk", value)
    data.update(
        {
            "citations-TOTAL_FORMS": "0",
            "citations-INITIAL_FORMS": "0",
            "citations-MIN_NUM_FORMS": "0",
            "citations-MAX_NUM_FORMS": "1000",
        }
    )
    data.update(changes)
    return data


def test_editing_a_document_in_the_admin_reindexes_it(editor_client):
    doc = document("Statement on airlift", "The airlift capacity will grow.")
    assert found("airlift") == {("document", "Statement on airlift")}

    url = reverse("admin:documents_document_change", args=[doc.pk])
    data = change_form_data(
        editor_client,
        url,
        title="Statement on sealift",
        text="The sealift capacity will grow.",
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    assert found("sealift") == {("document", "Statement on sealift")}
    assert found("airlift") == set()


def test_editing_a_priority_and_adding_a_quote_in_the_admin_reindexes_it(editor_client):
    priority = make_priority(title="Airlift capacity", summary="Aircraft for the forces.")
    source = document("Report", "Opening.", "Helicopters will be pooled by the allies.")
    url = reverse("admin:presidencies_priority_change", args=[priority.pk])

    data = change_form_data(editor_client, url, title_en="Sealift capacity")
    data.update(
        {
            "citations-TOTAL_FORMS": "1",
            "citations-0-document": source.pk,
            "citations-0-quote": "Helicopters will be pooled by the allies.",
            "citations-0-role": "states",
            "citations-0-note": "",
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    assert ("priority", "Sealift capacity") in found("sealift")
    assert found("airlift") == set()
    # The new quote is searchable as part of the priority (and of its source document).
    assert found("helicopters") == {("priority", "Sealift capacity"), ("document", "Report")}


def test_deleting_a_document_removes_it_from_the_index():
    doc = document("Airlift", "Airlift.")
    doc.delete()
    assert found("airlift") == set()


def test_quotes_follow_their_citations_through_edits_moves_and_deletes():
    priority, source = priority_with_quote("Forces", "Helicopters will be pooled.")
    other = make_priority(title="Other")
    assert ("priority", "Forces") in found("helicopters")

    citation = Citation.objects.get(priority=priority)
    citation.priority = other
    citation.save()
    assert ("priority", "Forces") not in found("helicopters")
    assert ("priority", "Other") in found("helicopters")

    citation.delete()
    assert found("helicopters") == {("document", source.display_title)}


def test_a_quote_backing_something_else_than_a_priority_is_not_a_priority_match():
    source = document("Report", "Opening.", "Helicopters at the summit.")
    CitationFactory(document=source, priority=None, presidency=make_presidency())
    assert found("helicopters") == {("document", "Report")}


def test_deleting_a_priority_with_its_quotes_removes_it():
    priority, _source = priority_with_quote("Forces", "Helicopters will be pooled.")
    priority.citations.all().delete()
    priority.delete()
    assert {t for t, _ in found("helicopters")} == {"document"}
    assert found("forces") == set()


def priority_speakers(query: str) -> set[str]:
    hit = next(h for h in search(query).hits if h.type == "priority")
    return {slug for slug, _name in hit.speakers}


def test_a_priority_s_speakers_follow_its_sources_speakers():
    # A priority's speakers are those of the documents its quotes come from, on both
    # databases: kept in the priorities' search table on PostgreSQL, joined on SQLite.
    priority, source = priority_with_quote("Forces", "Helicopters will be pooled.")
    first, second = OfficialFactory(slug="first-speaker"), OfficialFactory(slug="second-speaker")
    source.speakers.add(first)
    assert priority_speakers("helicopters") == {"first-speaker"}
    assert search("helicopters", speaker="first-speaker").counts == {
        "document": 1,
        "priority": 1,
    }

    source.speakers.add(second)
    source.speakers.remove(first)
    assert priority_speakers("helicopters") == {"second-speaker"}
    assert search("helicopters", speaker="first-speaker").counts == {}
    speaker_facet = {v.value: v.count for v in search("helicopters").facets["speaker"]}
    assert speaker_facet == {"second-speaker": 2}

    source.speakers.clear()
    assert priority_speakers("helicopters") == set()
