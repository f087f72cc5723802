"""The API's Swagger UI in a real browser, under the site's own Content-Security-Policy."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_renders_offline_and_tries_an_endpoint(live_site, browser):
    # A context of its own, without the suite's CSP bypass: the page must work under the CSP.
    context = browser.new_context()
    page = context.new_page()
    external, csp_errors = [], []
    page.on(
        "request",
        lambda r: external.append(r.url) if not r.url.startswith(live_site.url) else None,
    )
    page.on(
        "console",
        lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    try:
        page.goto(live_site.url + "/api/docs/")
        operation = page.locator("#operations-presidencies-presidencies_retrieve")
        expect(operation).to_be_visible()
        operation.locator(".opblock-summary").click()
        page.get_by_role("button", name="Try it out").click()
        page.locator("input[placeholder='slug']").fill("russia-2026")
        page.get_by_role("button", name="Execute").click()
        status = page.locator(".live-responses-table tbody .response-col_status").first
        expect(status).to_contain_text("200")
        expect(page.locator(".live-responses-table .highlight-code").first).to_contain_text(
            "Multipolar World"
        )
    finally:
        context.close()
    assert external == []
    assert csp_errors == []
