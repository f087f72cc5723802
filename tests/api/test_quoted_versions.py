"""A citation in the API says which version of its statement it quotes: the quoted document's
language, whether it is the original or a translation, and by whom; in the JSON and the schema."""

import pytest

from tests.factories import CitationFactory, DocumentFactory, WorkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated_quote(db):
    work = WorkFactory(original_language="ru")
    DocumentFactory(work=work, version_role="original", language="ru")
    translation = DocumentFactory(
        work=work, version_role="translation", language="en", translator="TASS"
    )
    return CitationFactory(document=translation)


def test_a_citation_names_the_language_role_and_translator_of_its_version(translated_quote, api):
    body = api.get(f"/api/v1/citations/{translated_quote.pk}/").json()
    assert body["document"] == translated_quote.document.slug
    assert body["version"] == {
        "language": "en",
        "version_role": "translation",
        "translator": "TASS",
    }


def test_a_quote_nested_under_its_priority_and_document_names_its_version(translated_quote, api):
    priority = api.get(f"/api/v1/priorities/{translated_quote.priority_id}/").json()
    (nested,) = priority["citations"]
    assert nested["version"] == {
        "language": "en",
        "version_role": "translation",
        "translator": "TASS",
    }
    document = api.get(f"/api/v1/documents/{translated_quote.document.slug}/").json()
    assert document["citations"][0]["version"]["version_role"] == "translation"


def test_a_quote_of_a_text_outside_any_work_is_an_unstated_version(seed, api):
    body = api.get("/api/v1/citations/", {"page_size": 100}).json()
    languages = {c["version"]["language"] for c in body["results"]}
    assert languages <= {"en", "ru"} and body["results"]
    alone = [c for c in body["results"] if c["document"].startswith("kremlin-csto-summit")]
    assert alone and all(
        c["version"] == {"language": "en", "version_role": "unstated", "translator": ""}
        for c in alone
    )


def test_the_schema_describes_the_quoted_version(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    components = schema["components"]["schemas"]
    for name in ("Citation", "CitationBrief"):
        version = components[name]["properties"]["version"]
        assert version["readOnly"] is True
        ref = version.get("$ref") or version["allOf"][0]["$ref"]
        assert ref == "#/components/schemas/QuotedVersion"
    quoted = components["QuotedVersion"]
    assert set(quoted["properties"]) == {"language", "version_role", "translator"}
    role = quoted["properties"]["version_role"]
    assert "translation" in role["description"]
    enum = components[role["allOf"][0]["$ref"].rsplit("/", 1)[1]]["enum"]
    assert set(enum) == {"original", "translation", "unstated"}
