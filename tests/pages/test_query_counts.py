"""Every page issues a fixed number of SQL queries, whatever the size of the data."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.models import Document
from presidencies.models import Official, Presidency, Summit, Theme
from tests.factories import (
    CitationFactory,
    DocumentFactory,
    OfficialFactory,
    PositionFactory,
    PresidencyFactory,
    PriorityFactory,
    SummitFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

# The most queries any page may take (the count itself is asserted constant below).
BOUND = 16


def multiply_data(times: int) -> None:
    """Grow every table the pages read, around the seed's own objects."""
    russia_2026 = Presidency.objects.get(slug="russia-2026")
    bishkek = Summit.objects.get(slug="csc-2025-bishkek")
    lavrov = Official.objects.get(slug="sergey-lavrov")
    peacekeeping = Theme.objects.get(slug="peacekeeping")
    for _ in range(times):
        document = DocumentFactory(presidency=russia_2026, summit=bishkek)
        document.speakers.add(lavrov, OfficialFactory())
        priority = PriorityFactory(presidency=russia_2026, theme=ThemeFactory())
        CitationFactory(document=document, priority=priority)
        CitationFactory(document=document, priority=PriorityFactory(theme=peacekeeping))
        priority.instruments.add(DocumentFactory(kind="decision", text="", title=f"D{priority.pk}"))
        summit = SummitFactory(date=datetime.date(2026, 3, 1), presidency=russia_2026)
        summit.participants.add(lavrov, OfficialFactory())
        PositionFactory(official=lavrov, title=f"Post {priority.pk}")
        PresidencyFactory()
    kremlin = Document.objects.get(slug="kremlin-csto-summit-bishkek-2025-11-27")
    for _ in range(times):
        CitationFactory(document=kremlin, quote="Thank you for your attention.")


def count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


PAGES = [
    "/",
    "/presidencies/",
    "/presidencies/russia-2026/",
    "/themes/",
    "/themes/peacekeeping/",
    "/documents/",
    "/documents/?kind=news_report&presidency=russia-2026&speaker=sergey-lavrov",
    "/documents/kremlin-csto-summit-bishkek-2025-11-27/",
    "/officials/",
    "/officials/sergey-lavrov/",
    "/summits/",
    "/summits/csc-2025-bishkek/",
    "/feeds/documents/",
    "/presidencies/russia-2026/feed/",
    "/officials/sergey-lavrov/feed/",
    "/themes/peacekeeping/feed/",
    "/sitemap.xml",
]


@pytest.mark.parametrize("url", PAGES)
def test_query_count_does_not_grow_with_the_data(client, seed, url, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: datetime.date(2026, 6, 1))
    client.get(url)  # warm per-process caches (content types, the theme matrix)
    small = count(client, url)
    multiply_data(12)
    client.get(url)
    large = count(client, url)
    assert large == small, f"{url}: {small} queries with the seed, {large} with more data"
    assert small <= BOUND


def test_page_query_counts_are_asserted_exactly(client, seed, django_assert_num_queries):
    """Pin the count of the busiest pages so a regression shows in review."""
    client.get("/themes/")
    with django_assert_num_queries(12):
        client.get("/presidencies/russia-2026/")
    with django_assert_num_queries(6):
        client.get("/documents/kremlin-csto-summit-bishkek-2025-11-27/")
