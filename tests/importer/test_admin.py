"""The admin's "Import statement" page, end to end with an editor."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import Citation, Document
from presidencies.models import Official, Priority

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parent.parent / "data" / "seeds"
URL = "/admin/documents/document/import/"


def counts():
    return Document.objects.count(), Citation.objects.count(), Official.objects.count()


def review_data(response) -> dict:
    """The review form's initial values as a browser would post them."""
    form = response.context["form"]
    data = {"step": "review"}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if isinstance(value, list):
            data[name] = [str(v) for v in value]
        elif value is True:
            data[name] = "on"
        else:
            data[name] = str(value)
    return data


def test_url_and_changelist_link(seed, editor_client):
    assert reverse("admin:documents_document_import") == URL
    response = editor_client.get(reverse("admin:documents_document_changelist"))
    assert URL in response.content.decode()
    assert editor_client.get(URL).status_code == 200


def test_needs_add_permission(seed, client, django_user_model):
    user = django_user_model.objects.create_user(username="viewer", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(URL).status_code == 403


def test_paste_review_save(seed, editor, editor_client):
    raw = (DATA / "06_russia_2026_long_date.txt").read_text(encoding="utf-8")
    response = editor_client.post(URL, {"step": "source", "raw_text": raw})
    assert response.status_code == 200
    assert response.templates[0].name == "admin/importer/review.html"
    form = response.context["form"]
    assert form["date"].value().isoformat() == "2026-03-15"
    assert form["kind"].value() == "remarks"
    assert form["person_0_name"].value() == "Lena Varga"
    assert form.quote_count >= 2
    assert counts() == (17, 135, 7)

    data = review_data(response)
    data["title"] = "Fictonia: remarks at the meeting with Sergey Lavrov"
    data["person_0_create"] = "on"
    terrorism = Priority.objects.get(
        presidency__slug="russia-2026", theme__slug="counter-terrorism"
    )
    information = Priority.objects.get(
        presidency__slug="russia-2026", theme__slug="information-security"
    )
    quotes = [form[f"quote_{i}_text"].value() for i in range(form.quote_count)]
    i_terror = next(i for i, q in enumerate(quotes) if "terrorism" in q)
    i_info = next(i for i, q in enumerate(quotes) if "information security" in q)
    data[f"quote_{i_terror}_use"] = "on"
    data[f"quote_{i_terror}_priority"] = str(terrorism.pk)
    data[f"quote_{i_info}_use"] = "on"
    data[f"quote_{i_info}_priority"] = str(information.pk)

    response = editor_client.post(URL, data)
    document = Document.objects.get(title=data["title"])
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:documents_document_change", args=[document.pk])
    assert document.raw_text == raw
    assert document.presidency.slug == "russia-2026"
    assert {o.slug for o in document.speakers.all()} == {"sergey-lavrov", "lena-varga"}
    assert Official.objects.filter(name="Lena Varga").exists()
    citations = list(document.citations.order_by("pk"))
    assert {c.priority for c in citations} == {terrorism, information}
    assert all(c.quote in document.text for c in citations)
    assert document.history.first().history_user == editor
    assert Official.objects.get(name="Lena Varga").history.first().history_user == editor
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("Imported" in m for m in messages)


def test_upload_step(seed, editor_client):
    upload = SimpleUploadedFile(
        "statement.txt", (DATA / "01_ministry_dotted_date.txt").read_bytes(), "text/plain"
    )
    response = editor_client.post(URL, {"step": "source", "upload": upload})
    assert response.status_code == 200
    form = response.context["form"]
    assert form["summit"].value() is not None
    assert form["title"].value().startswith("Statement by the Ministry")
    body = response.content.decode()
    assert 'name="raw_text"' in body and "readonly" in body
    assert "Create as new official" in body
    assert "Kyrgyzstan 2025" in body  # the proposed chairmanship is selected


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"   \n ", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        ("Déclaration".encode("latin-1"), "not UTF-8"),
        (b"x" * (2 * 1024 * 1024 + 1), "larger than 2 MB"),
    ],
    ids=["empty", "binary", "latin1", "too-large"],
)
def test_bad_uploads(seed, editor_client, content, message):
    upload = SimpleUploadedFile("statement.txt", content, "text/plain")
    response = editor_client.post(URL, {"step": "source", "upload": upload})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert counts() == (17, 135, 7)


def test_empty_paste(seed, editor_client):
    response = editor_client.post(URL, {"step": "source", "raw_text": ""})
    assert "empty" in response.content.decode()


def test_duplicate_text_rejected(seed, editor_client):
    raw = (SEEDS / "002_d8097ca1fc5205e1.txt").read_text(encoding="utf-8")
    response = editor_client.post(URL, {"step": "source", "raw_text": raw})
    assert "already stored as lavrov-opening-remarks-cfm-2020-12-01" in response.content.decode()
    assert counts() == (17, 135, 7)


def test_bad_citation_rolls_everything_back(seed, editor_client):
    raw = (DATA / "04_chairmanship_2023.txt").read_text(encoding="utf-8")
    response = editor_client.post(URL, {"step": "source", "raw_text": raw})
    data = review_data(response)
    data["person_0_create"] = "on"
    priority = Priority.objects.first()
    # A quote edited so that it no longer stands in the cleaned text.
    data["quote_0_use"] = "on"
    data["quote_0_text"] = "A sentence the statement never contained."
    data["quote_0_priority"] = str(priority.pk)
    response = editor_client.post(URL, data)
    assert response.status_code == 200
    assert "does not stand verbatim" in response.content.decode()
    assert counts() == (17, 135, 7)
    assert not Official.objects.filter(name="Davit Arakelyan").exists()


def test_review_errors_store_nothing(seed, editor_client):
    raw = (DATA / "05_yearless_dateline.txt").read_text(encoding="utf-8")
    response = editor_client.post(URL, {"step": "source", "raw_text": raw})
    data = review_data(response)
    data["slug"] = "kremlin-csto-summit-bishkek-2025-11-27"  # taken
    data["quote_0_use"] = "on"  # no priority chosen
    response = editor_client.post(URL, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "slug already exists" in body
    assert "Choose the priority" in body
    assert counts() == (17, 135, 7)
