"""What every page shares through the test client: the custom 404, titles and descriptions,
feeds, sitemap, robots.txt, breadcrumbs and the icon."""

import re

import pytest
from django.urls import reverse

from tests.web.pages import text_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/presidencies/atlantis-2099/",
        "/themes/nothing/",
        "/documents/nothing/",
        "/officials/nobody/",
        "/summits/never/",
        "/presidencies/atlantis-2099/feed/",
        "/no-such-page/",
    ],
)
def test_unknown_slugs_give_the_custom_404(client, seed, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page not found" in text_of(response)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/presidencies/",
        "/presidencies/russia-2026/",
        "/themes/",
        "/themes/peacekeeping/",
        "/documents/",
        "/documents/kremlin-csto-summit-bishkek-2025-11-27/",
        "/officials/",
        "/officials/sergey-lavrov/",
        "/summits/",
        "/summits/csc-2025-bishkek/",
    ],
)
def test_every_page_has_title_description_and_one_h1(client, seed, url):
    html = text_of(client.get(url))
    assert re.search(r"<title>[^<]{5,}</title>", html)
    assert re.search(r'<meta name="description" content="[^"]{20,}">', html)
    assert html.count("<h1") == 1
    assert '<html lang="en">' in html
    assert "https://fonts." not in html and "cdn" not in html.lower()


def test_feeds_are_atom_and_scoped(client, seed):
    response = client.get(reverse("documents-feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "<feed" in text_of(response)
    theme_feed = text_of(client.get("/themes/peacekeeping/feed/"))
    assert "opening remarks" in theme_feed and "TASS" not in theme_feed
    official_feed = text_of(client.get("/officials/vladimir-putin/feed/"))
    assert "CSTO summit" in official_feed and "opening remarks" not in official_feed
    presidency_feed = text_of(client.get("/presidencies/russia-2026/feed/"))
    assert "CSTO summit" in presidency_feed  # cited by its priorities


def test_sitemap_and_robots(client, seed):
    sitemap = text_of(client.get("/sitemap.xml"))
    assert "/presidencies/russia-2026/" in sitemap and "/documents/" in sitemap
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in text_of(robots)


def test_robots_never_publishes_a_moved_admin_address(client, seed, settings):
    assert "Disallow: /admin/\n" in text_of(client.get("/robots.txt"))
    settings.ADMIN_URL = "editors-desk/"
    robots = text_of(client.get("/robots.txt"))
    assert "editors-desk" not in robots
    assert "/admin/" not in robots
    assert "Disallow: /search/" in robots


@pytest.mark.parametrize("url", ["/search/", "/search/?q=peacekeepers"])
def test_search_page_has_breadcrumbs(client, seed, url):
    html = text_of(client.get(url))
    crumbs = re.search(r'<nav class="breadcrumbs wrap" aria-label="Breadcrumb">(.*?)</nav>', html)
    assert crumbs, "no breadcrumbs"
    assert '<a href="/">Home</a>' in crumbs[1]
    assert 'aria-current="page"' in crumbs[1]


def test_every_page_names_its_icon_and_favicon_ico_leads_to_it(seed, client):
    home = client.get("/").content.decode()
    assert 'rel="icon"' in home
    icon = client.get("/favicon.ico")
    assert icon.status_code == 301
    assert icon["Location"].startswith("/static/img/favicon.")
    assert icon["Location"] in home
    served = client.get(icon["Location"])
    assert served.status_code == 200
    assert b"<svg" in b"".join(served.streaming_content)
