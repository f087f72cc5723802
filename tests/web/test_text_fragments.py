"""Text-fragment links open a page scrolled to the quoted passage, in Chromium."""

import pytest
from django.core.cache import cache

from documents.models import Citation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCROLLED_TO = """(quote) => {
    const paragraphs = [...document.querySelectorAll('section.text p')];
    const p = paragraphs.find(e => e.textContent.includes(quote));
    const box = p.getBoundingClientRect();
    return window.scrollY > 0 && box.top >= 0 && box.top < window.innerHeight;
}"""


def deepest_citation() -> Citation:
    """The quote furthest down a long document: only a working fragment scrolls to it."""
    return max(
        Citation.objects.select_related("document"),
        key=lambda c: (c.quote_start / max(1, len(c.document.text)), len(c.document.text)),
    )


def test_a_quote_link_opens_the_document_scrolled_to_the_passage(live_site, page):
    citation = deepest_citation()
    page.set_viewport_size({"width": 900, "height": 500})
    page.goto(live_site.url + citation.document.get_absolute_url())
    link = page.locator(f'a.passage-link[href*="{citation.text_directive}"]').first
    href = link.get_attribute("href")
    assert href.startswith(citation.document.get_absolute_url() + "#:~:text=")
    fresh = page.context.new_page()
    fresh.set_viewport_size({"width": 900, "height": 500})
    fresh.goto(live_site.url + href)
    fresh.wait_for_function(SCROLLED_TO, arg=citation.quote[:40], timeout=10_000)


def test_the_official_link_opens_the_publisher_page_at_the_passage(live_site, page):
    citation = deepest_citation()
    document = citation.document
    official = "https://en.odkb-csto.org/news/news_odkb/example/"
    document.source_url = official
    document.save()
    # The revision number restarts with each test's database: drop what an earlier test cached.
    cache.clear()
    # The publisher's page, served locally: its own markup around the same text.
    body = "".join(f"<p>{p}</p>" for p in document.paragraphs())
    page.route(
        official,
        lambda route: route.fulfill(
            content_type="text/html",
            body=f"<!doctype html><html><body><h1>News</h1><section class='text'>{body}"
            "</section></body></html>",
        ),
    )
    page.set_viewport_size({"width": 900, "height": 500})
    page.goto(live_site.url + document.get_absolute_url())
    href = f"{official}#:~:{citation.text_directive}"
    hrefs = page.locator("a.passage-link").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert href in hrefs
    page.goto(href)
    page.wait_for_function(SCROLLED_TO, arg=citation.quote[:40], timeout=10_000)
