"""Reading the knowledge base through API v1: every resource, its fields, filters and formats."""

import csv
import io

import pytest

from tests.factories import WorkFactory

pytestmark = pytest.mark.django_db

RUSSIA_2026 = "/api/v1/presidencies/russia-2026/"
RESOURCES = [
    "member-states",
    "presidencies",
    "themes",
    "priorities",
    "officials",
    "summits",
    "documents",
    "works",
    "citations",
]


def test_russia_2026_has_its_motto_priorities_and_verbatim_citations(seed, api):
    body = api.get(RUSSIA_2026).json()
    assert body["motto"].startswith("Collective Security in a Multipolar World")
    assert body["chair"] == "russia"
    assert body["start_date"] == "2026-01-01"
    assert body["end_date"] is None
    assert body["predecessor"] == "kyrgyzstan-2025"
    assert body["successor"] is None
    assert body["url"] == "http://testserver/presidencies/russia-2026/"
    assert len(body["priorities"]) == body["priority_count"] > 5
    # Every quote stands verbatim in the text of the document it names.
    for priority in body["priorities"]:
        assert priority["theme"]
        for citation in priority["citations"]:
            document = api.get(f"/api/v1/documents/{citation['document']}/").json()
            assert citation["quote"] in document["text"]


def test_neighbours_follow_from_the_years(seed, api):
    kyrgyzstan = api.get("/api/v1/presidencies/kyrgyzstan-2025/").json()
    assert kyrgyzstan["successor"] == "russia-2026"
    listed = {p["slug"]: p for p in api.get("/api/v1/presidencies/").json()["results"]}
    assert listed["russia-2026"]["predecessor"] == "kyrgyzstan-2025"
    assert listed["russia-2020"]["predecessor"] is None


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_list_is_paginated_with_page_urls(seed, api, resource):
    if resource == "works":
        WorkFactory.create_batch(2)  # the seed has one
    body = api.get(f"/api/v1/{resource}/", {"page_size": 2}).json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] >= 2 and len(body["results"]) == 2
    assert body["next"].endswith("page=2&page_size=2")
    item = body["results"][0]
    assert item["url"].startswith("http://testserver/")
    assert "updated_at" in item and ("slug" in item or "id" in item)


