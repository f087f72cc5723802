"""Text in another language than the page's is marked with its language: a document's title
and text by the document's language (an English source on /ru/, a Russian one on the English
pages), an editorial label or name by modeltranslation's fallback. Read back with lxml."""

import lxml.html
import pytest

from presidencies.models import Official
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db
TASS = "/documents/tass-2026-01-01-lavrov-russia-csto-presidency/"


def tree(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    return lxml.html.document_fromstring(response.content.decode())


def marks(element) -> list[tuple[str, str]]:
    """(lang, text) of each element inside `element` that carries a lang attribute."""
    return [
        (e.get("lang"), " ".join(e.text_content().split())) for e in element.xpath(".//*[@lang]")
    ]


def test_an_english_source_on_a_russian_page_is_marked_english(seed, client):
    page = tree(client, "/ru" + TASS)
    assert page.get("lang") == "ru"
    (h1,) = page.xpath("//h1")
    ((language, title),) = marks(h1)
    assert language == "en" and title == " ".join(h1.text_content().split())
    (crumb,) = page.xpath("//nav[contains(@class, 'breadcrumbs')]//*[@aria-current='page']")
    assert [m[0] for m in marks(crumb)] == ["en"]
    paragraphs = page.xpath("//section[@class='text']//p[starts-with(@id, 'p-')]")
    assert paragraphs and all(p.xpath("./span[@lang='en']") for p in paragraphs)
    # The interface around it stays unmarked Russian: the permalinks are not in the span.
    assert all(not p.xpath("./span[@lang]//a[@class='permalink']") for p in paragraphs)


def test_the_same_source_on_its_own_language_page_is_not_marked(seed, client):
    page = tree(client, TASS)
    assert page.get("lang") == "en"
    assert marks(page.xpath("//h1")[0]) == []
    assert not page.xpath("//section[@class='text']//span[@lang]")


def test_a_russian_source_on_the_english_pages_is_marked_russian(seed, client):
    document = DocumentFactory(
        slug="mid-zayavlenie",
        language="ru",
        title="Заявление МИД России",
        text="Первый абзац.\n\nВторой абзац.",
        date="2026-02-01",
    )
    url = document.get_absolute_url()
    page = tree(client, url)
    assert marks(page.xpath("//h1")[0]) == [("ru", "Заявление МИД России")]
    assert page.xpath("//section[@class='text']//p/span[@lang='ru']")
    listed = tree(client, "/documents/")
    (row,) = [
        r
        for r in listed.xpath("//li[@class='doc-row']")
        if "mid-zayavlenie" in r.xpath(".//a/@href")[0]
    ]
    assert ("ru", "Заявление МИД России") in marks(row)
    russian = tree(client, "/ru" + url)
    assert marks(russian.xpath("//h1")[0]) == []


def test_a_name_without_its_russian_falls_back_to_english_marked(seed, client):
    official = Official.objects.create(name_en="Jane Example", slug="jane-example")
    url = "/ru" + official.get_absolute_url()
    page = tree(client, url)
    assert marks(page.xpath("//h1")[0]) == [("en", "Jane Example")]
    listed = tree(client, "/ru/officials/")
    assert ("en", "Jane Example") in marks(listed.xpath("//main")[0])
    official.name_ru = "Джейн Экзампл"
    official.save()
    page = tree(client, url)
    assert marks(page.xpath("//h1")[0]) == []
    assert " ".join(page.xpath("//h1")[0].text_content().split()) == "Джейн Экзампл"
