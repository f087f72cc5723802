"""The importer against the five seed statements, whose cleaned form the fixtures record."""

from pathlib import Path

import pytest

from documents.models import Citation, Document
from importer.analysis import (
    analyse,
    clean,
    extract_title,
    find_date,
    find_kind,
    find_publisher,
    sentences,
)

SEEDS = sorted((Path(__file__).parent.parent / "data" / "seeds").glob("*.txt"))


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


@pytest.fixture
def seed_documents(seed):
    """{seed file name: the Document whose raw_text it is}."""
    by_raw = {d.raw_text: d for d in Document.objects.exclude(raw_text="")}
    assert len(by_raw) == 5
    mapping = {path.name: by_raw[read(path)] for path in SEEDS}
    assert len({d.pk for d in mapping.values()}) == 5
    return mapping


def test_five_seeds_present():
    assert len(SEEDS) == 5


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_text_metadata_match_fixtures(seed_documents, path):
    raw = read(path)
    document = seed_documents[path.name]
    text, title = clean(raw), extract_title(raw)
    assert text == document.text
    assert title == document.title
    assert find_date(raw) == document.date
    assert find_publisher(raw) == document.publisher
    assert find_kind(raw, title, text, find_publisher(raw)) == document.kind


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_analysis_matches_fixtures(seed_documents, path):
    document = seed_documents[path.name]
    result = analyse(read(path))
    assert result.text == document.text
    assert result.title == document.title
    assert result.date == document.date
    # Speakers are the fixtures' speakers exactly; everyone else named is only mentioned.
    assert set(result.officials) == set(document.speakers.all())
    assert not set(result.officials) & set(result.mentioned)
    # Chairmanship and meeting for every seed, dated or not.
    assert result.presidency == document.presidency
    assert result.summit == document.summit
    for candidate in result.priorities:
        assert candidate.quote in document.text
    assert all(s in document.text for s in sentences(document.text))


def test_undated_seeds_get_their_chairmanship_without_a_date(seed_documents):
    by_slug = {d.slug: name for name, d in seed_documents.items()}
    press_release = analyse(
        read(SEEDS[0].parent / by_slug["press-release-russia-csto-chairmanship-2020"])
    )
    assert press_release.date is None
    # No year in the text, but "in Bishkek on November 28" names exactly one recorded summit.
    assert press_release.summit.slug == "csc-2019-bishkek"
    assert press_release.presidency.slug == "russia-2020"
    assert any("meeting it reports on" in note for note in press_release.notes)

    news = analyse(
        read(SEEDS[0].parent / by_slug["news-lavrov-message-russia-2026-csto-presidency"])
    )
    assert news.date is None  # never guessed
    # "… about Russia holding the 2026 CSTO Presidency": the chair and the year, stated.
    assert news.presidency.slug == "russia-2026"
    assert news.summit is None
    assert news.notes == [
        "The text gives no date; the chairmanship Russia 2026 follows from its words “The "
        "Russian Foreign Minister, Sergey Lavrov, had this to say about Russia holding the "
        "2026 CSTO Presidency:”."
    ]
    # The candidate quotes are offered for Russia 2026's priorities.
    assert any(c.priority and c.priority.presidency.slug == "russia-2026" for c in news.priorities)


def test_transcript_speakers_are_who_speaks(seed_documents):
    """The Kremlin transcript lists six participants; only Putin speaks in it."""
    by_slug = {d.slug: name for name, d in seed_documents.items()}
    result = analyse(read(SEEDS[0].parent / by_slug["kremlin-csto-summit-bishkek-2025-11-27"]))
    assert [o.slug for o in result.officials] == ["vladimir-putin"]
    assert {o.slug for o in result.mentioned} == {
        "alexander-lukashenko",
        "kassym-jomart-tokayev",
        "sadyr-japarov",
        "emomali-rahmon",
        "imangali-tasmagambetov",
    }


def _prf(found: set, expected: set) -> tuple[int, int, int]:
    return len(found & expected), len(found), len(expected)


def test_precision_recall(seed_documents, capsys):
    """Strictly against the fixtures: speakers are `Document.speakers`, themes those of the
    priorities the document's citations back."""
    officials = [0, 0, 0]
    themes = [0, 0, 0]
    for path in SEEDS:
        document = seed_documents[path.name]
        result = analyse(read(path))
        for i, n in enumerate(_prf(set(result.officials), set(document.speakers.all()))):
            officials[i] += n
        cited = {
            c.priority.theme
            for c in Citation.objects.filter(
                document=document, priority__isnull=False
            ).select_related("priority__theme")
        }
        found_themes = {h.theme for h in result.themes}
        for i, n in enumerate(_prf(found_themes, cited)):
            themes[i] += n

    def figures(tp, found, expected):
        return tp / found if found else 1.0, tp / expected if expected else 1.0

    op, orc = figures(*officials)
    tp, tr = figures(*themes)
    with capsys.disabled():
        print(f"\nofficials: precision {op:.2f} recall {orc:.2f} [tp, found, expected] {officials}")
        print(f"themes:    precision {tp:.2f} recall {tr:.2f} [tp, found, expected] {themes}")
    assert officials[2] == 4  # one speaker in four seeds, none in the press release
    assert op == 1.0
    assert orc == 1.0
    assert tr == 1.0
    assert tp >= 0.94
