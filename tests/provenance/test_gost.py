"""The Russian pages cite in ГОСТ Р 7.0.100-2018, the English ones in APA and Chicago; read back
from the pages' HTML with lxml."""

import datetime

import lxml.html
import pytest
from django.utils import timezone, translation

from documents.models import Citation, Document
from provenance import gost

pytestmark = pytest.mark.django_db
TASS = "tass-2026-01-01-lavrov-russia-csto-presidency"


def cite_block(client, url: str):
    tree = lxml.html.document_fromstring(client.get(url).content.decode())
    (section,) = tree.xpath("//section[@class='cite']")
    return section


def flat(element) -> str:
    return " ".join(element.text_content().split())


def test_a_russian_document_page_cites_in_gost(seed, client):
    document = Document.objects.get(slug=TASS)
    section = cite_block(client, f"/ru/documents/{TASS}/")
    assert [flat(dt) for dt in section.xpath(".//dt")] == ["ГОСТ Р 7.0.100-2018"]
    (entry,) = section.xpath(".//dd[@class='reference']")
    today = timezone.localdate().strftime("%d.%m.%Y")
    url = document.source_url or f"http://testserver/ru/documents/{TASS}/"
    # The source gives no title: the page describes it from the metadata, in Russian.
    with translation.override("ru"):
        described = document.display_title
    assert flat(entry) == (
        f"Лавров, С. {described} / С. Лавров. – Текст : электронный "
        f"// TASS : [сайт]. – 2026. – 1 янв. – URL: {url} (дата обращения: {today})."
    )
    # The English title is marked as English on the Russian page; the link is the source's.
    (title,) = entry.xpath(".//span[@lang]")
    assert title.get("lang") == "en" and title.text == described
    assert entry.xpath(".//a/@href") == [url]


def test_an_english_document_page_keeps_apa_and_chicago(seed, client):
    section = cite_block(client, f"/documents/{TASS}/")
    assert [flat(dt) for dt in section.xpath(".//dt")] == ["APA", "Chicago"]
    assert "Текст : электронный" not in flat(section)


def test_a_quote_on_a_russian_page_is_cited_at_its_passage(seed, client):
    citation = Citation.objects.filter(document__slug=TASS).exclude(text_directive="").first()
    tree = lxml.html.document_fromstring(client.get(f"/ru/documents/{TASS}/").content.decode())
    (block,) = tree.xpath(f"//details[@id='cite-quote-{citation.pk}']")
    assert [flat(dt) for dt in block.xpath(".//dt")] == ["ГОСТ Р 7.0.100-2018"]
    (link,) = block.xpath(".//dd//a/@href")
    assert link.endswith(f"#:~:{citation.text_directive}")
    # Away from its document, the quote links to the document's ГОСТ entry by name.
    page = lxml.html.document_fromstring(
        client.get("/ru/presidencies/russia-2026/").content.decode()
    )
    labels = {flat(a) for a in page.xpath("//details[@class='cite-quote']/p/a")}
    assert labels == {"По ГОСТ Р 7.0.100-2018"}


ACCESSED = datetime.date(2026, 12, 3)


def item(**fields) -> dict:
    return {"title": "Statement", "URL": "https://example.org/s?a=1&b=2", **fields}


def test_more_than_three_authors_are_named_three_with_et_al_and_no_heading():
    people = [{"family": f"Family{n}", "given": "Given Middle"} for n in range(4)]
    entry = gost.reference(item(author=people, language="ru"), ACCESSED)
    assert entry.startswith("Statement / G. M. Family0, G. M. Family1, G. M. Family2 [и др.]")


def test_an_institution_undated_in_russian_has_no_heading_date_or_language_mark():
    entry = gost.reference(
        item(author=[{"literal": "МИД России"}], publisher="МИД России", language="ru"), ACCESSED
    )
    assert entry == (
        "Statement. – Текст : электронный // МИД России : [сайт]. – URL: "
        '<a href="https://example.org/s?a=1&amp;b=2">https://example.org/s?a=1&amp;b=2</a> '
        "(дата обращения: 03.12.2026)."
    )


def test_markup_in_the_data_is_escaped():
    entry = gost.reference(item(title="<b>x</b>", publisher="A & B", language="en"), ACCESSED)
    assert "<b>" not in entry and "&lt;b&gt;" in entry and "A &amp; B" in entry
