"""The importer on its labelled evaluation set (tests/data/evaluation) meets its targets."""

import json

import pytest

from importer import evaluate

CASES = evaluate.load_cases(evaluate.default_set())


def test_set_covers_layouts_languages_and_formats():
    assert len(CASES) >= 24
    russian = [c for c in CASES if c.labels["language"] == "ru"]
    pages = [c for c in CASES if c.name.endswith(".html")]
    assert len(russian) >= 6 and len(pages) >= 6
    layouts = {c.name.split("_")[1] for c in CASES}
    assert {"kremlin", "mfa", "csto", "wire", "portal", "blog"} <= layouts
    assert any(str(c.labels["chairmanship"]).startswith("new:") for c in CASES)
    assert any(str(c.labels["meeting"]).startswith("new:") for c in CASES)


def test_evaluation_meets_its_targets(seed):
    report = evaluate.evaluate(CASES)
    assert report.shortfalls() == [], report.table() + "\n" + "\n".join(report.misses)


def test_command_prints_the_table_and_exits_zero(seed, capsys):
    assert evaluate.main(["--database"]) == 0
    out = capsys.readouterr().out
    assert "| chairmanship |" in out and "| new people |" in out
    assert "All targets met." in out


def test_statement_without_labels_is_refused(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Statement.", encoding="utf-8")
    assert evaluate.main(["--database", "--set", str(tmp_path)]) == 2
    assert "a.txt has no labels" in capsys.readouterr().err


def test_missed_targets_are_reported_with_their_values(seed, tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Wrong title\n\nA statement.", encoding="utf-8")
    labels = {"date": "2020-01-01", "title": "Right", "language": "ru", "new_people": ["X Y"]}
    (tmp_path / "a.json").write_text(json.dumps(labels), encoding="utf-8")
    assert evaluate.main(["--database", "--set", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "date accuracy 0.000 < 0.9" in out
    assert "new people recall 0.000 < 0.9" in out


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_labels_name_every_field(case):
    for key in ("date", "title", "publisher", "language", "chairmanship", "meeting",
                "officials", "speakers", "new_people", "themes", "keep", "drop"):  # fmt: skip
        assert key in case.labels
    assert case.labels["keep"] and case.labels["drop"]
    # Labels quote the statement: furniture as it stands, sentences across hard line breaks.
    assert all(s in case.raw for s in case.labels["drop"])
    raw = " ".join(case.raw.split())
    assert all(s in raw for s in case.labels["keep"])
