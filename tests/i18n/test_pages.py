"""Both languages through the test client: Russian under /ru/, English unchanged, links between."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from tests.web.pages import text_of

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/presidencies/",
    "/presidencies/russia-2026/",
    "/themes/",
    "/themes/information-security/",
    "/documents/",
    "/quotes/",
    "/officials/",
    "/summits/",
    "/search/?q=security",
    "/works/lavrov-message-russia-csto-presidency-2026/",
]
SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_served_in_english_and_in_russian(client, seed, path):
    english, russian = client.get(path), client.get("/ru" + path)
    assert english.status_code == russian.status_code == 200
    assert '<html lang="en">' in text_of(english)
    assert '<html lang="ru">' in text_of(russian)
    # The Russian interface, every link inside it staying in Russian.
    assert "База знаний ОДКБ" in text_of(russian) and "Председательства" in text_of(russian)
    assert 'href="/ru/presidencies/"' in text_of(russian)
    assert "Председательства" not in text_of(english)


@pytest.mark.parametrize("path", PAGES)
def test_each_page_names_its_other_language_and_links_to_it(client, seed, path):
    page = text_of(client.get("/ru" + path))
    english = "http://testserver" + path.replace("&", "&amp;")
    russian = "http://testserver/ru" + path.replace("&", "&amp;")
    assert f'<link rel="alternate" hreflang="en" href="{english}">' in page
    assert f'<link rel="alternate" hreflang="ru" href="{russian}">' in page
    assert f'<link rel="alternate" hreflang="x-default" href="{english}">' in page
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', page, re.S).group(0)
    assert f'href="{english}" hreflang="en" lang="en"' in switcher
    assert '<span aria-current="true" lang="ru">Русский</span>' in switcher


def test_a_detail_page_in_russian_keeps_facts_in_their_source_language(client, seed):
    page = text_of(client.get("/ru/presidencies/russia-2026/"))
    assert "Председатель" in page and "Приоритеты" in page
    # The motto is quoted from an English source: it is not presented as a Russian wording.
    assert "Collective Security in a Multipolar World" in page


def test_russian_dates_use_the_genitive_month(client, seed):
    page = text_of(client.get("/ru/officials/sergey-lavrov/"))
    assert re.search(r"\d{1,2} (ноября|декабря|октября|июня|мая) 20\d\d", page)


def test_old_english_addresses_keep_working_and_en_prefix_redirects(client, seed):
    assert client.get("/presidencies/").status_code == 200
    response = client.get("/en/presidencies/russia-2026/?x=1")
    assert response.status_code == 301
    assert response["Location"] == "/presidencies/russia-2026/?x=1"


def test_an_unknown_page_is_a_404_in_the_language_of_its_address(client, seed):
    response = client.get("/ru/no-such-page/")
    assert response.status_code == 404
    assert "Страница не найдена" in text_of(response)


def test_reversing_a_url_follows_the_active_language():
    with translation.override("ru"):
        assert reverse("presidency-list") == "/ru/presidencies/"
    with translation.override("en"):
        assert reverse("presidency-list") == "/presidencies/"


def test_the_sitemap_lists_every_page_in_both_languages_with_alternates(client, seed):
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own sitemap
    locations = [u.find("s:loc", SITEMAP_NS).text for u in root.findall("s:url", SITEMAP_NS)]
    assert "http://testserver/presidencies/russia-2026/" in locations
    assert "http://testserver/ru/presidencies/russia-2026/" in locations
    assert len([u for u in locations if "/ru/" in u]) * 2 == len(locations)
    first = root.find("s:url", SITEMAP_NS)
    hreflangs = {link.get("hreflang") for link in first.findall("x:link", SITEMAP_NS)}
    assert hreflangs == {"en", "ru", "x-default"}


@override_settings(PAGE_CACHE_ENABLED=True)
def test_the_page_cache_keeps_the_two_languages_apart(client, seed):
    client.get("/presidencies/")
    assert "Председательства" in text_of(client.get("/ru/presidencies/"))
    assert "Председательства" not in text_of(client.get("/presidencies/"))
