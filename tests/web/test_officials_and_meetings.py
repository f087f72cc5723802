"""Officials' and meetings' pages through the test client, and the home page's meeting lists
on a fixed date and on today's."""

import datetime
import re

import pytest
from django.urls import reverse

from tests.web.pages import jsonld_of, text_of

pytestmark = pytest.mark.django_db


def test_officials_pages_show_posts_statements_and_meetings(client, seed):
    html = text_of(client.get(reverse("official-list")))
    assert "Imangali Tasmagambetov" in html and "Secretary General, CSTO (former)" in html
    html = text_of(client.get("/officials/sergey-lavrov/"))
    assert "Minister of Foreign Affairs, Russia" in html
    assert "opening remarks" in html
    assert "Meeting of the CSTO Council of Foreign Ministers, 1 December 2020" in html
    assert '"@type": "Person"' in html


def test_officials_list_is_paginated(client, seed):
    from tests.factories import OfficialFactory

    OfficialFactory.create_batch(60)
    first = text_of(client.get("/officials/"))
    assert first.count('<h2><a href="/officials/') == 50
    assert 'rel="next" href="?page=2"' in first
    second = text_of(client.get("/officials/?page=2"))
    assert 0 < second.count('<h2><a href="/officials/') <= 50


def test_summit_pages_show_place_format_participants_and_documents(client, seed):
    html = text_of(client.get(reverse("summit-list")))
    assert "Videoconference" in html and "Proposed" in html
    response = client.get("/summits/csc-2025-bishkek/")
    html = text_of(response)
    assert "Yntymak Ordo government residence, Bishkek" in html
    assert "In person; Restricted and expanded formats" in html
    assert "Emomali Rahmon" in html
    assert "Declaration of the CSTO Collective Security Council" in html
    assert "CSTO summit" in html  # the transcript, a source
    data = jsonld_of(response)
    assert data["@type"] == "Event" and data["startDate"] == "2025-11-27"
    assert len(data["attendee"]) == 6


# --- Home page meetings, on a fixed date and on today's ------------------------------------


def home_lists(client) -> dict[str, str]:
    html = text_of(client.get("/"))
    lists = dict(re.findall(r'<ul class="plain" id="meetings-(\w+)"[^>]*>(.*?)</ul>', html, re.S))
    return {k: re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", v)) for k, v in lists.items()}


def test_home_meetings_after_a_planned_session_date_passed(client, seed, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: datetime.date(2026, 12, 1))
    lists = home_lists(client)
    assert "No meeting with a date ahead is recorded." in lists["next"]
    # Held meetings only: the Moscow session is still "planned" in the data.
    assert "Bishkek, 27 November 2025" in lists["recent"]
    assert "11 November 2026" not in lists["recent"]
    assert "2 December 2020" not in lists["recent"]
    moscow = "Moscow, 11 November 2026 Planned for 11 November 2026 (no report of it yet)"
    assert moscow in lists["unreported"]
    assert "International expert forum" in lists["undated"] and "Proposed" in lists["undated"]


def test_home_meetings_on_todays_date(client, seed):
    """No monkeypatched date: the lists follow the real calendar."""
    from django.utils import timezone

    from presidencies.models import Summit
    from tests.factories import SummitFactory

    today = timezone.localdate()
    days = datetime.timedelta
    SummitFactory(title="Held last week", date=today - days(7))
    SummitFactory(title="Planned yesterday", date=today - days(1), status=Summit.Status.PLANNED)
    SummitFactory(title="Planned next month", date=today + days(30), status="planned")
    SummitFactory(title="Held today", date=today)
    SummitFactory(title="Proposed someday", date=None, status=Summit.Status.PROPOSED)
    lists = home_lists(client)
    assert "Held today" in lists["next"] and "Planned next month" in lists["next"]
    assert lists["next"].index("Held today") < lists["next"].index("Planned next month")
    assert "Held last week" in lists["recent"]
    assert "Planned yesterday" not in lists["recent"]
    yesterday = f"{today - days(1):%-d %B %Y}"
    assert f"Planned yesterday Planned for {yesterday} (no report of it yet)" in lists["unreported"]
    assert "Proposed someday" in lists["undated"]
    for name, text in lists.items():
        others = [t for n, t in lists.items() if n != name]
        for title in ("Held last week", "Planned yesterday", "Planned next month"):
            assert not (title in text and any(title in o for o in others)), title


def test_meeting_page_says_when_a_planned_session_has_no_report(client, seed, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: datetime.date(2026, 12, 1))
    html = text_of(client.get("/summits/csc-2026-moscow/"))
    assert "for 11 November 2026; no report of it has been recorded yet" in html
    html = text_of(client.get("/summits/"))
    assert "no report of it yet" in html
