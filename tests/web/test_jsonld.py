"""JSON-LD on every detail page: schema.org types and the facts they carry."""

import datetime

import pytest

from tests.web.pages import MOTTO, jsonld_of

pytestmark = pytest.mark.django_db


def test_jsonld_home_is_the_organisation(client, seed):
    data = jsonld_of(client.get("/"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization" and data["alternateName"] == "CSTO"


def test_jsonld_chairmanship_is_the_chair_in_its_role(client, seed):
    data = jsonld_of(client.get("/presidencies/russia-2026/"))
    assert data["@type"] == "Organization" and data["alternateName"] == "CSTO"
    role = data["member"]
    assert role["@type"] == "OrganizationRole" and role["roleName"] == "Chair"
    assert role["member"] == {"@type": "Country", "name": "Russia"}
    assert role["startDate"] == "2026-01-01" and "endDate" not in role
    assert role["url"] == "http://testserver/presidencies/russia-2026/"
    assert role["description"] == MOTTO
    ended = jsonld_of(client.get("/presidencies/kyrgyzstan-2025/"))["member"]
    assert ended["endDate"] == "2025-12-31" and "startDate" not in ended


def test_jsonld_theme_is_a_collection_about_a_defined_term(client, seed):
    from presidencies.models import Theme

    theme = Theme.objects.get(slug="peacekeeping")
    data = jsonld_of(client.get("/themes/peacekeeping/"))
    assert data["@type"] == "CollectionPage"
    assert data["url"] == "http://testserver/themes/peacekeeping/"
    assert data["about"]["@type"] == "DefinedTerm" and data["about"]["name"] == "Peacekeeping"
    assert data["about"]["inDefinedTermSet"]["@type"] == "DefinedTermSet"
    items = data["mainEntity"]["itemListElement"]
    assert data["mainEntity"]["numberOfItems"] == len(items) == theme.priorities.count()
    assert all("/presidencies/" in i["url"] and "#priority-" in i["url"] for i in items)


def test_jsonld_documents_are_creative_works(client, seed):
    data = jsonld_of(client.get("/documents/kremlin-csto-summit-bishkek-2025-11-27/"))
    assert data["@type"] == "CreativeWork" and data["datePublished"] == "2025-11-27"
    assert {"@type": "Person", "name": "Vladimir Putin"} in data["author"]
    data = jsonld_of(client.get("/documents/csc-decision-anti-drug-strategy-2026-2030/"))
    assert data["@type"] == "Legislation" and "datePublished" not in data


def test_jsonld_official_is_a_person(client, seed):
    data = jsonld_of(client.get("/officials/sergey-lavrov/"))
    assert data["@type"] == "Person" and data["name"] == "Sergey Lavrov"
    assert "Minister of Foreign Affairs, Russia" in data["jobTitle"]


@pytest.mark.parametrize(
    ("today", "slug", "status", "start", "description"),
    [
        # Held: it took place as scheduled, which is what EventScheduled says.
        ("2026-06-01", "csc-2025-bishkek", "EventScheduled", "2025-11-27", "Held on 27 November"),
        # Planned for a date ahead: scheduled.
        ("2026-06-01", "csc-2026-moscow", "EventScheduled", "2026-11-11", "Planned for 11"),
        # Planned, the date passed, no report: nothing the data can vouch for.
        ("2026-12-01", "csc-2026-moscow", None, "2026-11-11", "no report of it"),
        # Proposed, no date: neither status nor startDate.
        ("2026-06-01", "expert-forum-eurasian-security-2026", None, None, "Proposed"),
        # Held, date not given: no startDate.
        ("2026-06-01", "defence-ministers-2020", "EventScheduled", None, "do not give the date"),
    ],
)
def test_jsonld_meeting_status_follows_schema_org(
    client, seed, monkeypatch, today, slug, status, start, description
):
    day = datetime.date.fromisoformat(today)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: day)
    data = jsonld_of(client.get(f"/summits/{slug}/"))
    assert data["@type"] == "Event"
    assert data.get("eventStatus") == (status and f"https://schema.org/{status}")
    assert data.get("startDate") == start
    assert description in data["description"]
