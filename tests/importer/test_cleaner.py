"""The plain-text cleaner: furniture dropped by its shape, hard-wrapped paragraphs reflowed,
a dateline without a year completed from the year the text names."""

import datetime
from pathlib import Path

import pytest

from importer.analysis import analyse, clean, reflow, yearless_date

DATA = Path(__file__).parent / "data"
WIRE = DATA / "11_wire_hard_wrapped_furniture.txt"


def test_wire_copy_furniture_and_reflow():
    text = clean(WIRE.read_text(encoding="utf-8"))
    paragraphs = text.split("\n\n")
    assert len(paragraphs) == 2, paragraphs
    assert paragraphs[0].startswith("ASTANA, January 10. /AsiaWire/. Kazakhstan's chairmanship")
    assert "of the Collective Security Treaty Organization in 2024 will focus" in paragraphs[0]
    assert paragraphs[0].endswith("said at a briefing on Wednesday.")
    assert paragraphs[1].endswith('biological security," the minister said.')
    assert "\n" not in paragraphs[0]
    for piece in [
        "Events",
        "px",
        "Facebook",
        "Tumblr",
        "Read also",
        "AWR-",
        "editorial office",
        "Reproduction",
        "Print version",
        "Back to the list",
    ]:
        assert piece not in text, piece


@pytest.mark.parametrize(
    "line",
    [
        "Share: Facebook Twitter Telegram",
        "Google+ Pinterest LinkedIn Tumblr +",
        "Share on VK OK WhatsApp Viber",
        "+ ↺ − 16 px",
        "A− A A+",
        "Events /",
        "News / Politics /",
        "Read also: A new bridge opens across the river",
        "See also — Ministers meet in Minsk",
        "EDW-2024-06-18-0417",
        "ID: 184467",
        "Print version",
        "Back to the list of news",
        "Back to all news",
        "The views expressed in this article do not necessarily reflect those of the editors.",
        "Use of materials is permitted only with a hyperlink to the source.",
    ],
)
def test_furniture_line_dropped(line):
    raw = f"{line}\n\nThe Council of Foreign Ministers of the CSTO met in Yerevan on Monday."
    assert clean(raw) == "The Council of Foreign Ministers of the CSTO met in Yerevan on Monday."


@pytest.mark.parametrize(
    "line",
    [
        "Twitter and Telegram were blocked in the region for a week, the minister said.",
        "The CSTO/SCO contacts group met on 12 March.",
        "Read the statement of the ministers in full below.",
        "The exercise Interaction-2024 was held in Belarus.",
    ],
)
def test_statement_lines_kept(line):
    assert clean(f"{line}\n\nThe ministers met in Yerevan on Monday.").split("\n\n")[0] == line


def test_unwrapped_text_is_left_alone():
    raw = "Heading of the page\nFirst short line.\nSecond short line.\nThird one."
    assert reflow(raw) == raw
    # Long one-line paragraphs are not joined, whatever their ends.
    long = "A paragraph " * 15
    raw = f"{long}\n{long}\n{long}"
    assert reflow(raw) == raw


def test_yearless_dateline_takes_the_year_of_the_text():
    day, note = yearless_date(WIRE.read_text(encoding="utf-8"))
    assert day == datetime.date(2024, 1, 10)
    assert "2024" in note and "January 10" in note
    # No year, or two different years: no date.
    assert yearless_date("MINSK, March 3. The ministers met.") == (None, "")
    assert yearless_date("MINSK, March 3. The plans for 2024 and 2025 were discussed.") == (
        None,
        "",
    )


def test_analysis_dates_the_wire_copy_with_a_note(seed):
    result = analyse(WIRE.read_text(encoding="utf-8"))
    assert result.date == datetime.date(2024, 1, 10)
    assert any("gives no year" in n for n in result.notes)
    assert result.publisher == "AsiaWire"