def test_page_size_is_bounded(seed, api):
    body = api.get("/api/v1/citations/", {"page_size": 100}).json()
    assert body["count"] > 100
    assert len(body["results"]) == 100
    # Past the bound the schema declares: a 400 naming the parameter, not a silent clamp.
    response = api.get("/api/v1/citations/", {"page_size": 10_000})
    assert response.status_code == 400
    assert "page_size" in response.json()


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_list_exports_csv(seed, api, resource):
    response = api.get(f"/api/v1/{resource}/", {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == min(api.get(f"/api/v1/{resource}/").json()["count"], 20)
    assert "updated_at" in rows[0]


def test_csv_keeps_lists_in_one_cell(seed, api):
    response = api.get("/api/v1/summits/", {"format": "csv", "presidency": "kyrgyzstan-2025"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    bishkek = next(r for r in rows if r["slug"] == "csc-2025-bishkek")
    assert "vladimir-putin" in bishkek["participants"].split("; ")
    assert not any(key.startswith("participants.") for key in rows[0])


def test_document_detail_has_text_and_list_does_not(seed, api):
    listed = api.get("/api/v1/documents/").json()["results"][0]
    assert "text" not in listed
    detail = api.get(f"/api/v1/documents/{listed['slug']}/").json()
    for field in ("kind", "title", "date", "publisher", "source_url", "speakers", "presidency"):
        assert field in detail
    assert len(detail["text"]) > 200


def test_summit_fields(seed, api):
    bishkek = api.get("/api/v1/summits/csc-2025-bishkek/").json()
    assert bishkek["date"] == "2025-11-27"
    assert bishkek["city"] == "Bishkek"
    assert bishkek["presidency"] == "kyrgyzstan-2025"
    assert "vladimir-putin" in bishkek["participants"]
    assert "kremlin-csto-summit-bishkek-2025-11-27" in bishkek["documents"]
    for field in ("kind", "venue", "format", "status"):
        assert field in bishkek


def test_official_has_positions(seed, api):
    lavrov = api.get("/api/v1/officials/sergey-lavrov/").json()
    assert lavrov["name"] == "Sergey Lavrov"
    assert any("Foreign" in p["title"] for p in lavrov["positions"])


@pytest.mark.parametrize(
    ("url", "params", "expected"),
    [
        ("presidencies", {"chair": "russia"}, {"russia-2020", "russia-2026"}),
        ("presidencies", {"year": 2025}, {"kyrgyzstan-2025"}),
        ("summits", {"year": 2025, "kind": "csc"}, {"csc-2025-bishkek"}),
        ("summits", {"presidency": "russia-2020", "status": "held"}, None),
        ("documents", {"speaker": "sergey-lavrov", "date_after": "2026-01-01"}, None),
        ("documents", {"kind": "transcript"}, {"kremlin-csto-summit-bishkek-2025-11-27"}),
        ("documents", {"publisher": "tass"}, {"tass-2026-01-01-lavrov-russia-csto-presidency"}),
    ],
)
def test_filters_select_the_matching_items(seed, api, url, params, expected):
    body = api.get(f"/api/v1/{url}/", params).json()
    slugs = {item["slug"] for item in body["results"]}
    assert slugs, params
    if expected is not None:
        assert slugs == expected
    everything = {
        item["slug"] for item in api.get(f"/api/v1/{url}/", {"page_size": 100}).json()["results"]
    }
    assert slugs < everything


def test_document_filters_agree_with_the_data(seed, api):
    lavrov = api.get("/api/v1/documents/", {"speaker": "sergey-lavrov", "page_size": 100}).json()
    assert all("sergey-lavrov" in d["speakers"] for d in lavrov["results"])
    window = api.get(
        "/api/v1/documents/", {"date_after": "2025-01-01", "date_before": "2025-12-31"}
    ).json()
    assert window["count"] > 0
    assert all(d["date"].startswith("2025") for d in window["results"])


def test_priorities_filter_by_presidency_and_theme(seed, api):
    body = api.get(
        "/api/v1/priorities/", {"presidency": "russia-2026", "theme": "information-security"}
    ).json()
    assert body["count"] >= 1
    for priority in body["results"]:
        assert priority["presidency"] == "russia-2026"
        assert priority["theme"] == "information-security"
        assert priority["citations"]


def test_ordering(seed, api):
    years = [
        p["year"] for p in api.get("/api/v1/presidencies/", {"ordering": "-year"}).json()["results"]
    ]
    assert years == sorted(years, reverse=True)
    dates = [
        d["date"]
        for d in api.get("/api/v1/documents/", {"ordering": "date"}).json()["results"]
        if d["date"]
    ]
    assert dates == sorted(dates)


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/documents/?date_after=not-a-date", "date_after"),
        ("/api/v1/documents/?kind=poem", "kind"),
        ("/api/v1/summits/?year=99999", "year"),
        ("/api/v1/summits/?year=", "year"),
        ("/api/v1/presidencies/?updated_since=yesterday", "updated_since"),
        ("/api/v1/presidencies/?updated_since=", "updated_since"),
        ("/api/v1/presidencies/?concluded=null", "concluded"),
        ("/api/v1/citations/?role=", "role"),
    ],
)
def test_malformed_filter_values_are_400_with_the_parameter(seed, api, url, field):
    response = api.get(url)
    assert response.status_code == 400
    assert field in response.json()


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/documents/?presidency=atlantis-2030", "presidency"),
        ("/api/v1/priorities/?theme=no-such-theme", "theme"),
    ],
)
def test_a_filter_slug_naming_no_record_is_a_404_with_the_parameter(seed, api, url, field):
    response = api.get(url)
    assert response.status_code == 404
    assert response.json()["parameter"] == field
    assert response.json()["code"] == "not_found"


def test_an_empty_slug_filter_is_no_filter(seed, api):
    everything = api.get("/api/v1/documents/").json()["count"]
    assert api.get("/api/v1/documents/?presidency=").json()["count"] == everything


@pytest.mark.parametrize("url", ["/api/v1/themes/?format=", "/api/v1/themes/?page="])
def test_an_empty_format_or_page_is_a_404(seed, api, url):
    assert api.get(url).status_code == 404


def test_unknown_slug_is_404_json(seed, api):
    response = api.get("/api/v1/presidencies/atlantis-2030/")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_cors_allows_cross_site_reads(seed, api):
    response = api.get("/api/v1/themes/", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_anonymous_clients_are_throttled(seed, api, settings):
    from rest_framework.throttling import AnonRateThrottle

    original = AnonRateThrottle.THROTTLE_RATES
    AnonRateThrottle.THROTTLE_RATES = {"anon": "3/minute"}
    try:
        codes = [api.get("/api/v1/themes/", {"n": n}).status_code for n in range(5)]
    finally:
        AnonRateThrottle.THROTTLE_RATES = original
    assert codes[:3] == [200, 200, 200]
    assert codes[3:] == [429, 429]


def test_schema_describes_every_resource_and_filter(seed, api):
    response = api.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    paths = schema["paths"]
    for resource in RESOURCES:
        assert f"/api/v1/{resource}/" in paths
    assert "/api/v1/search/" in paths
    params = {p["name"] for p in paths["/api/v1/documents/"]["get"]["parameters"]}
    assert {"kind", "presidency", "speaker", "publisher", "date_after", "date_before"} <= params
    assert {"updated_since", "ordering", "page", "page_size"} <= params
    assert "400" in paths["/api/v1/documents/"]["get"]["responses"]
    assert "404" in paths["/api/v1/presidencies/{slug}/"]["get"]["responses"]


def test_swagger_ui_is_served_locally(seed, client):
    page = client.get("/api/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "https://" not in html.replace("https://testserver", "")


def test_browsable_api_for_people(seed, client):
    page = client.get(RUSSIA_2026, HTTP_ACCEPT="text/html")
    assert page.status_code == 200
    assert b"Collective Security in a Multipolar World" in page.content
