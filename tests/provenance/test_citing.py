"""Cite blocks, downloads and meta tags, read back with real parsers."""

import json
from html.parser import HTMLParser

import bibtexparser
import pytest
import rispy
from citeproc import Citation as CSLCitation
from citeproc import CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from documents.models import Citation, Document
from provenance.citing import CSL_DIR

pytestmark = pytest.mark.django_db


class MetaTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("name" in attrs or "property" in attrs):
            self.tags.append((attrs.get("name") or attrs["property"], attrs["content"]))


def meta_of(html: str) -> dict[str, list[str]]:
    parser = MetaTags()
    parser.feed(html)
    found: dict[str, list[str]] = {}
    for name, content in parser.tags:
        found.setdefault(name, []).append(content)
    return found


def test_every_document_page_carries_highwire_dublin_core_and_opengraph(seed, client):
    for document in Document.objects.prefetch_related("speakers"):
        response = client.get(document.get_absolute_url())
        assert response.status_code == 200
        meta = meta_of(response.content.decode())
        assert meta["citation_title"] == [document.display_title]
        speakers = [s.name for s in document.speakers.all()]
        authors = speakers or ([document.publisher] if document.publisher else [])
        assert meta.get("citation_author", []) == authors
        if document.date:
            assert meta["citation_publication_date"] == [document.date.strftime("%Y/%m/%d")]
        assert meta["citation_language"] == [document.language]
        assert meta["citation_public_url"][0].endswith(document.get_absolute_url())
        # A report institution makes Zotero save a report, not a journal article.
        assert "citation_journal_title" not in meta
        if document.publisher:
            assert meta["citation_technical_report_institution"] == [document.publisher]
        assert meta["DC.title"] == [document.display_title]
        assert meta["og:title"] == [document.display_title]
        if document.citations.exists():
            assert meta["og:description"][0].startswith("“")


def test_document_page_shows_apa_and_chicago_and_links_every_quote(seed, client):
    document = max(Document.objects.all(), key=lambda d: d.citations.count())
    html = client.get(document.get_absolute_url()).content.decode()
    assert "<dt>APA</dt>" in html and "<dt>Chicago</dt>" in html
    year = str(document.date.year)
    assert f"({year})" in html  # APA's date
    for citation in document.citations.all():
        assert f"#:~:{citation.text_directive}" in html
        assert f"/quotes/{citation.pk}/cite.ris" in html
    assert "Open the document at this passage" in html


def test_every_quote_on_a_chairmanship_page_links_to_its_passage(seed, client):
    html = client.get("/presidencies/russia-2026/").content.decode()
    assert html.count("#:~:text=") >= 1
    assert html.count('class="passage-link"') == html.count('class="quote"')


def test_official_pages_are_opened_at_the_passage_when_there_is_one(seed, client):
    citation = Citation.objects.filter(priority__presidency__slug="russia-2026").first()
    Document.objects.filter(pk=citation.document_id).update(
        source_url="https://en.odkb-csto.org/news/example/"
    )
    html = client.get("/presidencies/russia-2026/").content.decode()
    link = f"https://en.odkb-csto.org/news/example/#:~:{citation.text_directive}"
    assert link in html and "Open the official source at this passage" in html


