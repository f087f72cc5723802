"""Chairmanship and theme pages through the test client: the timeline, a chairmanship's priorities
by theme, the theme matrix and a theme followed through chairmanships."""

import datetime
import re

import pytest
from django.urls import reverse

from tests.web.pages import MOTTO, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def today_2026(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: datetime.date(2026, 6, 1))


def test_home_shows_the_chairmanship_in_office_and_latest_material(client, seed, today_2026):
    html = text_of(client.get("/"))
    assert "Russia 2026" in html and MOTTO in html
    assert "Combat potential and modern equipment for the Collective Forces" in html
    assert 'href="/presidencies/russia-2026/#priority-' in html
    assert "Session of the CSTO Collective Security Council, Moscow, 11 November 2026" in html
    assert "Session of the CSTO Collective Security Council, Bishkek, 27 November 2025" in html
    assert 'action="/search/"' in html
    assert '"@type": "Organization"' in html


def test_presidency_timeline_lists_every_chairmanship_with_counts(client, seed):
    html = text_of(client.get(reverse("presidency-list")))
    for name in ("Russia 2020", "Tajikistan 2021", "Kyrgyzstan 2025", "Russia 2026"):
        assert name in html
    assert "18 priorities recorded" in html and "13 priorities recorded" in html
    assert "28 November 2019 – end not recorded" in html


def test_presidency_page_groups_priorities_by_theme_with_quotes(client, seed):
    html = text_of(client.get("/presidencies/russia-2026/"))
    assert MOTTO in html
    assert 'rel="prev"' in html and "Kyrgyzstan 2025" in html
    assert 'id="theme-information-security"' in html
    assert "Among the most important priorities of the organisation’s activities" in html
    # Each quote links to its exact passage in the source document.
    assert re.search(r'href="/documents/[\w-]+/#citation-\d+"', html)
    # Follow-through: the instruments that carry a priority out.
    assert "anti-drug strategy of the CSTO member states for 2026–2030" in html
    assert "csc-2026-moscow" in html  # meetings held during it


def test_presidency_page_shows_notes_and_sources_for_inferred_dates(client, seed):
    html = text_of(client.get("/presidencies/russia-2020/"))
    assert "2019 follows from context" in html
    assert "https://cstorussia2020.mid.ru/" in html
    assert "Tajikistan 2021" in html
    assert "In progress" in html


def test_theme_matrix_compares_chairmanships(client, seed):
    response = client.get(reverse("theme-list"))
    html = text_of(response)
    assert "<caption" in html and 'scope="col"' in html
    assert 'href="/themes/peacekeeping/#russia-2026"' in html
    assert "Russia 2020" in html and "Russia 2026" in html
    # Chairmanships with no priority on record are not columns.
    assert ">Tajikistan 2021<" not in html
    rows = {r["theme"].slug: r for r in response.context["rows"]}
    cells = [c["state"] for c in rows["peacekeeping"]["cells"]]
    assert cells == ["first", "continued"]
    assert [c["state"] for c in rows["eurasian-security-architecture"]["cells"]] == [
        "none",
        "new",
    ]


def test_theme_matrix_is_invalidated_when_an_editor_changes_data(client, seed):
    from presidencies.models import Priority, Theme

    client.get(reverse("theme-list"))
    theme = Theme.objects.get(slug="crisis-response")
    priority = Priority.objects.filter(presidency__slug="russia-2026").first()
    priority.theme = theme
    priority.save()
    rows = {r["theme"].slug: r for r in client.get(reverse("theme-list")).context["rows"]}
    assert [c["count"] for c in rows["crisis-response"]["cells"]] == [1, 1]


def test_theme_page_follows_one_theme_through_chairmanships(client, seed):
    html = text_of(client.get("/themes/drug-trafficking/"))
    assert 'id="russia-2020"' in html and 'id="russia-2026"' in html
    assert "regional operation Channel" in html
    assert "Channel anti-drug operation" in html
