"""Chairmanships a text states that the knowledge base lacks: proposed, reviewed, created."""

import datetime

from importer.analysis import analyse
from presidencies.models import Presidency

STARTS = (
    "ASTANA, March 3, 2024. Kazakhstan chairs the organization from January 1st of this "
    "year, the foreign minister said at the meeting with the Secretary General.\n\n"
    "The member states will work on collective security and on countering terrorism."
)
HANDOVER = (
    "MINSK, December 5, 2023. We will formally hand the chairman's functions to our Kazakh "
    "friends on 31 December 2023, the minister said.\n\n"
    "The year brought agreement on the crisis response plan."
)


def test_chairmanship_from_this_year(seed):
    result = analyse(STARTS)
    assert result.presidency is None
    proposal = result.proposed_presidency
    assert (proposal.state.slug, proposal.year) == ("kazakhstan", 2024)
    assert proposal.start_date == datetime.date(2024, 1, 1)
    assert proposal.quote.startswith("Kazakhstan chairs the organization")
    assert "Kazakhstan 2024" in " ".join(result.notes)


def test_chairmanship_from_a_handover(seed):
    proposal = analyse(HANDOVER).proposed_presidency
    assert (proposal.state.slug, proposal.year) == ("kazakhstan", 2024)
    assert proposal.start_date == datetime.date(2024, 1, 1)
    assert "hand the chairman's functions" in proposal.quote


def test_nothing_proposed_for_a_recorded_year(seed):
    result = analyse(
        "MOSCOW, March 3, 2026. Russia chairs the organization from January 1st of this year."
    )
    assert result.presidency.slug == "russia-2026"
    assert result.proposed_presidency is None


def test_nothing_proposed_without_a_statement(seed):
    assert analyse("ASTANA, March 3, 2024. The ministers met.").proposed_presidency is None


def test_review_creates_it_when_ticked(seed, editor_client):
    from documents.models import Document
    from tests.importer.test_admin import URL, review_data

    response = editor_client.post(URL, {"step": "source", "raw_text": STARTS})
    assert "Proposed chairmanship" in response.content.decode()
    data = review_data(response)
    data["create_presidency"] = "on"
    response = editor_client.post(URL, data)
    assert response.status_code == 302, response.context["form"].errors
    presidency = Presidency.objects.get(slug="kazakhstan-2024")
    assert presidency.start_date == datetime.date(2024, 1, 1)
    document = Document.objects.get(slug=data["slug"])
    assert document.presidency == presidency
    citation = document.citations.get()
    assert citation.presidency == presidency and citation.quote.startswith("Kazakhstan chairs")


def test_review_leaves_it_when_not_ticked(seed, editor_client):
    from tests.importer.test_admin import URL, review_data

    response = editor_client.post(URL, {"step": "source", "raw_text": STARTS})
    response = editor_client.post(URL, review_data(response))
    assert response.status_code == 302
    assert not Presidency.objects.filter(year=2024).exists()


def test_review_refuses_it_beside_an_existing_chairmanship(seed, editor_client):
    from tests.importer.test_admin import URL, review_data

    response = editor_client.post(URL, {"step": "source", "raw_text": STARTS})
    data = review_data(response)
    data["create_presidency"] = "on"
    data["presidency"] = str(Presidency.objects.first().pk)
    response = editor_client.post(URL, data)
    assert response.status_code == 200
    assert response.context["form"].errors["create_presidency"]
    assert not Presidency.objects.filter(year=2024).exists()
