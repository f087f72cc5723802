"""Works in API v1: each document names its work and its sibling versions; a work lists its
versions; the grouping is in the OpenAPI schema; editors attach versions to works."""

import pytest

from documents.models import Document
from tests.factories import DocumentFactory, WorkFactory
from tests.web.test_query_counts import multiply_data

pytestmark = pytest.mark.django_db

WORK = "lavrov-message-russia-csto-presidency-2026"
TASS = "tass-2026-01-01-lavrov-russia-csto-presidency"
SECOND = "news-lavrov-message-russia-2026-csto-presidency"


def test_a_document_names_its_work_and_its_sibling_versions(seed, api):
    body = api.get(f"/api/v1/documents/{TASS}/").json()
    assert body["work"] == WORK
    assert body["versions"] == [SECOND]
    assert body["version_role"] == "unstated" and body["translator"] == ""
    listed = {d["slug"]: d for d in api.get("/api/v1/documents/", {"work": WORK}).json()["results"]}
    assert set(listed) == {TASS, SECOND}
    assert listed[SECOND]["versions"] == [TASS]
    alone = api.get("/api/v1/documents/kremlin-csto-summit-bishkek-2025-11-27/").json()
    assert alone["work"] is None and alone["versions"] == []


def test_a_work_lists_its_versions_original_first(seed, api):
    work = WorkFactory(original_language="ru")
    DocumentFactory(work=work, version_role="translation", language="en", translator="TASS")
    DocumentFactory(work=work, version_role="original", language="ru")
    body = api.get(f"/api/v1/works/{work.slug}/").json()
    assert body["url"] == f"http://testserver/works/{work.slug}/"
    assert body["original_language"] == "ru"
    assert [(v["language"], v["version_role"]) for v in body["versions"]] == [
        ("ru", "original"),
        ("en", "translation"),
    ]
    assert body["versions"][1]["translator"] == "TASS"
    seeded = api.get(f"/api/v1/works/{WORK}/").json()
    assert {v["slug"] for v in seeded["versions"]} == {TASS, SECOND}
    assert "cornerstones" in seeded["editorial_note"]


def test_the_schema_describes_works_and_the_grouping(seed, api):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    assert "/api/v1/works/" in schema["paths"] and "/api/v1/works/{slug}/" in schema["paths"]
    components = schema["components"]["schemas"]
    document = components["Document"]["properties"]
    assert document["versions"]["type"] == "array"
    assert document["versions"]["readOnly"] is True
    assert {"work", "version_role", "translator"} <= set(document)
    assert "versions" in components["Work"]["properties"]
    params = {p["name"] for p in schema["paths"]["/api/v1/documents/"]["get"]["parameters"]}
    assert {"work", "language"} <= params


def test_an_editor_attaches_a_translation_to_a_work(seed, editor_api):
    work = WorkFactory()
    document = DocumentFactory()
    url = f"/api/v1/documents/{document.slug}/"
    response = editor_api.patch(
        url, {"work": work.slug, "version_role": "translation"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["work"] == work.slug
    assert Document.objects.get(pk=document.pk).work == work


def test_a_translation_needs_a_work_and_a_work_one_original(seed, editor_api):
    document = DocumentFactory()
    url = f"/api/v1/documents/{document.slug}/"
    # A conflict with the stored (absent) work; with `work: null` in the body, its own error.
    response = editor_api.patch(url, {"version_role": "translation"}, format="json")
    assert response.status_code == 409
    assert "work" in response.json()
    body = {"version_role": "translation", "work": None}
    assert editor_api.patch(url, body, format="json").status_code == 400
    work = WorkFactory()
    DocumentFactory(work=work, version_role="original")
    response = editor_api.patch(url, {"work": work.slug, "version_role": "original"}, format="json")
    assert response.status_code == 409
    assert "version_role" in response.json()
    assert editor_api.patch(url, {"work": "no-such-work"}, format="json").status_code == 409


def test_an_editor_creates_a_work_and_cannot_delete_one_with_versions(seed, editor_api, api):
    response = editor_api.post(
        "/api/v1/works/", {"slug": "new-work", "title_en": "A new statement"}, format="json"
    )
    assert response.status_code == 201, response.content
    assert api.post("/api/v1/works/", {"slug": "x", "title": "x"}, format="json").status_code == 401
    assert editor_api.delete(f"/api/v1/works/{WORK}/").status_code == 409


@pytest.mark.parametrize("url", ["/api/v1/works/", f"/api/v1/works/{WORK}/"])
def test_work_endpoints_keep_their_query_count(seed, api, render_every_time, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    api.get(url)
    with CaptureQueriesContext(connection) as small:
        assert api.get(url).status_code == 200
    multiply_data(12)
    api.get(url)  # the new revision's per-revision entries (a list's total)
    with CaptureQueriesContext(connection) as large:
        assert api.get(url).status_code == 200
    assert len(large) == len(small) <= 5
