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
    "unknown_people",
    "presidency",
    "summit",
    "themes",
    "priorities",
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
    assert "vladimir-putin" in payload["officials"]
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
    assert [o.slug for o in document.speakers.all()] == ["vladimir-putin"]
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
