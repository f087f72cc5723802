"""Every /api/ answer is JSON with the documented shape, errors included; bounded bodies."""

import json

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["abc", "-1", "0", "1e15", "101", ""])
def test_a_bad_page_size_is_a_400_naming_the_parameter(api, seed, value):
    response = api.get("/api/v1/documents/", {"page_size": value})
    assert response.status_code == 400
    assert "page_size" in response.json()


def test_a_good_page_size_is_used(api, seed):
    response = api.get("/api/v1/documents/", {"page_size": "2"})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 2


def test_the_schema_bounds_the_page_size(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    (param,) = [
        p
        for p in schema["paths"]["/api/v1/documents/"]["get"]["parameters"]
        if p["name"] == "page_size"
    ]
    assert param["schema"]["minimum"] == 1 and param["schema"]["maximum"] == 100


@pytest.mark.parametrize("url", ["/api/nothing-here/", "/api/v1/documents/no-such-slug/"])
def test_a_404_under_the_api_is_json(api, seed, url):
    response = api.get(url)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


def test_a_404_outside_the_api_is_still_a_page(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_trace_is_a_json_405(api, seed):
    response = api.generic("TRACE", "/api/v1/documents/")
    assert response.status_code == 405
    assert response.json()["detail"]


def test_a_body_over_the_limit_is_a_json_413(editor_api):
    body = json.dumps({"text": "x" * (settings.API_MAX_BODY_BYTES + 1)})
    response = editor_api.generic(
        "POST", "/api/v1/documents/", body, content_type="application/json"
    )
    assert response.status_code == 413
    assert response.json()["code"] == "request_too_large"


def test_a_document_text_over_the_limit_is_a_field_error(editor_api, seed, settings):
    settings.DOCUMENT_TEXT_MAX_CHARS = 1000  # the same rule, a smaller body
    response = editor_api.post(
        "/api/v1/documents/",
        {
            "kind": "statement",
            "title": "Too long",
            "slug": "too-long",
            "date": "2101-01-01",
            "publisher": "Ministry",
            "language": "en",
            "text": "A sentence of the statement. " * 40,
        },
        format="json",
    )
    assert response.status_code == 400
    assert "text" in response.json()
