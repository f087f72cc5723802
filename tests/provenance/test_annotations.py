"""Every citation as a W3C Web Annotation: negotiation, collections, selectors re-find quotes."""

import pytest
from pyld import jsonld

from documents.models import Citation, Document
from presidencies.models import Presidency
from provenance.annotations import CONTEXT_URL, document_loader

ANNOTATION = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'


pytestmark = pytest.mark.django_db

OA = "http://www.w3.org/ns/oa#"


def expand(data: dict) -> list:
    return jsonld.expand(data, {"documentLoader": document_loader})


def check_selectors(annotation: dict, citation: Citation) -> None:
    """Both selectors of the stored-text target re-find the quote in the stored text."""
    text = citation.document.text
    stored = annotation["target"][-1]
    assert stored["source"]["format"] == "text/plain"
    quote, position = stored["selector"]
    assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
    start, end = position["start"], position["end"]
    assert text[start:end] == quote["exact"] == citation.quote
    assert text[:start].endswith(quote["prefix"]) and len(quote["prefix"]) == min(32, start)
    assert text[end:].startswith(quote["suffix"]) and len(quote["suffix"]) <= 32


def test_every_fixture_citation_round_trips_as_an_annotation(seed, api):
    citations = list(Citation.objects.select_related("document"))
    assert len(citations) > 100
    for citation in citations:
        response = api.get(f"/api/v1/citations/{citation.pk}/", HTTP_ACCEPT=ANNOTATION)
        assert response.status_code == 200
        assert response["Content-Type"].startswith(ANNOTATION)
        data = response.json()
        assert data["@context"][0] == CONTEXT_URL
        assert data["type"] == "Annotation" and data["motivation"] == "linking"
        check_selectors(data, citation)
        # Expanded offline against the shipped context: the terms are the W3C model's.
        (node,) = expand(data)
        assert node["@type"] == [OA + "Annotation"]
        assert node[OA + "motivatedBy"] == [{"@id": OA + "linking"}]
        target = node[OA + "hasTarget"][-1]
        selectors = {s["@type"][0]: s for s in target[OA + "hasSelector"]}
        exact = selectors[OA + "TextQuoteSelector"][OA + "exact"][0]["@value"]
        start = int(selectors[OA + "TextPositionSelector"][OA + "start"][0]["@value"])
        end = int(selectors[OA + "TextPositionSelector"][OA + "end"][0]["@value"])
        assert citation.document.text[start:end] == exact


def test_annotation_names_the_fact_the_official_page_and_the_stored_copy(seed, api):
    citation = Citation.objects.filter(priority__isnull=False).first()
    # The fixtures keep no official URLs (the seeds give none): test data of our own.
    Document.objects.filter(pk=citation.document_id).update(
        source_url="https://en.odkb-csto.org/news/news_odkb/example/"
    )
    citation.refresh_from_db()
    data = api.get(f"/api/v1/citations/{citation.pk}/", HTTP_ACCEPT=ANNOTATION).json()
    assert data["body"]["id"] == "http://testserver" + citation.priority.get_absolute_url()
    official, stored = data["target"]
    assert official["source"]["id"] == citation.document.source_url
    assert official["selector"]["exact"] == citation.quote
    document = citation.document
    assert stored["source"]["language"] == document.language
    assert stored["source"]["date"] == document.date.isoformat()
    # The stored copy the offsets count in is served as it is.
    text = api.get(stored["source"]["id"].removeprefix("http://testserver"))
    assert text["Content-Type"] == "text/plain; charset=utf-8"
    assert text.content.decode("utf-8") == document.text


def test_plain_json_stays_the_default_and_lists_do_not_negotiate_annotations(seed, api):
    citation = Citation.objects.first()
    response = api.get(f"/api/v1/citations/{citation.pk}/")
    assert response["Content-Type"] == "application/json"
    assert response.json()["quote"] == citation.quote
    assert api.get("/api/v1/citations/", HTTP_ACCEPT=ANNOTATION).status_code == 406


def test_document_collection_is_paged_and_each_page_re_finds_its_quotes(seed, api):
    document = max(Document.objects.all(), key=lambda d: d.citations.count())
    total = document.citations.count()
    url = f"/api/v1/documents/{document.slug}/annotations/"
    collection = api.get(url).json()
    assert collection["type"] == "AnnotationCollection" and collection["total"] == total
    items, page = [], collection["first"]
    while True:
        items += page["items"]
        if "next" not in page:
            break
        page = api.get(page["next"].removeprefix("http://testserver")).json()
        assert page["@context"][0] == CONTEXT_URL and page["type"] == "AnnotationPage"
    assert page["id"] == collection["last"]
    assert len(items) == total
    by_id = {c.pk: c for c in document.citations.select_related("document")}
    for item in items:
        check_selectors(item, by_id[int(item["id"].rstrip("/").rsplit("/", 1)[1])])
    (node,) = expand(collection)
    assert node["@type"] == ["http://www.w3.org/ns/activitystreams#OrderedCollection"]


def test_presidency_collection_counts_its_documents_and_facts(seed, api):
    presidency = Presidency.objects.get(slug="russia-2026")
    response = api.get(f"/api/v1/presidencies/{presidency.slug}/annotations/?page=1")
    assert response.status_code == 200
    page = response.json()
    assert page["type"] == "AnnotationPage" and page["startIndex"] == 0
    assert page["partOf"]["total"] > 0
    assert len(page["items"]) == min(20, page["partOf"]["total"])


@pytest.mark.parametrize("page", ["0", "999", "x"])
def test_a_page_past_the_collection_is_a_404(seed, api, page):
    response = api.get(f"/api/v1/presidencies/russia-2026/annotations/?page={page}")
    assert response.status_code == 404


def test_unknown_subject_is_a_404(seed, api):
    assert api.get("/api/v1/documents/no-such-doc/annotations/").status_code == 404


def test_collection_page_has_a_bounded_query_count(seed, api, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert api.get("/api/v1/presidencies/russia-2026/annotations/").status_code == 200


def test_the_schema_names_annotations_and_collections(seed, api):
    schema = api.get("/api/schema/?format=json").json()
    paths = schema["paths"]
    assert "/api/v1/documents/{slug}/annotations/" in paths
    assert "/api/v1/presidencies/{slug}/annotations/" in paths
    content = paths["/api/v1/citations/{id}/"]["get"]["responses"]["200"]["content"]
    assert ANNOTATION in content
    assert "WebAnnotation" in schema["components"]["schemas"]


def test_the_context_loader_refuses_any_remote_document():
    from pyld.jsonld import JsonLdError

    assert document_loader("https://www.w3.org/ns/anno.jsonld")["document"]["@context"]
    with pytest.raises(JsonLdError):
        document_loader("https://example.org/other.jsonld")
