"""The models' rules between fields, as the schema states them and as the API applies them:
a body that breaks one on its own is a 400 (and invalid by the schema), a change that breaks
one only with a stored value a 409, and a PUT replaces the whole record."""

import jsonschema
import pytest

from documents.models import Citation, Document

pytestmark = pytest.mark.django_db

PRESIDENCIES = "/api/v1/presidencies/"
DOCUMENT = "/api/v1/documents/tass-2026-01-01-lavrov-russia-csto-presidency/"


@pytest.fixture
def components(api):
    return api.get("/api/schema/", {"format": "json"}).json()["components"]["schemas"]


def rules_allow(components, name: str, body: dict) -> bool:
    """Whether a body keeps the component's multi-field rules (its allOf)."""
    rules = {"allOf": components[name].get("allOf", [])}
    return jsonschema.Draft4Validator(rules).is_valid(body)


@pytest.fixture
def priority_citation(seed):
    others = {f"{name}__isnull": True for name in Citation.TARGETS if name != "priority"}
    return Citation.objects.filter(priority__isnull=False, **others).first()


def new_citation(citation: Citation, **targets) -> dict:
    return {"document": citation.document.slug, "quote": citation.quote, **targets}


@pytest.mark.parametrize(
    ("targets", "allowed"),
    [
        ({}, False),
        (dict.fromkeys(Citation.TARGETS), False),
        ({"member_state": "russia"}, True),
        ({"priority": None, "member_state": "russia"}, True),
    ],
)
def test_a_new_citation_needs_a_target_in_the_schema_and_the_api(
    priority_citation, editor_api, components, targets, allowed
):
    body = new_citation(priority_citation, **targets)
    assert rules_allow(components, "CitationRequest", body) is allowed
    response = editor_api.post("/api/v1/citations/", body, format="json")
    assert response.status_code == (201 if allowed else 400), response.json()


@pytest.mark.parametrize(
    ("body", "allowed"),
    [
        ({"title": "", "text": ""}, False),
        ({"title": "  ", "text": " \n "}, False),
        ({"text": "Only a text."}, True),
        ({"title": "Only a title"}, True),
        ({"title": "A translation", "translator": "An agency"}, False),
        ({"title": "An original", "version_role": "original"}, False),
        ({"title": "Plain", "version_role": "unstated", "translator": " "}, True),
    ],
)
def test_a_new_document_keeps_its_rules_in_the_schema_and_the_api(
    seed, editor_api, components, body, allowed
):
    body = {"kind": "statement", "slug": "a-new-document", **body}
    assert rules_allow(components, "DocumentDetailRequest", body) is allowed
    response = editor_api.post("/api/v1/documents/", body, format="json")
    assert response.status_code == (201 if allowed else 400), response.json()


@pytest.mark.parametrize(
    ("url", "body", "component"),
    [
        # Kyrgyzstan 2025 has an end date: 'concluded' is only for an unknown end.
        ("/api/v1/presidencies/kyrgyzstan-2025/", {"concluded": True}, "PatchedPresidencyDetail"),
        # Russia 2026 began on 1 January 2026.
        (
            "/api/v1/presidencies/russia-2026/",
            {"end_date": "2025-06-30"},
            "PatchedPresidencyDetail",
        ),
        (DOCUMENT, {"title": "", "text": ""}, "PatchedDocumentDetail"),
    ],
)
def test_a_change_at_odds_with_what_is_stored_is_a_conflict_unless_the_body_says_it(
    seed, editor_api, components, url, body, component
):
    """The body alone breaks no rule (the schema allows it): only stored values refuse it."""
    before = editor_api.get(url).json()
    allowed = rules_allow(components, f"{component}Request", body)
    response = editor_api.patch(url, body, format="json")
    if allowed:
        assert response.status_code == 409, response.json()
    else:
        assert response.status_code == 400, response.json()
    assert editor_api.get(url).json()["updated_at"] == before["updated_at"]


def test_an_end_before_the_start_in_one_body_is_a_field_error(seed, editor_api, components):
    assert components["PatchedPresidencyDetailRequest"]["x-field-rules"] == [
        {
            "constraint": "presidency_end_on_or_after_start",
            "field": "end_date",
            "operator": ">=",
            "other": "start_date",
        }
    ]
    response = editor_api.patch(
        "/api/v1/presidencies/russia-2026/",
        {"start_date": "2026-01-01", "end_date": "2025-06-30"},
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()) == ["end_date"]


def test_removing_a_citations_only_target_is_a_conflict(priority_citation, editor_api, components):
    body = {"priority": None}
    assert rules_allow(components, "PatchedCitationRequest", body)
    response = editor_api.patch(f"/api/v1/citations/{priority_citation.pk}/", body, format="json")
    assert response.status_code == 409
    assert Citation.objects.get(pk=priority_citation.pk).priority_id is not None
    every = dict.fromkeys(Citation.TARGETS)
    assert not rules_allow(components, "PatchedCitationRequest", every)
    response = editor_api.patch(f"/api/v1/citations/{priority_citation.pk}/", every, format="json")
    assert response.status_code == 400


def test_a_put_replaces_the_record_and_what_it_leaves_out_takes_its_default(seed, editor_api):
    stored = Document.objects.get(slug=DOCUMENT.split("/")[-2])
    assert stored.publisher and stored.speakers.exists()
    body = {"kind": stored.kind, "slug": stored.slug, "title": "Replaced", "text": stored.text}
    response = editor_api.put(DOCUMENT, body, format="json")
    assert response.status_code == 200, response.json()
    replaced = response.json()
    assert (replaced["title"], replaced["publisher"], replaced["speakers"]) == ("Replaced", "", [])
    assert Document.objects.get(pk=stored.pk).publisher == ""


def test_a_new_document_with_a_stored_text_is_a_conflict(seed, editor_api):
    stored = Document.objects.exclude(text="").first()
    body = {"kind": "statement", "slug": "a-copy", "text": stored.text}
    response = editor_api.post("/api/v1/documents/", body, format="json")
    assert response.status_code == 409, response.json()
    assert "A document with the same text is already stored." in str(response.json())
