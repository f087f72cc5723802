"""Every search has an Atom feed of its newest matches, linked from the page, in both languages."""

import feedparser
import pytest

pytestmark = pytest.mark.django_db


def test_a_search_page_links_its_feed_for_autodiscovery(client, seed):
    html = client.get("/search/?q=peacekeepers&page=1").content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'title="CSTO KB: newest matches for peacekeepers" href="/search/feed/?q=peacekeepers">'
    ) in html
    assert '<a href="/search/feed/?q=peacekeepers">' in html


def test_the_feed_lists_the_matches_newest_first(client, seed):
    response = client.get("/search/feed/?q=peacekeepers")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "CSTO KB: newest matches for peacekeepers"
    assert feed.entries, "the search has matches, so the feed has entries"
    dates = [e.published_parsed for e in feed.entries if "published_parsed" in e]
    assert dates == sorted(dates, reverse=True)
    assert all(e.link.startswith("http://testserver/") for e in feed.entries)


def test_the_feed_keeps_the_search_filters(client, seed):
    every = feedparser.parse(client.get("/search/feed/?q=security").content).entries
    filtered = feedparser.parse(client.get("/search/feed/?q=security&kind=priority").content)
    assert 0 < len(filtered.entries) <= len(every)
    assert {e.tags[0].term for e in filtered.entries} == {"Priority"}


def test_the_russian_feed_has_a_russian_title_and_russian_links(client, seed):
    feed = feedparser.parse(client.get("/ru/search/feed/?q=peacekeepers").content)
    assert feed.feed.title == "База знаний ОДКБ: новые результаты по запросу «peacekeepers»"
    assert all(e.link.startswith("http://testserver/ru/") for e in feed.entries)


@pytest.mark.parametrize("query", ["", "q=", "q=%22", "q=a&year=20x6", "q=a&kind=nope"])
def test_a_bad_search_feed_is_a_400_with_the_reason(client, seed, query):
    response = client.get("/search/feed/?" + query)
    assert response.status_code == 400
    assert response.content


def test_the_feed_is_bounded(client, seed, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        client.get("/search/feed/?q=security")
