"""Meetings a text states as held that the knowledge base lacks: proposed, reviewed, created."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from documents.models import Citation, Document
from importer.analysis import analyse
from importer.services import import_data_from, store
from presidencies.models import Priority, Summit
from tests.importer.test_admin import URL, review_data

ASTANA = (
    "ASTANA, November 28, 2024. The session of the Collective Security Council was held in "
    "Astana on 28 November 2024, with Kassym-Jomart Tokayev in the chair.\n\n"
    "The leaders signed a declaration and adopted a decision on the Collective Forces.\n\n"
    "The next session will be held in Bishkek in 2025."
)


def test_meeting_is_proposed_with_its_sentence_and_instruments(seed):
    result = analyse(ASTANA)
    assert result.summit is None
    meeting = result.proposed_summit
    assert (meeting.kind, meeting.city, meeting.date) == (
        "csc",
        "Astana",
        datetime.date(2024, 11, 28),
    )
    assert meeting.quote.startswith("The session of the Collective Security Council was held")
    assert meeting.instruments == [
        "The leaders signed a declaration and adopted a decision on the Collective Forces."
    ]
    assert any("Astana, 28 November 2024" in note for note in result.notes)
    assert result.as_dict()["proposed_summit"]["city"] == "Astana"


def test_a_recorded_meeting_is_linked_not_proposed(seed):
    result = analyse(
        "BISHKEK, November 27, 2025. The session of the Collective Security Council was held "
        "in Bishkek on 27 November 2025."
    )
    assert result.summit.slug == "csc-2025-bishkek"
    assert result.proposed_summit is None


def test_review_creates_the_meeting_when_ticked(seed, editor_client):
    response = editor_client.post(URL, {"step": "source", "raw_text": ASTANA})
    page = response.content.decode()
    assert "Proposed meeting" in page and "was held in Astana" in page
    data = review_data(response)
    data["create_summit"] = "on"
    response = editor_client.post(URL, data)
    assert response.status_code == 302, response.context["form"].errors
    summit = Summit.objects.get(kind="csc", date=datetime.date(2024, 11, 28))
    assert summit.city == "Astana" and summit.status == "held"
    assert [o.slug for o in summit.participants.all()] == ["kassym-jomart-tokayev"]
    document = Document.objects.get(slug=data["slug"])
    assert document.summit == summit
    quotes = sorted(c.quote[:30] for c in Citation.objects.filter(summit=summit))
    assert quotes == ["The leaders signed a declarati", "The session of the Collective "]
    assert {c.role for c in Citation.objects.filter(summit=summit)} == {"attests"}


def test_review_leaves_the_meeting_when_not_ticked(seed, editor_client):
    response = editor_client.post(URL, {"step": "source", "raw_text": ASTANA})
    response = editor_client.post(URL, review_data(response))
    assert response.status_code == 302
    assert not Summit.objects.filter(date=datetime.date(2024, 11, 28)).exists()
    assert not Citation.objects.filter(summit__isnull=False, document__date__year=2024).exists()


def test_review_refuses_it_beside_an_existing_meeting_and_stores_nothing(seed, editor_client):
    response = editor_client.post(URL, {"step": "source", "raw_text": ASTANA})
    data = review_data(response)
    data["create_summit"] = "on"
    data["summit"] = str(Summit.objects.first().pk)
    documents = Document.objects.count()
    response = editor_client.post(URL, data)
    assert response.status_code == 200
    assert response.context["form"].errors["create_summit"]
    assert Document.objects.count() == documents
    assert not Summit.objects.filter(date=datetime.date(2024, 11, 28)).exists()


def test_review_requires_the_meetings_city_and_date(seed, editor_client):
    response = editor_client.post(URL, {"step": "source", "raw_text": ASTANA})
    data = review_data(response)
    data["create_summit"] = "on"
    data["new_summit_city"] = ""
    data.pop("new_summit_date")
    response = editor_client.post(URL, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "new_summit_city" in errors and "new_summit_date" in errors
    assert not Summit.objects.filter(city="Astana").exists()


def test_a_failing_save_leaves_no_meeting(seed):
    """The meeting is created in the document's transaction: a bad citation undoes it."""
    result = analyse(ASTANA)
    data = import_data_from(result)
    meeting = result.proposed_summit
    data.new_summit = {
        "title": meeting.title,
        "kind": meeting.kind,
        "city": meeting.city,
        "date": meeting.date,
        "quote": meeting.quote,
        "instruments": meeting.instruments,
        "participants": [],
    }
    data.citations = [("A sentence that is not in the text.", Priority.objects.first())]
    with pytest.raises(ValidationError):
        store(data)
    assert not Summit.objects.filter(city="Astana").exists()
    assert not Document.objects.filter(slug=data.slug).exists()