def test_document_ris_bibtex_and_csl_json_parse(seed, client):
    document = Document.objects.filter(speakers__isnull=False).first()
    base = f"/documents/{document.slug}/cite"
    ris = client.get(base + ".ris")
    assert ris["Content-Type"].startswith("application/x-research-info-systems")
    (entry,) = rispy.loads(ris.content.decode())
    assert entry["type_of_reference"] == "RPRT"
    assert entry["title"] == document.display_title
    assert entry["authors"] == [
        f"{s.name.rpartition(' ')[2]}, {s.name.rpartition(' ')[0]}" for s in document.speakers.all()
    ]
    bib = client.get(base + ".bib")
    assert bib["Content-Type"].startswith("application/x-bibtex")
    (record,) = bibtexparser.loads(bib.content.decode()).entries
    assert record["ENTRYTYPE"] == "techreport" and record["ID"] == document.slug
    assert record["title"].strip("{}") == document.display_title
    assert record["year"] == str(document.date.year)
    csl = client.get(base + ".json")
    assert csl["Content-Type"].startswith("application/vnd.citationstyles.csl+json")
    items = json.loads(csl.content)
    # The served CSL-JSON renders with citeproc-py and the shipped style.
    style = CitationStylesStyle(str(CSL_DIR / "apa.csl"), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bibliography.register(CSLCitation([CitationItem(items[0]["id"])]))
    rendered = str(bibliography.bibliography()[0])
    assert document.display_title.split()[0] in rendered and str(document.date.year) in rendered


def test_a_quote_downloads_with_its_text_and_its_passage_link(seed, client):
    citation = Citation.objects.select_related("document").first()
    (entry,) = rispy.loads(client.get(f"/quotes/{citation.pk}/cite.ris").content.decode())
    assert citation.quote in entry["notes"][0]
    assert entry["urls"][0].endswith(f"#:~:{citation.text_directive}")
    (record,) = bibtexparser.loads(
        client.get(f"/quotes/{citation.pk}/cite.bib").content.decode()
    ).entries
    assert citation.quote[:40] in record["note"]


def test_a_chairmanship_bibliography_lists_each_source_once(seed, client):
    ris = client.get("/presidencies/russia-2026/sources.ris")
    entries = rispy.loads(ris.content.decode())
    ids = [e["id"] for e in entries]
    assert ids and len(ids) == len(set(ids))
    bib = bibtexparser.loads(client.get("/presidencies/russia-2026/sources.bib").content.decode())
    assert [e["ID"] for e in bib.entries] == ids
    assert len(json.loads(client.get("/presidencies/russia-2026/sources.json").content)) == len(ids)


def test_unknown_format_or_record_is_a_404(seed, client):
    document = Document.objects.first()
    assert client.get(f"/documents/{document.slug}/cite.docx").status_code == 404
    assert client.get("/documents/nothing-here/cite.ris").status_code == 404
    assert client.get("/quotes/999999/cite.bib").status_code == 404


def test_bibtex_specials_in_a_title_stay_text(db, client):
    from tests.factories import DocumentFactory

    document = DocumentFactory(title="Plan {A} & 100% \\ co-operation")
    record = bibtexparser.loads(
        client.get(f"/documents/{document.slug}/cite.bib").content.decode()
    ).entries[0]
    assert "Plan" in record["title"] and "100" in record["title"]


def test_each_quote_on_its_document_page_shows_its_own_apa_and_chicago(seed, client, rf):
    from provenance import citing

    request = rf.get("/", HTTP_HOST="testserver")
    document = Document.objects.filter(citations__isnull=False).first()
    html = client.get(document.get_absolute_url()).content.decode()
    for citation in document.citations.all():
        item = citing.csl_item(request, document, citation)
        # What citeproc-py gives for the quote's own item is what the page shows for it.
        rendered = citing.formatted([item])
        block = html.split(f'id="cite-quote-{citation.pk}"', 1)[1].split("</details>", 1)[0]
        for style in ("APA", "Chicago"):
            assert rendered[style][0] in block
            assert "#:~:text=" in rendered[style][0]


def test_quotes_elsewhere_lead_to_their_reference_on_the_document_page(seed, client):
    citation = Citation.objects.filter(priority__isnull=False).select_related("priority").first()
    html = client.get(citation.priority.get_absolute_url()).content.decode()
    anchor = f"{citation.document.get_absolute_url()}#cite-quote-{citation.pk}"
    assert f'href="{anchor}"' in html
    assert f'id="cite-quote-{citation.pk}"' in client.get(anchor.split("#")[0]).content.decode()


def test_markup_in_a_title_is_escaped_in_the_references(db, client):
    from tests.factories import DocumentFactory

    document = DocumentFactory(title="Statement <b>bold</b> & co")
    html = client.get(document.get_absolute_url()).content.decode()
    section = html.split('class="cite"', 1)[1].split("</section>", 1)[0]
    assert "<b>bold</b>" not in section
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in section
