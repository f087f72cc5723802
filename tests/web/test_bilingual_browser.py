"""Both languages in Chromium: the switcher lands on the same record, the Russian pages pass axe,
and on a phone the search results come before the folded facets."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOCUMENT = "/documents/kremlin-csto-summit-bishkek-2025-11-27/"
RUSSIAN_PAGES = ["/ru/", "/ru/presidencies/russia-2026/", "/ru/themes/", DOCUMENT, "/ru/summits/"]
RUSSIAN_PAGES[3] = "/ru" + DOCUMENT
RUSSIAN_PAGES.append("/ru/search/?q=peacekeepers")


def test_the_switcher_lands_on_the_same_record_in_the_other_language(live_site, page):
    page.goto(live_site.url + DOCUMENT)
    title = page.locator("h1").inner_text()
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Русский").click()
    expect(page).to_have_url(live_site.url + "/ru" + DOCUMENT)
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator("h1")).to_have_text(title)  # the record, in its source's wording
    expect(page.get_by_role("link", name="Председательства")).to_be_visible()
    hreflang = page.locator('link[rel="alternate"][hreflang="en"]').get_attribute("href")
    assert hreflang == live_site.url + DOCUMENT
    page.get_by_role("navigation", name="Язык").get_by_role("link", name="English").click()
    expect(page).to_have_url(live_site.url + DOCUMENT)


def test_a_search_switches_language_with_its_words(live_site, page):
    page.goto(live_site.url + "/search/?q=peacekeepers")
    page.get_by_role("link", name="Русский").click()
    expect(page).to_have_url(live_site.url + "/ru/search/?q=peacekeepers")
    expect(page.locator(".search-hit").first).to_be_visible()


def test_on_a_phone_the_first_result_comes_before_the_facets(live_site, page):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_site.url + "/ru/search/?q=peacekeepers")
    facets = page.locator(".search-facets")
    expect(facets).not_to_have_attribute("open", "")
    expect(page.locator(".search-facet").first).to_be_hidden()
    first_hit = page.locator(".search-hit").first.bounding_box()
    assert first_hit["y"] < 740, "the first result is not on the first screen"
    facets.locator("summary").click()
    expect(page.locator(".search-facet").first).to_be_visible()


def test_on_a_wide_screen_the_facets_stand_open_beside_the_results(live_site, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_site.url + "/search/?q=peacekeepers")
    expect(page.locator(".search-facet").first).to_be_visible()
    facet = page.locator(".search-facet").first.bounding_box()
    hit = page.locator(".search-hit").first.bounding_box()
    assert facet["x"] < hit["x"] and abs(facet["y"] - hit["y"]) < 200


@pytest.mark.parametrize("path", RUSSIAN_PAGES)
def test_russian_pages_have_no_serious_accessibility_violations(live_site, browser, path):
    axe = Axe()
    for width in (375, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
        page = context.new_page()
        page.goto(live_site.url + path)
        results = axe.run(page)
        serious = [
            f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        context.close()
        assert serious == [], f"{path} at {width}px"
