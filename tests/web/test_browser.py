"""The site in a real browser: follow a priority to its sentence, use the matrix, filter, axe."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE_TYPES = {
    "home": "/",
    "presidencies": "/presidencies/",
    "presidency": "/presidencies/russia-2026/",
    "themes": "/themes/",
    "theme": "/themes/peacekeeping/",
    "documents": "/documents/",
    "document": "/documents/kremlin-csto-summit-bishkek-2025-11-27/",
    "instrument": "/documents/csc-decision-anti-drug-strategy-2026-2030/",
    "officials": "/officials/",
    "official": "/officials/sergey-lavrov/",
    "summits": "/summits/",
    "summit": "/summits/csc-2025-bishkek/",
    "search": "/search/?q=peacekeepers",
    "quotes": "/quotes/?presidency=russia-2026",
    "not-found": "/presidencies/atlantis-2099/",
}


def test_follow_a_priority_from_home_to_the_highlighted_sentence(live_site, page):
    # Start where a reader starts: the home page, on today's date (no date is patched).
    page.goto(live_site.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Russia 2026")
    main_priorities = page.locator(
        "section", has=page.get_by_role("heading", name="Main priorities")
    )
    main_priorities.get_by_role("link", name="Continuity with the Kyrgyz chairmanship").click()
    # The chairmanship page, scrolled to that priority.
    page.wait_for_url(re.compile(r"/presidencies/russia-2026/#priority-\d+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Russia 2026")
    priority = page.locator("article.priority:target")
    expect(priority).to_contain_text("Continuity with the Kyrgyz chairmanship")
    expect(priority).to_be_in_viewport()
    # Its quote from the Bishkek summit, followed to the sentence in the transcript.
    quote = "Russia will do everything necessary to maintain continuity"
    link = priority.locator("blockquote", has_text=quote).locator("a.cite-link")
    expect(link).to_contain_text("CSTO summit")
    anchor = link.get_attribute("href").split("#", 1)[1]
    link.click()
    page.wait_for_url(re.compile(r"/documents/kremlin-csto-summit-bishkek-2025-11-27/#citation-"))
    target = page.locator(f"#{anchor} + mark.cited")
    expect(target).to_be_visible()
    expect(target).to_be_in_viewport()
    expect(page.locator(f"p:has(#{anchor})")).to_contain_text(quote)
    # The highlighted passage links back to the priority it supports.
    note = page.locator(f'.cite-notes a[href="#{anchor}"]').locator("xpath=..")
    note.get_by_role("link", name=re.compile("Continuity with the Kyrgyz chairmanship")).click()
    page.wait_for_url(re.compile(r"/presidencies/russia-2026/#priority-\d+$"))
    expect(page.locator("article.priority:target")).to_contain_text("Continuity with the Kyrgyz")


def test_follow_a_citation_from_a_chairmanship_to_the_highlighted_sentence(live_site, page):
    page.goto(live_site.url + "/presidencies/")
    page.get_by_role("link", name="Russia 2026").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Russia 2026")
    priority = page.locator("article.priority", has_text="Information security and the shared")
    link = priority.locator("a.cite-link").filter(has_text="CSTO summit").first
    href = link.get_attribute("href")
    anchor = href.split("#", 1)[1]
    link.click()
    page.wait_for_url(re.compile(r"/documents/kremlin-csto-summit-bishkek-2025-11-27/#citation-"))
    target = page.locator(f"#{anchor} + mark.cited")
    expect(target).to_be_visible()
    expect(target).to_contain_text("information security")
    expect(target).to_be_in_viewport()
    note = page.locator(f'.cite-notes a[href="#{anchor}"]').locator("xpath=..")
    note.get_by_role("link", name=re.compile("Information security and the shared")).click()
    expect(page.locator("article.priority:target")).to_contain_text("Information security")


def test_home_leads_to_the_chairmanship_in_office(live_site, page):
    page.goto(live_site.url + "/")
    page.get_by_role("link", name="Russia 2026").first.click()
    expect(page).to_have_url(re.compile("/presidencies/russia-2026/$"))


def test_theme_matrix_cell_leads_to_the_priorities_behind_it(live_site, page):
    page.goto(live_site.url + "/themes/")
    row = page.locator("tr", has=page.get_by_role("rowheader", name="Peacekeeping"))
    row.get_by_role("link", name=re.compile("of Russia 2020 on Peacekeeping")).click()
    expect(page).to_have_url(re.compile("/themes/peacekeeping/#russia-2020$"))
    section = page.locator("section#russia-2020")
    expect(section).to_contain_text("Expanding the CSTO’s peacekeeping potential")
    expect(section).to_be_in_viewport()


def test_filter_the_documents_list(live_site, page):
    page.goto(live_site.url + "/documents/")
    page.get_by_label("Kind").select_option("remarks")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator(".doc-list li")).to_have_count(1)
    expect(page.locator(".doc-list")).to_contain_text("opening remarks")
    page.get_by_label("Kind").select_option("")
    page.get_by_label("Speaker").select_option(label="Vladimir Putin")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator(".doc-list li")).to_have_count(1)
    expect(page.locator(".doc-list")).to_contain_text("CSTO summit")


@pytest.mark.parametrize(("name", "path"), PAGE_TYPES.items())
def test_no_serious_accessibility_violations(live_site, browser, artifacts, name, path):
    axe = Axe()
    for width in (375, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
        page = context.new_page()
        page.goto(live_site.url + path)
        page.screenshot(path=str(artifacts / f"{name}-{width}.png"), full_page=True)
        results = axe.run(page)
        serious = [
            f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        context.close()
        assert serious == [], f"{path} at {width}px"


def test_layout_fits_a_phone(live_site, page):
    page.set_viewport_size({"width": 375, "height": 800})
    for path in ("/", "/presidencies/russia-2026/", "/documents/", "/summits/"):
        page.goto(live_site.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= 375, f"{path} scrolls sideways ({overflow}px)"
