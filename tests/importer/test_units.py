"""Small pieces of the importer: reading bytes, sentences, slugs, people."""

import pytest

from importer.analysis import InputError, decode_input, find_unknown_people, sentences
from importer.services import propose_slug


def test_decode_input():
    assert decode_input("\ufeffText".encode()) == "Text"
    for bad, message in [
        (b"", "empty"),
        (b"\n \t", "empty"),
        (b"ab\x00cd", "binary"),
        (b"\xff\xfe", "not UTF-8"),
        (b"a" * (2 * 1024 * 1024 + 1), "larger"),
    ]:
        with pytest.raises(InputError, match=message):
            decode_input(bad)


def test_sentences_are_substrings():
    text = (
        "MOSCOW, January 1. /TASS/. Russia aims high. Mr Sadyr Japarov spoke.\n\n"
        "“We will continue,” he said. The Nov. 27 meeting ended."
    )
    parts = sentences(text)
    assert all(p in text for p in parts)
    assert "Russia aims high." in parts
    assert "The Nov. 27 meeting ended." in parts


def test_unknown_people_high_precision():
    text = (
        "Foreign Minister Lena Varga met President of the Russian Federation Ivan Petrov. "
        "The Collective Security Council and Minister of Defence Affairs met. "
        "Secretary General Marat Usenov, Mr Smith."
    )
    assert find_unknown_people(text, [], []) == ["Lena Varga", "Ivan Petrov", "Marat Usenov"]


def test_slug_is_unique(seed):
    import datetime

    slug = propose_slug("CSTO summit", datetime.date(2025, 11, 27), "transcript", "")
    assert slug == "csto-summit-2025-11-27"
    assert propose_slug("", None, "statement", "TASS") == "tass-undated"
    from documents.models import Document

    Document.objects.create(slug=slug, kind="transcript", title="x", text="unique text here")
    assert propose_slug("CSTO summit", datetime.date(2025, 11, 27), "transcript", "") == (
        "csto-summit-2025-11-27-2"
    )


def test_seeds_have_no_unknown_people(seed):
    from pathlib import Path

    from importer.analysis import analyse

    for path in sorted((Path(__file__).parent.parent / "data" / "seeds").glob("*.txt")):
        assert analyse(path.read_text(encoding="utf-8")).unknown_people == [], path.name
