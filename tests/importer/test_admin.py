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
    assert form["person_0_speaker"].value() is True  # her remarks
    assert form["person_0_create"].value() is False  # nothing is created unasked
    # Lavrov is only addressed: listed apart, unticked.
    assert form["officials"].value() == []
    assert [o.slug for o in form.fields["mentioned"].queryset] == ["sergey-lavrov"]
    assert form["mentioned"].value() == []
    lavrov = Official.objects.get(slug="sergey-lavrov")
    assert lavrov not in form.fields["officials"].queryset
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
    assert {o.slug for o in document.speakers.all()} == {"lena-varga"}
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
    # The raw text is shown read-only and travels, exactly, in a signed hidden field.
    assert '<textarea id="id_raw_text" rows="30" cols="70" readonly>' in body
    assert 'name="raw_text"' not in body
    assert 'type="hidden" name="raw_token"' in body
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
    assert "Another document already has this slug." in body
    assert "Choose the priority" in body
    assert counts() == (17, 135, 7)


def test_three_megabyte_paste_gets_the_form_message(seed, editor_client):
    """Not Django's bare "Bad Request (400)": the paste reaches the form, which refuses it."""
    raw = "The CSTO met. " * (3 * 1024 * 1024 // 14 + 1)
    assert len(raw.encode()) > 3 * 1024 * 1024
    response = editor_client.post(URL, {"step": "source", "raw_text": raw})
    assert response.status_code == 200
    assert response.templates[0].name == "admin/importer/source.html"
    assert "The text is larger than 2 MB." in response.content.decode()
    assert counts() == (17, 135, 7)


def test_largest_statement_reviews_and_saves(seed, editor_client):
    """A statement just under 2 MB goes through both steps: the review form (cleaned text,
    quotes and the signed raw text) fits in DATA_UPLOAD_MAX_MEMORY_SIZE."""
    import random

    rng = random.Random(6)
    words = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))).split()
    paragraphs, size = [], 0
    while size < 2 * 1024 * 1024 - 60_000:
        paragraph = " ".join(rng.choice(words) for _ in range(rng.randint(40, 120))) + "."
        paragraphs.append(paragraph)
        size += len(paragraph.encode()) + 2
    raw = "\n\n".join(["Statement on a very long agenda", *paragraphs])
    assert len(raw.encode()) < 2 * 1024 * 1024
    response = editor_client.post(URL, {"step": "source", "raw_text": raw})
    assert response.templates[0].name == "admin/importer/review.html"
    data = review_data(response)
    # More than Django's default limit of 2.5 MB.
    assert sum(len(v.encode()) for v in data.values() if isinstance(v, str)) > 2.5 * 1024 * 1024
    response = editor_client.post(URL, data)
    assert response.status_code == 302
    assert Document.objects.get(title="Statement on a very long agenda").raw_text == raw


def test_upload_keeps_the_raw_text_exactly(seed, editor_client):
    """CRLF, a lone CR and a leading blank line survive review and save byte for byte."""
    raw = (DATA / "06_russia_2026_long_date.txt").read_text(encoding="utf-8")
    raw = "\r\n" + raw.replace("\n", "\r\n").replace("Dear colleague", "Dear\rcolleague")
    upload = SimpleUploadedFile("statement.txt", raw.encode("utf-8"), "text/plain")
    response = editor_client.post(URL, {"step": "source", "upload": upload})
    data = review_data(response)
    response = editor_client.post(URL, data)
    assert response.status_code == 302
    document = Document.objects.get(slug=data["slug"])
    assert document.raw_text == raw
    assert "\r" not in document.text


def test_pasted_text_is_kept_as_pasted(seed, editor_client):
    """A browser sends a textarea's line breaks as CRLF; the pasted text is stored as the
    textarea held it."""
    raw = (DATA / "06_russia_2026_long_date.txt").read_text(encoding="utf-8")
    response = editor_client.post(URL, {"step": "source", "raw_text": raw.replace("\n", "\r\n")})
    data = review_data(response)
    editor_client.post(URL, data)
    assert Document.objects.get(slug=data["slug"]).raw_text == raw


