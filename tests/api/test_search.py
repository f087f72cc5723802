"""GET /api/v1/search/: JSON results and facets, errors as 400/404 JSON, the OpenAPI schema."""

import pytest
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator

from tests.factories import OfficialFactory, PresidencyFactory
from tests.search.builders import document, priority_with_quote

pytestmark = pytest.mark.django_db

URL = "/api/v1/search/"


def test_the_endpoint_is_at_api_v1_search():
    assert reverse("api:search") == URL


def test_results_carry_type_slug_title_url_snippet_rank_and_facets(client):
    presidency = PresidencyFactory(year=2106)
    official = OfficialFactory(name="Sergey Lavrov", slug="sergey-lavrov")
    doc = document(
        "Channel operation",
        "Opening.",
        "The Channel anti-drug operation will continue.",
        presidency=presidency,
    )
    doc.speakers.add(official)
    priority, _ = priority_with_quote(
        "Operation Channel", "Channel goes on.", presidency=presidency
    )

    response = client.get(URL, {"q": "channel"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3 and body["page"] == 1 and body["next"] is None
    assert body["query"] == "channel"
    by_type = {(r["type"], r["title"]): r for r in body["results"]}
    hit = by_type[("document", "Channel operation")]
    assert hit["slug"] == doc.slug
    assert hit["url"] == f"{doc.get_absolute_url()}#p-2"
    assert "<mark>Channel</mark>" in hit["snippet"]
    assert hit["date"] == "2100-06-01" and hit["kind"] == "statement"
    assert hit["presidency"] == presidency.slug
    assert hit["speakers"] == [{"slug": "sergey-lavrov", "name": "Sergey Lavrov"}]
    assert isinstance(hit["rank"], float)
    p = by_type[("priority", "Operation Channel")]
    assert p["id"] == priority.pk and p["slug"] is None
    assert p["url"] == priority.get_absolute_url()
    ranks = [r["rank"] for r in body["results"]]
    assert ranks == sorted(ranks, reverse=True)
    assert {f["value"]: f["count"] for f in body["facets"]["kind"]} == {
        "statement": 2,
        "priority": 1,
    }
    assert body["facets"]["speaker"] == [
        {"value": "sergey-lavrov", "label": "Sergey Lavrov", "count": 1, "selected": False}
    ]


def test_filters_apply_and_pages_link_to_each_other(client):
    for n in range(22):
        document(
            f"Biosecurity {n}", f"Biosecurity text {n}.", kind="speech" if n % 2 else "remarks"
        )

    body = client.get(URL, {"q": "biosecurity", "kind": "speech"}).json()
    assert body["count"] == 11 and {r["kind"] for r in body["results"]} == {"speech"}
    page1 = client.get(URL, {"q": "biosecurity"}).json()
    assert len(page1["results"]) == 20 and page1["num_pages"] == 2
    assert page1["next"].startswith("http://testserver/api/v1/search/?")
    page2 = client.get(page1["next"]).json()
    assert len(page2["results"]) == 2 and page2["previous"]


@pytest.mark.parametrize(
    ("params", "code", "parameter"),
    [
        ({}, "empty", "q"),
        ({"q": "   "}, "empty", "q"),
        ({"q": '"" OR -'}, "no_words", "q"),
        ({"q": "-peace"}, "only_exclusions", "q"),
        ({"q": "y" * 501}, "too_long", "q"),
        ({"q": "peace", "kind": "memo"}, "invalid_kind", "kind"),
        ({"q": "peace", "year": "1e3"}, "invalid_year", "year"),
        ({"q": "peace", "page": "0"}, "invalid_page", "page"),
        ({"q": "peace", "speaker": "../etc"}, "invalid_speaker", "speaker"),
    ],
)
def test_invalid_input_is_a_400_with_a_json_error(client, params, code, parameter):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["code"] == code and body["parameter"] == parameter and body["detail"]


def test_a_page_past_the_end_is_a_404_with_a_json_error(client):
    document("Peace", "Peace and stability.")
    response = client.get(URL, {"q": "peace", "page": "2"})
    assert response.status_code == 404
    assert response.json()["parameter"] == "page"


def test_no_results_offer_a_near_spelling(client):
    document("Biosecurity", "Biosecurity council.")
    body = client.get(URL, {"q": "biosecurty"}).json()
    assert body["count"] == 0 and body["results"] == []
    assert body["suggestions"] == ["biosecurity"]


def test_non_latin_and_operator_soup_never_fail(client):
    document("Заявление", "Миротворческие силы.")
    assert client.get(URL, {"q": "миротворческие"}).json()["count"] == 1
    for q in ["集体安全", "NEAR(a b) title:x *", "\x00", "'; --"]:
        assert client.get(URL, {"q": q}).status_code in (200, 400)


def test_only_get_is_allowed(client):
    assert client.post(URL, {"q": "peace"}).status_code == 405


def test_the_api_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    for i in range(5):
        document(f"Biosecurity {i}", f"Biosecurity paragraph {i}.")
        priority_with_quote(f"Biosecurity priority {i}", f"Biosecurity quote {i}.")
    # The search's own five, and the knowledge-base revision behind the ETag.
    with django_assert_num_queries(6):
        body = client.get(URL, {"q": "biosecurity"}).json()
    assert {r["type"] for r in body["results"]} == {"document", "priority"}


def test_the_openapi_schema_describes_parameters_and_response():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operation = schema["paths"][URL]["get"]
    assert {p["name"] for p in operation["parameters"]} == {
        "q",
        "kind",
        "presidency",
        "year",
        "speaker",
        "page",
        "format",  # json or csv, as on every list of the API
    }
    assert set(operation["responses"]) == {"200", "304", "400", "404"}
    response = schema["components"]["schemas"]["SearchResponse"]["properties"]
    assert {"results", "facets", "count", "next", "previous"} <= set(response)
    hit = schema["components"]["schemas"]["Hit"]["properties"]
    assert {"type", "slug", "title", "url", "snippet", "rank", "date", "kind"} <= set(hit)


def test_search_csv_names_its_columns_even_when_nothing_matches(client):
    import csv
    import io

    document("Channel operation", "Opening.", "The Channel operation goes on.")
    found = client.get("/api/v1/search/", {"q": "Channel", "format": "csv"})
    assert found.status_code == 200
    rows = list(csv.DictReader(io.StringIO(found.content.decode())))
    assert rows and {"type", "title", "url", "rank"} <= set(rows[0])
    empty = client.get("/api/v1/search/", {"q": "zzyzzx", "format": "csv"})
    assert empty.status_code == 200
    assert empty["Content-Type"].startswith("text/csv")
    header = empty.content.decode().strip().split(",")
    assert header[:4] == ["type", "id", "slug", "title"]
    assert set(header) >= {"url", "snippet", "rank", "speakers"}
