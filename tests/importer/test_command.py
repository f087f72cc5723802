"""The import_statement management command."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from documents.models import Document
from presidencies.models import Official

SEEDS = Path(__file__).parent.parent / "data" / "seeds"
DATA = Path(__file__).parent / "data"
KEYS = {
    "title",
    "date",
    "kind",
    "publisher",
    "text",
    "officials",
    "mentioned",
    "unknown_people",
    "unknown_speakers",
    "presidency",
    "summit",
    "themes",
    "priorities",
    "notes",
    "posts",
    "language",
    "proposed_presidency",
    "proposed_summit",
    "proposed_work",
}


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("import_statement", *[str(a) for a in args], stdout=out)
    return out.getvalue()


def test_json_output(seed):
    payload = json.loads(run(SEEDS / "004_0cfcc865ddc53478.txt", "--json"))
    assert set(payload) == KEYS
    assert payload["date"] == "2025-11-27"
    assert payload["kind"] == "transcript"
    assert payload["presidency"] == "kyrgyzstan-2025"
    assert payload["summit"] == "csc-2025-bishkek"
    # The transcript's speaker is Putin; the other participants are mentioned.
    assert payload["officials"] == ["vladimir-putin"]
    assert "alexander-lukashenko" in payload["mentioned"]
    assert "vladimir-putin" not in payload["mentioned"]
    assert payload["priorities"] and all(
        set(p) == {"quote", "theme"} and p["quote"] in payload["text"]
        for p in payload["priorities"]
    )


def test_summary_output(seed):
    out = run(DATA / "06_russia_2026_long_date.txt")
    assert "Lena Varga" in out
    assert "2026-03-15" in out
    assert not Document.objects.filter(title__contains="Lena Varga").exists()


def test_save_then_duplicate(seed):
    before = Document.objects.count()
    path = DATA / "01_ministry_dotted_date.txt"
    out = run(path, "--save")
    assert "Saved as" in out
    assert Document.objects.count() == before + 1
    document = Document.objects.get(title__startswith="Statement by the Ministry of Foreign")
    assert document.date.isoformat() == "2025-11-27"
    assert document.presidency.slug == "kyrgyzstan-2025"
    assert document.summit.slug == "csc-2025-bishkek"
    # Putin's address is only reported: no speaker; nobody created, nothing cited.
    assert [o.slug for o in document.speakers.all()] == []
    assert not Official.objects.filter(name="Arman Tulegenov").exists()
    assert document.citations.count() == 0
    assert document.editorial_note.startswith("Themes (proposed from the theme keywords")
    assert document.raw_text == path.read_text(encoding="utf-8")
    with pytest.raises(CommandError, match=f"already stored as {document.slug}"):
        run(path, "--save")
    assert Document.objects.count() == before + 1


def test_seed_already_stored(seed):
    before = Document.objects.count()
    with pytest.raises(CommandError, match="already stored as kremlin-csto-summit-bishkek"):
        run(SEEDS / "004_0cfcc865ddc53478.txt", "--save")
    assert Document.objects.count() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"  \n\t\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
        ("Déclaration du président".encode("latin-1"), "not UTF-8"),
        (b"a" * (2 * 1024 * 1024 + 1), "larger than 2 MB"),
    ],
    ids=["empty", "whitespace", "binary", "latin1", "too-large"],
)
def test_bad_files(seed, tmp_path, content, message):
    path = tmp_path / "statement.txt"
    path.write_bytes(content)
    documents, officials = Document.objects.count(), Official.objects.count()
    with pytest.raises(CommandError, match=message):
        run(path, "--save")
    assert (Document.objects.count(), Official.objects.count()) == (documents, officials)


def test_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run(tmp_path / "nope.txt")


def test_json_of_an_undated_seed_names_its_chairmanship(seed):
    payload = json.loads(run(SEEDS / "001_51ad7cf4dc28d3f3.txt", "--json"))
    assert payload["date"] is None
    assert payload["presidency"] == "russia-2026"
    assert payload["officials"] == ["sergey-lavrov"]
    assert payload["mentioned"] == ["vladimir-putin", "emomali-rahmon"]
    assert payload["notes"][0].startswith("The text gives no date; the chairmanship Russia 2026")


def test_create_people_and_cite(seed):
    path = DATA / "06_russia_2026_long_date.txt"
    out = run(path, "--save", "--create-people", "--cite")
    document = Document.objects.get(title__startswith="Foreign Minister Lena Varga")
    assert f"Saved as {document.slug} with 2 citations" in out
    assert [o.slug for o in document.speakers.all()] == ["lena-varga"]
    assert {c.priority.theme.slug for c in document.citations.all()} == {
        "counter-terrorism",
        "information-security",
    }
    assert all(c.quote in document.text for c in document.citations.all())


def test_flags_need_save(seed):
    with pytest.raises(CommandError, match="only apply with --save"):
        run(DATA / "06_russia_2026_long_date.txt", "--cite")


def test_failed_citation_stores_nothing(seed, monkeypatch):
    """Document, new officials and citations are one transaction."""
    from importer import services

    real = services.import_data_from

    def broken(*args, **kwargs):
        data = real(*args, **kwargs)
        data.citations.append(("A sentence the statement never contained.", data.citations[0][1]))
        return data

    monkeypatch.setattr("importer.management.commands.import_statement.import_data_from", broken)
    before = Document.objects.count(), Official.objects.count()
    with pytest.raises(CommandError, match="does not stand verbatim"):
        run(DATA / "06_russia_2026_long_date.txt", "--save", "--create-people", "--cite")
    assert (Document.objects.count(), Official.objects.count()) == before


def snapshot(document) -> dict:
    return {
        "fields": {
            f: getattr(document, f)
            for f in (
                "slug",
                "kind",
                "title",
                "date",
                "publisher",
                "text",
                "raw_text",
                "editorial_note",
                "presidency_id",
                "summit_id",
            )
        },
        "speakers": sorted(o.name for o in document.speakers.all()),
        "citations": sorted((c.quote, c.priority_id) for c in document.citations.all()),
    }


def _forget(document, names):
    from documents.models import Citation

    Citation.objects.filter(document=document).delete()
    document.delete()
    Official.objects.filter(name__in=names).delete()


@pytest.mark.parametrize(
    "name",
    ["06_russia_2026_long_date.txt", "02_portal_iso_date.txt", "01_ministry_dotted_date.txt"],
)
def test_command_stores_what_the_admin_stores(seed, editor_client, name):
    """--save --create-people --cite == the review form saved with every "Create" box and
    every "Cite" box that has a proposed priority ticked."""
    from tests.importer.test_admin import URL, review_data

    path = DATA / name
    officials_before = set(Official.objects.values_list("name", flat=True))
    run(path, "--save", "--create-people", "--cite")
    document = Document.objects.latest("pk")
    by_command = snapshot(document)
    created_by_command = set(Official.objects.values_list("name", flat=True)) - officials_before
    assert created_by_command
    _forget(document, created_by_command)

    response = editor_client.post(
        URL, {"step": "source", "raw_text": path.read_text(encoding="utf-8")}
    )
    form = response.context["form"]
    data = review_data(response)
    for i in range(form.people_count):
        data[f"person_{i}_create"] = "on"
    for i in range(form.quote_count):
        if form[f"quote_{i}_priority"].value():
            data[f"quote_{i}_use"] = "on"
    assert editor_client.post(URL, data).status_code == 302
    by_admin = snapshot(Document.objects.latest("pk"))
    created_by_admin = set(Official.objects.values_list("name", flat=True)) - officials_before
    assert by_admin == by_command
    assert created_by_admin == created_by_command
