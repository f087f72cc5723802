"""The OpenAPI schema says what the API does: who may call what, and which values it takes."""

import pytest
from django.core.exceptions import ValidationError

from api.schema import URL_PATTERN
from documents.models import Document

pytestmark = pytest.mark.django_db

DOCUMENT = "/api/v1/documents/tass-2026-01-01-lavrov-russia-csto-presidency/"


@pytest.fixture
def schema(api):
    return api.get("/api/schema/", {"format": "json"}).json()


def operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield method, path, operation


def test_public_reads_need_no_credentials_and_writes_do(schema):
    for method, path, operation in operations(schema):
        anonymous = {} in operation["security"]
        if path.startswith("/api/v1/tokens/"):
            assert not anonymous, (method, path)  # an editor's own tokens
        else:
            assert anonymous == (method == "get"), (method, path)


def test_a_public_read_works_without_credentials_as_the_schema_says(seed, api):
    assert api.get(DOCUMENT).status_code == 200
    assert api.get("/api/v1/tokens/").status_code == 401


def test_the_schema_bounds_every_year(schema):
    presidency = schema["components"]["schemas"]["PresidencyDetailRequest"]["properties"]
    assert (presidency["year"]["minimum"], presidency["year"]["maximum"]) == (1992, 2200)
    for _method, path, operation in operations(schema):
        for parameter in operation.get("parameters", []):
            if parameter["name"] == "year":
                assert parameter["schema"]["type"] == "integer", path
                assert parameter["schema"]["minimum"] >= 1, path


@pytest.mark.parametrize("year", [0, 1991, 2201])
def test_a_year_outside_the_schema_is_a_field_error(seed, editor_api, year):
    response = editor_api.patch("/api/v1/presidencies/russia-2026/", {"year": year}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["year"]


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/<script>alert(1)</script>",
        'https://example.org/a"onmouseover="x',
        "https://example.org/{x}",
        "https://example.org/100%",
        "https://пример.рф/заявление",
        "javascript:alert(1)",
    ],
)
def test_a_source_url_that_is_not_a_uri_is_a_field_error(seed, editor_api, url):
    response = editor_api.patch(DOCUMENT, {"source_url": url}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["source_url"]
    assert Document.objects.get(slug=DOCUMENT.split("/")[-2]).source_url != url


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/news?id=1&lang=ru#top",
        "https://xn--e1afmkfd.xn--p1ai/%D0%B7%D0%B0%D1%8F%D0%B2%D0%BB%D0%B5%D0%BD%D0%B8%D0%B5",
        "",
    ],
)
def test_a_uri_is_accepted_as_a_source_url(seed, editor_api, url):
    response = editor_api.patch(DOCUMENT, {"source_url": url}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["source_url"] == url


def test_the_model_refuses_markup_in_a_source_url(seed):
    document = Document.objects.get(slug=DOCUMENT.split("/")[-2])
    document.source_url = "https://example.org/<b>"
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert list(error.value.message_dict) == ["source_url"]


def test_the_schema_bounds_an_id_filter_as_the_api_does(schema, api):
    parameters = schema["paths"]["/api/v1/citations/"]["get"]["parameters"]
    priority = next(p for p in parameters if p["name"] == "priority")["schema"]
    assert priority == {"type": "integer", "minimum": 1, "maximum": 2**63 - 1}
    for value in ("0", str(2**63)):
        response = api.get("/api/v1/citations/", {"priority": value})
        assert response.status_code == 400
        assert list(response.json()) == ["priority"]


def test_writes_are_json_only_as_the_schema_says(schema, seed, editor_api):
    for _method, path, operation in operations(schema):
        if "requestBody" in operation:
            assert set(operation["requestBody"]["content"]) == {"application/json"}, path
    response = editor_api.patch(
        "/api/v1/themes/peacekeeping/", {"description": "x"}, format="multipart"
    )
    assert response.status_code == 415


def test_a_number_for_a_string_field_is_a_field_error(seed, editor_api):
    response = editor_api.patch("/api/v1/themes/peacekeeping/", {"description_en": 0})
    assert response.status_code == 400
    assert "description_en" in response.json()


def test_an_empty_string_for_a_related_slug_is_a_field_error_not_null(seed, editor_api):
    url = "/api/v1/summits/cfm-2020-12-01/"
    response = editor_api.patch(url, {"presidency": ""})
    assert response.status_code == 400
    assert "presidency" in response.json()
    assert editor_api.get(url).json()["presidency"] is not None


def test_the_schema_says_strings_hold_no_nul_and_the_api_refuses_one(schema, seed, editor_api):
    theme = schema["components"]["schemas"]["PatchedThemeRequest"]["properties"]
    assert theme["description_en"]["pattern"] == r"^[^\x00]*$"
    assert theme["name_en"]["pattern"] == r"^[^\x00]*[^\s\x00][^\x00]*$"  # trimmed, not blank
    response = editor_api.patch("/api/v1/themes/peacekeeping/", {"description_en": "a\x00b"})
    assert response.status_code == 400


def test_a_conflict_with_stored_records_is_a_409_a_malformed_body_a_400(seed, editor_api):
    taken = {"slug": "peacekeeping", "name_en": "Peacekeeping"}
    conflict = editor_api.post("/api/v1/themes/", taken)
    assert conflict.status_code == 409
    assert "slug" in conflict.json() and "name_en" in conflict.json()
    malformed = editor_api.post("/api/v1/themes/", {**taken, "slug": "not a slug"})
    assert malformed.status_code == 400


def test_every_listed_format_is_served_without_an_accept_header(seed, api):
    citation = api.get("/api/v1/citations/").json()["results"][0]["id"]
    response = api.get(f"/api/v1/citations/{citation}/", {"format": "jsonld"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith('application/ld+json; profile="')
    assert response.json()["type"] == "Annotation"


def test_a_state_with_the_longest_slug_the_schema_allows_can_chair(seed, editor_api):
    slug = "s" * 100
    state = editor_api.post(
        "/api/v1/member-states/", {"slug": slug, "name_en": "S", "iso_code": "SS"}
    )
    assert state.status_code == 201, state.json()
    response = editor_api.post("/api/v1/presidencies/", {"chair": slug, "year": 2200})
    assert response.status_code == 201, response.json()
    assert response.json()["slug"] == f"{slug}-2200"


def test_every_url_field_of_a_request_has_the_pattern_of_the_urls_the_api_takes(schema):
    found = []
    for name, component in schema["components"]["schemas"].items():
        for field, prop in component.get("properties", {}).items():
            uris = [s for s in prop.get("oneOf", [prop]) if s.get("format") == "uri"]
            if name.endswith("Request") and uris:
                assert [s["pattern"] for s in uris] == [URL_PATTERN], (name, field)
                found.append(field)
    assert {"website", "source_url"} <= set(found)


def test_a_website_that_is_not_a_uri_is_a_field_error(seed, editor_api):
    url = "/api/v1/presidencies/russia-2026/"
    response = editor_api.patch(url, {"website": "https://пример.рф/"}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["website"]


def test_csv_responses_are_declared_as_csv_text(schema):
    declared = [
        (path, status, response["content"]["text/csv"]["schema"])
        for _method, path, operation in operations(schema)
        for status, response in operation["responses"].items()
        if "text/csv" in response.get("content", {})
    ]
    assert declared
    for path, status, csv_schema in declared:
        assert csv_schema["type"] == "string", (path, status)
