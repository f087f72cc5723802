"""Text-fragment links open a page scrolled to the quoted passage, in Chromium."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from documents.models import Citation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCROLLED_TO = """(quote) => {
    const paragraphs = [...document.querySelectorAll('section.text p')];
    const p = paragraphs.find(e => e.textContent.includes(quote));
    const box = p.getBoundingClientRect();
    return window.scrollY > 0 && box.top >= 0 && box.top < window.innerHeight;
}"""


def wait_scrolled_to(page, quote: str) -> None:
    # Polled on a timer rather than on animation frames, which a throttled tab may not run.
    try:
        page.wait_for_function(SCROLLED_TO, arg=quote, polling=100, timeout=10_000)
    except PlaywrightTimeoutError:
        state = page.evaluate("[document.visibilityState, window.scrollY, location.href]")
        pytest.fail(f"not scrolled to {quote!r}: visibility, scrollY, URL = {state}")


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
    # A page of its own: Chromium applies a text fragment only on a new navigation, and
    # only the tab in front renders frames, so the first page goes and the new one comes forward.
    context = page.context
    page.close()
    fresh = context.new_page()
    fresh.bring_to_front()
    fresh.set_viewport_size({"width": 900, "height": 500})
    fresh.goto(live_site.url + href)
    wait_scrolled_to(fresh, citation.quote[:40])


def test_the_official_link_opens_the_publisher_page_at_the_passage(live_site, page):
    citation = deepest_citation()
    document = citation.document
    official = "https://en.odkb-csto.org/news/news_odkb/example/"
    document.source_url = official
    document.save()
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
    wait_scrolled_to(page, citation.quote[:40])