def test_altered_raw_text_is_refused(seed, editor_client):
    raw = (DATA / "06_russia_2026_long_date.txt").read_text(encoding="utf-8")
    data = review_data(editor_client.post(URL, {"step": "source", "raw_text": raw}))
    from importer.forms import sign_raw

    data["raw_token"] = sign_raw("x")[:-3] + "abc"
    response = editor_client.post(URL, data)
    assert response.status_code == 200
    assert "The raw text was altered" in response.content.decode()
    assert counts() == (17, 135, 7)


def test_themes_are_editable_and_recorded(seed, editor_client):
    from presidencies.models import Theme

    raw = (DATA / "06_russia_2026_long_date.txt").read_text(encoding="utf-8")
    response = editor_client.post(URL, {"step": "source", "raw_text": raw})
    form = response.context["form"]
    proposed = {Theme.objects.get(pk=pk).slug for pk in form["themes"].value()}
    assert proposed == {"counter-terrorism", "information-security"}
    body = response.content.decode()
    assert 'name="themes"' in body and 'type="checkbox"' in body
    data = review_data(response)
    # The editor drops one theme, adds another, cites nothing.
    data["themes"] = [
        str(Theme.objects.get(slug=s).pk) for s in ("counter-terrorism", "peacekeeping")
    ]
    data["editorial_note"] = "Checked against the ministry's site."
    response = editor_client.post(URL, data)
    assert response.status_code == 302
    document = Document.objects.get(slug=data["slug"])
    assert document.citations.count() == 0
    assert document.editorial_note == (
        "Checked against the ministry's site.\n\n"
        "Themes (proposed from the theme keywords, checked on import): "
        "Counter-terrorism and extremism, Peacekeeping."
    )


def test_cited_priority_themes_are_recorded(seed, editor_client):
    raw = (DATA / "06_russia_2026_long_date.txt").read_text(encoding="utf-8")
    response = editor_client.post(URL, {"step": "source", "raw_text": raw})
    form = response.context["form"]
    data = review_data(response)
    data["themes"] = []
    i = next(i for i in range(form.quote_count) if form[f"quote_{i}_priority"].value())
    data[f"quote_{i}_use"] = "on"
    editor_client.post(URL, data)
    document = Document.objects.get(slug=data["slug"])
    theme = document.citations.get().priority.theme
    assert document.editorial_note.endswith(f"checked on import): {theme.name}.")


def test_mentioned_official_can_be_made_a_speaker(seed, editor_client):
    raw = (DATA / "06_russia_2026_long_date.txt").read_text(encoding="utf-8")
    response = editor_client.post(URL, {"step": "source", "raw_text": raw})
    body = response.content.decode()
    assert "Only mentioned" in body
    data = review_data(response)
    lavrov = Official.objects.get(slug="sergey-lavrov")
    data["mentioned"] = [str(lavrov.pk)]
    data["person_0_create"] = "on"
    data["person_0_speaker"] = ""  # created, but only mentioned
    editor_client.post(URL, data)
    document = Document.objects.get(slug=data["slug"])
    assert [o.slug for o in document.speakers.all()] == ["sergey-lavrov"]
    assert Official.objects.filter(name="Lena Varga").exists()


def test_review_shows_inferred_chairmanship(seed, editor_client):
    raw = (DATA / "08_open_chairmanship_2027.txt").read_text(encoding="utf-8")
    response = editor_client.post(URL, {"step": "source", "raw_text": raw})
    form = response.context["form"]
    assert form["presidency"].value() is None
    assert "named for 2026" in form["editorial_note"].value()
    assert "named for 2026" in response.content.decode()


def test_html_upload_review_save(seed, editor_client):
    page = DATA / "html" / "ministry_page.html"
    upload = SimpleUploadedFile("page.html", page.read_bytes(), "text/html")
    response = editor_client.post(URL, {"step": "source", "upload": upload})
    assert response.status_code == 200
    form = response.context["form"]
    assert form["title"].value() == "Minister's remarks on CSTO crisis response"
    assert form["date"].value().isoformat() == "2024-05-16"
    data = review_data(response)
    response = editor_client.post(URL, data)
    assert response.status_code == 302
    document = Document.objects.get(title="Minister's remarks on CSTO crisis response")
    assert document.text.startswith("The minister said that the Collective Security")
    assert "Telegram" not in document.text and "Print version" not in document.text
    assert "<p>" not in document.text
