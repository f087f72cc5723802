"""Every page issues a fixed number of SQL queries, whatever the size of the data, and
renders a bounded number of rows: no page lists a whole table."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from documents.models import Citation, Document, Work
from presidencies.models import Official, Position, Presidency, Priority, Summit, Theme
from tests.factories import (
    CitationFactory,
    DocumentFactory,
    OfficialFactory,
    PositionFactory,
    PresidencyFactory,
    PriorityFactory,
    SummitFactory,
    ThemeFactory,
    WorkFactory,
)
from web import selectors

pytestmark = pytest.mark.django_db

# The most queries any page may take (the count itself is asserted constant below).
BOUND = 16
INFORMATION_SECURITY = "Information security and the shared information space"


def multiply_data(times: int) -> None:
    """Grow every table the pages read, around the seed's own objects.

    In English whatever an earlier request of the test left active: lookups by a priority's
    title read the active language's version.
    """
    with translation.override("en"):
        _multiply_data(times)


def _multiply_data(times: int) -> None:
    russia_2026 = Presidency.objects.get(slug="russia-2026")
    bishkek = Summit.objects.get(slug="csc-2025-bishkek")
    lavrov = Official.objects.get(slug="sergey-lavrov")
    lavrov_minister = Position.objects.get(official=lavrov, title="Minister of Foreign Affairs")
    peacekeeping = Theme.objects.get(slug="peacekeeping")
    information_security = Priority.objects.get(presidency=russia_2026, title=INFORMATION_SECURITY)
    lavrov_2026 = Work.objects.get(slug="lavrov-message-russia-csto-presidency-2026")
    for n in range(times):
        # Every new document another version of the 2026 message, quoted like the rest.
        document = DocumentFactory(presidency=russia_2026, summit=bishkek, work=lavrov_2026)
        document.speakers.add(lavrov, OfficialFactory())
        priority = PriorityFactory(presidency=russia_2026, theme=ThemeFactory())
        CitationFactory(document=document, priority=priority)
        CitationFactory(document=document, priority=PriorityFactory(theme=peacekeeping))
        # One of the seed's priorities restated (and reported on) in every new document.
        role = Citation.Role.PROGRESS if n % 2 else Citation.Role.STATES
        CitationFactory(document=document, priority=information_security, role=role)
        # Quotes attesting the chairmanship, the meeting and an official's post.
        CitationFactory(document=document, priority=None, presidency=russia_2026)
        CitationFactory(document=document, priority=None, summit=bishkek)
        CitationFactory(document=document, priority=None, position=lavrov_minister)
        instrument = DocumentFactory(kind="decision", text="", title=f"D{priority.pk}")
        priority.instruments.add(instrument)
        information_security.instruments.add(instrument)
        summit = SummitFactory(date=datetime.date(2026, 3, 1), presidency=russia_2026)
        summit.participants.add(lavrov, OfficialFactory())
        PositionFactory(official=lavrov, title=f"Post {priority.pk}")
        PresidencyFactory()
        # Another statement in two versions, for the works index.
        work = WorkFactory(original_language="ru")
        DocumentFactory(work=work, language="ru", version_role="original")
        DocumentFactory(work=work, language="en", version_role="translation")
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
    "/documents/?summit=csc-2025-bishkek",
    "/documents/kremlin-csto-summit-bishkek-2025-11-27/",
    "/documents/tass-2026-01-01-lavrov-russia-csto-presidency/",
    "/works/",
    "/works/lavrov-message-russia-csto-presidency-2026/",
    "/officials/",
    "/officials/sergey-lavrov/",
    "/summits/",
    "/summits/?presidency=russia-2026",
    "/summits/?participant=sergey-lavrov",
    "/summits/csc-2025-bishkek/",
    "/quotes/",
    "/quotes/?presidency=russia-2026",
    "/quotes/?summit=csc-2025-bishkek",
    "/feeds/documents/",
    "/presidencies/russia-2026/feed/",
    "/officials/sergey-lavrov/feed/",
    "/themes/peacekeeping/feed/",
    "/sitemap.xml",
]
# The same pages in Russian (the sitemap is served once, for both languages).
PAGES_RU = ["/ru" + url for url in PAGES if url != "/sitemap.xml"]


@pytest.mark.parametrize("url", PAGES + PAGES_RU)
def test_query_count_does_not_grow_with_the_data(client, seed, url, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: datetime.date(2026, 6, 1))
    client.get(url)  # warm per-process caches (content types, the theme matrix)
    small = count(client, url)
    multiply_data(12)
    client.get(url)
    large = count(client, url)
    assert large == small, f"{url}: {small} queries with the seed, {large} with more data"
    assert small <= BOUND


@pytest.mark.parametrize("prefix", ["", "/ru"])
def test_scoped_lists_by_id_keep_their_query_count(client, seed, prefix):
    """Lists scoped to a priority or a post (by id, so known only once the seed is in)."""
    priority = Priority.objects.get(title=INFORMATION_SECURITY)
    post = Position.objects.get(official__slug="sergey-lavrov", title="Minister of Foreign Affairs")
    urls = [
        f"{prefix}/quotes/?priority={priority.pk}",
        f"{prefix}/quotes/?position={post.pk}",
        f"{prefix}/documents/?implements={priority.pk}",
        f"{prefix}/documents/?work=lavrov-message-russia-csto-presidency-2026",
    ]
    small = [count(client, url) for url in urls]
    multiply_data(12)
    assert [count(client, url) for url in urls] == small
    assert max(small) <= BOUND


def test_theme_matrix_query_count_with_a_cold_cache(client, seed):
    """The matrix is cached; when it is not (after an edit, or a restart) it must still be
    built in a fixed number of queries, counted in SQL whatever the number of rows."""
    client.get("/themes/")  # content types and other per-process caches
    cold = []
    for times in (1, 20):
        multiply_data(times)
        cache.clear()
        cold.append(count(client, "/themes/"))
    assert cold[0] == cold[1], f"cold matrix: {cold[0]} queries, then {cold[1]} with more data"
    assert cold[0] <= BOUND
    # The cache was really cold: the warm page needs fewer queries.
    assert count(client, "/themes/") < cold[0]


@pytest.mark.parametrize("prefix", ["", "/ru"])
def test_page_query_counts_are_asserted_exactly(client, seed, django_assert_num_queries, prefix):
    """Pin the count of the busiest pages so a regression shows in review; the Russian
    pages cost what the English ones do."""
    client.get(f"{prefix}/themes/")
    with django_assert_num_queries(12):
        client.get(f"{prefix}/presidencies/russia-2026/")
    with django_assert_num_queries(6):
        client.get(f"{prefix}/documents/kremlin-csto-summit-bishkek-2025-11-27/")
    # A version: the same, plus its sibling versions.
    with django_assert_num_queries(7):
        client.get(f"{prefix}/documents/tass-2026-01-01-lavrov-russia-csto-presidency/")
    # revision, the work with its total, its versions, their speakers, their quotes
    with django_assert_num_queries(5):
        client.get(f"{prefix}/works/lavrov-message-russia-csto-presidency-2026/")
    # revision, the count of works (kept per revision: the revision's key, then the count),
    # the page of works with their totals, their versions
    with django_assert_num_queries(5):
        client.get(f"{prefix}/works/")


# --- Bounded rows -----------------------------------------------------------------------


def section(html: str, name: str) -> str:
    """The <section aria-labelledby=name> of a page (sections there do not nest)."""
    match = re.search(rf'<section aria-labelledby="{name}">(.*?)</section>', html, re.S)
    assert match, f"no section {name}"
    return match[1]


def article(html: str, priority: Priority) -> str:
    match = re.search(
        rf'<article class="priority" id="priority-{priority.pk}">(.*?)</article>', html, re.S
    )
    assert match, f"no priority {priority.pk}"
    return match[1]


def rows(fragment: str, kind: str) -> int:
    return fragment.count(f'<li class="{kind}">')


def quotes(fragment: str) -> int:
    return fragment.count('<blockquote class="quote">')


@pytest.fixture
def grown(seed):
    multiply_data(30)


def test_chairmanship_page_shows_bounded_lists_with_links_to_the_rest(client, grown):
    russia = Presidency.objects.get(slug="russia-2026")
    html = client.get("/presidencies/russia-2026/").content.decode()

    documents = section(html, "documents")
    total = Document.objects.filter(presidency=russia).count()
    assert total > selectors.DOCUMENTS_ON_DETAIL
    assert rows(documents, "doc-row") == selectors.DOCUMENTS_ON_DETAIL
    assert f'href="/documents/?presidency=russia-2026">See all {total} documents</a>' in documents

    meetings = section(html, "meetings")
    total = Summit.objects.filter(presidency=russia).count()
    assert total > selectors.SUMMITS_ON_DETAIL
    assert rows(meetings, "summit-row") == selectors.SUMMITS_ON_DETAIL
    assert f'href="/summits/?presidency=russia-2026">See all {total} meetings</a>' in meetings

    sources = section(html, "sources")
    total = Citation.objects.filter(presidency=russia).count()
    assert quotes(sources) == selectors.SOURCES_ON_DETAIL
    assert f'href="/quotes/?presidency=russia-2026">See all {total} quotes</a>' in sources

    # Every priority is shown; a much-quoted one with a bounded share of its quotes.
    assert html.count('<article class="priority"') == russia.priorities.count()
    priority = Priority.objects.get(presidency=russia, title=INFORMATION_SECURITY)
    text = article(html, priority)
    shown = selectors.QUOTES_STATING_PRIORITY + selectors.QUOTES_OF_PROGRESS
    assert quotes(text) == shown
    total = priority.citations.count()
    assert f'href="/quotes/?priority={priority.pk}">See all {total} quotes' in text
    instruments = re.search(r'<div class="follow-through">.*?<ul>(.*?)</ul>', text, re.S)[1]
    assert instruments.count("<li>") == selectors.INSTRUMENTS_PER_PRIORITY
    total = priority.instruments.count()
    assert f'href="/documents/?implements={priority.pk}">See all {total} instruments' in text
    # No priority anywhere on the page shows more than its share.
    assert quotes(html) <= russia.priorities.count() * shown + selectors.SOURCES_ON_DETAIL


def test_official_page_shows_bounded_lists_with_links_to_the_rest(client, grown):
    lavrov = Official.objects.get(slug="sergey-lavrov")
    html = client.get("/officials/sergey-lavrov/").content.decode()
    statements = section(html, "statements")
    total = lavrov.documents.count()
    assert rows(statements, "doc-row") == selectors.DOCUMENTS_ON_DETAIL
    assert f'href="/documents/?speaker=sergey-lavrov">See all {total} statements</a>' in statements
    meetings = section(html, "meetings")
    total = lavrov.summits.count()
    assert rows(meetings, "summit-row") == selectors.SUMMITS_ON_DETAIL
    assert f'href="/summits/?participant=sergey-lavrov">See all {total} meetings</a>' in meetings
    posts = section(html, "posts")
    post = lavrov.positions.get(title="Minister of Foreign Affairs")
    assert quotes(posts) == selectors.QUOTES_PER_POSITION
    assert f'href="/quotes/?position={post.pk}">See all {post.citations.count()} quotes' in posts


def test_meeting_page_shows_bounded_lists_with_links_to_the_rest(client, grown):
    bishkek = Summit.objects.get(slug="csc-2025-bishkek")
    html = client.get("/summits/csc-2025-bishkek/").content.decode()
    reports = section(html, "reports")
    assert rows(reports, "doc-row") == selectors.DOCUMENTS_ON_DETAIL
    total = bishkek.documents.count()
    assert f'href="/documents/?summit=csc-2025-bishkek">See all {total} documents' in reports
    assert rows(section(html, "adopted"), "doc-row") <= selectors.INSTRUMENTS_ON_DETAIL
    sources = section(html, "sources")
    assert quotes(sources) == selectors.SOURCES_ON_DETAIL
    total = bishkek.citations.count()
    assert f'href="/quotes/?summit=csc-2025-bishkek">See all {total} quotes</a>' in sources


def test_theme_page_bounds_the_quotes_of_each_priority(client, grown):
    peacekeeping = Theme.objects.get(slug="peacekeeping")
    html = client.get("/themes/peacekeeping/").content.decode()
    shown = selectors.QUOTES_STATING_PRIORITY + selectors.QUOTES_OF_PROGRESS
    assert html.count('<article class="priority"') == peacekeeping.priorities.count()
    assert quotes(html) <= peacekeeping.priorities.count() * shown
