"""A work's page: the versions of one statement side by side, in both languages of the UI;
each version's page names its work and its siblings; JSON-LD says which translates which."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import override as translation_override

from documents.models import Document, Work
from tests.factories import CitationFactory, DocumentFactory, PriorityFactory, WorkFactory
from web import selectors

pytestmark = pytest.mark.django_db

LAVROV_2026 = "/works/lavrov-message-russia-csto-presidency-2026/"
TASS = "tass-2026-01-01-lavrov-russia-csto-presidency"
SECOND = "news-lavrov-message-russia-2026-csto-presidency"


@pytest.fixture(autouse=True)
def english():
    # get_absolute_url() follows the active language, which a /ru/ request left behind.
    with translation_override("en"):
        yield


def html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def jsonld(page: str) -> dict:
    script = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', page, re.S)
    return json.loads(script[1])


def version_sections(page: str) -> list[str]:
    return re.findall(r'<section class="version".*?</section>', page, re.S)


@pytest.fixture
def translated(db):
    """A Russian original and its English translation, the translation quoted once."""
    work = WorkFactory(title="Заявление и его перевод", original_language="ru")
    original = DocumentFactory(
        work=work, version_role="original", language="ru", text="Первый абзац.\n\nВторой абзац."
    )
    translation = DocumentFactory(
        work=work,
        version_role="translation",
        language="en",
        translator="The ministry's translators",
        text="First paragraph.\n\nSecond paragraph, quoted here.",
    )
    citation = CitationFactory(
        document=translation, quote="Second paragraph, quoted here.", priority=PriorityFactory()
    )
    return work, original, translation, citation


def test_the_2026_texts_are_two_versions_of_one_work_side_by_side(client, seed):
    page = html(client.get(LAVROV_2026))
    work = Work.objects.get(slug="lavrov-message-russia-csto-presidency-2026")
    assert f"<h1>{work.title}</h1>" in page.replace("&#x27;", "'").replace("’", "’")
    sections = version_sections(page)
    assert len(sections) == 2
    assert f'href="/documents/{TASS}/"' in sections[0] + sections[1]
    assert f'href="/documents/{SECOND}/"' in sections[0] + sections[1]
    for section in sections:
        # Each text in its own language, whatever the interface's.
        assert '<div class="text" lang="en">' in section
        assert "Not stated whether original or translation" in section
    assert "we will not tolerate chaos in our common home" in page
    assert "we will not allow any chaos in our common home" in page
    assert "Editorial note:" in page and "cornerstones" in work.editorial_note


def test_the_work_page_in_russian_keeps_the_texts_in_english(client, seed):
    page = html(client.get("/ru" + LAVROV_2026))
    assert '<html lang="ru">' in page
    assert "Одно заявление в нескольких версиях" in page
    assert "Не указано, оригинал это или перевод" in page
    assert "Английский" in page  # the versions' language, named in Russian
    assert f'href="/ru/documents/{TASS}/"' in page
    assert "we will not tolerate chaos in our common home" in page
    assert page.count('<div class="text" lang="en">') == 2


def test_a_version_names_its_work_and_its_sibling(client, seed):
    for prefix, heading in (("", "Versions of this statement"), ("/ru", "Версии этого заявления")):
        page = html(client.get(f"{prefix}/documents/{TASS}/"))
        versions = re.search(r'<section class="versions-of".*?</section>', page, re.S)[0]
        assert heading in versions
        assert f'href="{prefix}{LAVROV_2026}"' in versions
        assert f'href="{prefix}/documents/{SECOND}/" hreflang="en"' in versions
        assert f'href="{prefix}/documents/{TASS}/"' not in versions


def test_a_document_outside_any_work_has_no_versions_section(client, seed):
    page = html(client.get("/documents/kremlin-csto-summit-bishkek-2025-11-27/"))
    assert "versions-of" not in page and "exampleOfWork" not in page


def test_unknown_work_is_404_in_both_languages(client, seed):
    assert client.get("/works/no-such-work/").status_code == 404
    assert client.get("/ru/works/no-such-work/").status_code == 404


def test_a_citation_quotes_one_version_and_is_highlighted_in_its_column(client, translated):
    work, original, translation, citation = translated
    page = html(client.get(work.get_absolute_url()))
    first, second = version_sections(page)
    # The original comes first, then the translation with its translator and its quote.
    assert '<div class="text" lang="ru">' in first and "Первый абзац." in first
    assert f'id="citation-{citation.pk}"' in second and f'id="citation-{citation.pk}"' not in first
    assert "The ministry&#x27;s translators" in second
    # The quote's own link leads to the passage in the version it quotes.
    with translation_override("en"):
        link = citation.get_absolute_url()
    assert link == f"/documents/{translation.slug}/#citation-{citation.pk}"
    document_page = html(client.get(translation.get_absolute_url()))
    assert f'id="citation-{citation.pk}"' in document_page


def test_jsonld_says_which_version_translates_which(client, translated):
    work, original, translation, _ = translated
    base = "http://testserver"
    of_translation = jsonld(html(client.get(translation.get_absolute_url())))
    assert of_translation["translationOfWork"]["url"] == base + original.get_absolute_url()
    assert of_translation["exampleOfWork"]["url"] == base + work.get_absolute_url()
    assert of_translation["translator"] == {"name": "The ministry's translators"}
    of_original = jsonld(html(client.get(original.get_absolute_url())))
    assert [t["url"] for t in of_original["workTranslation"]] == [
        base + translation.get_absolute_url()
    ]
    assert "translationOfWork" not in of_original
    of_work = jsonld(html(client.get(work.get_absolute_url())))
    assert of_work["@type"] == "CreativeWork" and of_work["inLanguage"] == "ru"
    assert [v["inLanguage"] for v in of_work["workExample"]] == ["ru", "en"]
    assert [t["url"] for t in of_work["workTranslation"]] == [base + translation.get_absolute_url()]


def test_a_translation_without_its_original_in_the_kb_translates_the_work(client, seed):
    work = WorkFactory()
    translation = DocumentFactory(work=work, version_role="translation", language="en")
    data = jsonld(html(client.get(translation.get_absolute_url())))
    assert data["translationOfWork"]["url"] == "http://testserver" + work.get_absolute_url()


def test_the_2026_versions_claim_no_translation_in_jsonld(client, seed):
    data = jsonld(html(client.get(LAVROV_2026)))
    assert len(data["workExample"]) == 2 and "workTranslation" not in data
    version = jsonld(html(client.get(f"/documents/{TASS}/")))
    assert version["exampleOfWork"]["name"].startswith("Sergey Lavrov")
    assert "translationOfWork" not in version and "workTranslation" not in version


def test_a_work_shows_a_bounded_number_of_versions_with_a_link_to_all(client, seed):
    work = WorkFactory()
    total = selectors.VERSIONS_ON_WORK + 3
    for n in range(total):
        DocumentFactory(work=work, language="en" if n % 2 else "ru")
    page = html(client.get(work.get_absolute_url()))
    assert len(version_sections(page)) == selectors.VERSIONS_ON_WORK
    assert f'href="/documents/?work={work.slug}">See all {total} versions</a>' in page
    listed = html(client.get(f"/documents/?work={work.slug}"))
    assert listed.count('<li class="doc-row">') == total
    assert "Versions of:" in listed
    assert client.get("/documents/?work=no-such-work").status_code == 404


def test_the_sitemap_lists_the_work_in_both_languages(client, seed):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>http://testserver{LAVROV_2026}</loc>" in sitemap
    assert f"<loc>http://testserver/ru{LAVROV_2026}</loc>" in sitemap


def test_a_work_has_one_original_and_versions_need_a_work(db):
    work = WorkFactory()
    DocumentFactory(work=work, version_role="original")
    second = DocumentFactory.build(work=work, version_role="original", slug="second")
    with pytest.raises(ValidationError, match="already has an original"):
        second.full_clean()
    orphan = DocumentFactory.build(version_role="translation", slug="orphan")
    with pytest.raises(ValidationError, match="choose the work"):
        orphan.full_clean()
    DocumentFactory.build(work=work, version_role="translation", slug="fine").full_clean()
    assert Document.objects.filter(work=work).count() == 1


# --- The works index ----------------------------------------------------------------------


def work_rows(page: str) -> list[str]:
    return re.findall(r'<li class="work-row">.*?\n  </li>', page, re.S)


def test_the_works_index_lists_each_work_with_its_versions_and_languages(client, translated):
    work, original, translation, _ = translated
    page = html(client.get("/works/"))
    assert "<h1>Statements in several versions</h1>" in page
    (row,) = [r for r in work_rows(page) if work.get_absolute_url() in r]
    assert "2 versions; original in Russian" in row
    versions = re.findall(r'<li class="version-row">(.*?)</li>', row, re.S)
    # The original first, each version linked in its language with its role and translator.
    assert f'href="{original.get_absolute_url()}" hreflang="ru"' in versions[0]
    assert "(Russian; Original" in versions[0]
    assert f'href="{translation.get_absolute_url()}" hreflang="en"' in versions[1]
    assert "(English; Translation; translated by The ministry&#x27;s translators" in versions[1]


def test_the_works_index_in_russian(client, seed):
    page = html(client.get("/ru/works/"))
    assert '<html lang="ru">' in page
    assert "<h1>Заявления в нескольких версиях</h1>" in page
    assert "2 версии" in page
    assert f'href="/ru/documents/{TASS}/" hreflang="en"' in page
    assert f'href="/ru{LAVROV_2026}"' in page


def test_the_works_index_is_paginated_and_bounds_the_versions_of_each(client, seed):
    from web.views import WORKS_PER_PAGE

    crowded = WorkFactory(title="A much-translated statement")
    total = selectors.VERSIONS_ON_WORK + 2
    for n in range(total):
        DocumentFactory(work=crowded, language="en" if n % 2 else "ru")
    for _ in range(WORKS_PER_PAGE):
        WorkFactory(title="Z later statement")
    first = html(client.get("/works/"))
    assert len(work_rows(first)) == WORKS_PER_PAGE
    assert 'rel="next" href="?page=2"' in first
    (row,) = [r for r in work_rows(first) if crowded.get_absolute_url() in r]
    assert row.count('<li class="version-row">') == selectors.VERSIONS_ON_WORK
    assert f'href="/documents/?work={crowded.slug}">See all {total} versions</a>' in row
    second = html(client.get("/works/?page=2"))
    assert len(work_rows(second)) == Work.objects.count() - WORKS_PER_PAGE
    assert 'rel="prev"' in second


def test_every_page_links_the_works_index_and_the_sitemap_lists_it(client, seed):
    home = html(client.get("/"))
    assert '<a href="/works/">Versions</a>' in home
    assert '<a href="/ru/works/">Версии</a>' in html(client.get("/ru/"))
    index = html(client.get("/works/"))
    assert '<a href="/works/" aria-current="page">Versions</a>' in index
    work_page = html(client.get(LAVROV_2026))
    assert '<li><a href="/works/">Statements in several versions</a></li>' in work_page
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/works/</loc>" in sitemap
    assert "<loc>http://testserver/ru/works/</loc>" in sitemap


def test_the_works_index_says_when_there_is_none(client, db):
    page = html(client.get("/works/"))
    assert "No statement is recorded in several versions yet." in page


def quote_blocks(page: str) -> list[str]:
    return re.findall(r'<blockquote class="quote">.*?</blockquote>', page, re.S)


def test_a_quote_shown_away_from_its_text_says_which_version_it_quotes(client, translated):
    work, _original, translation, citation = translated
    url = citation.priority.presidency.get_absolute_url()
    (block,) = [b for b in quote_blocks(html(client.get(url))) if f"#citation-{citation.pk}" in b]
    assert '<p lang="en">Second paragraph, quoted here.</p>' in block
    assert "quoted from one version: English, translation" in block
    with translation_override("ru"):
        url = citation.priority.presidency.get_absolute_url()
    (block,) = [b for b in quote_blocks(html(client.get(url))) if f"#citation-{citation.pk}" in b]
    assert '<p lang="en">Second paragraph, quoted here.</p>' in block
    assert "цитата по одной из версий: Английский, перевод" in block


def test_a_quote_of_a_text_in_no_work_names_no_version(client, seed):
    page = html(client.get("/presidencies/kyrgyzstan-2025/"))
    kremlin = "/documents/kremlin-csto-summit-bishkek-2025-11-27/#citation-"
    outside = [b for b in quote_blocks(page) if kremlin in b]
    inside = [b for b in quote_blocks(page) if f"/documents/{TASS}/#citation-" in b]
    assert outside and not any("quoted-version" in b for b in outside)
    # The page also quotes the 2026 message: that quote names its version.
    assert inside and all("quoted from one version: English, not stated" in b for b in inside)


SCHEMA = "https://schema.org/"


def schema_org_loader(url, options=None):
    """schema.org's context as a processor resolves it, offline: its terms are schema.org's
    vocabulary (the full context only adds types; none of the terms read here is typed)."""
    from pyld.jsonld import JsonLdError

    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {
            "contextUrl": None,
            "documentUrl": url,
            "document": {"@context": {"@vocab": SCHEMA}},
        }
    raise JsonLdError(f"offline: {url}", "jsonld.LoadDocumentError", code="loading document failed")


def expanded(page: str) -> dict:
    from pyld import jsonld as pyld

    (node,) = pyld.expand(jsonld(page), {"documentLoader": schema_org_loader})
    return node


def urls(node: dict, term: str) -> list[str]:
    return [
        value["@value"] for item in node.get(SCHEMA + term, []) for value in item[SCHEMA + "url"]
    ]


def test_a_jsonld_processor_reads_which_version_translates_which(client, translated):
    work, original, translation, _ = translated
    base = "http://testserver"
    of_translation = expanded(html(client.get(translation.get_absolute_url())))
    assert urls(of_translation, "translationOfWork") == [base + original.get_absolute_url()]
    assert urls(of_translation, "exampleOfWork") == [base + work.get_absolute_url()]
    assert of_translation[SCHEMA + "inLanguage"] == [{"@value": "en"}]
    of_original = expanded(html(client.get(original.get_absolute_url())))
    assert urls(of_original, "workTranslation") == [base + translation.get_absolute_url()]
    assert SCHEMA + "translationOfWork" not in of_original
    of_work = expanded(html(client.get(work.get_absolute_url())))
    assert of_work["@type"] == [SCHEMA + "CreativeWork"]
    assert urls(of_work, "workExample") == [
        base + original.get_absolute_url(),
        base + translation.get_absolute_url(),
    ]
    assert urls(of_work, "workTranslation") == [base + translation.get_absolute_url()]
