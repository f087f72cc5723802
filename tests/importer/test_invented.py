"""Invented statements (tests/importer/data, fictional) in other site layouts."""

import datetime
from pathlib import Path

import pytest

from importer.analysis import analyse

DATA = Path(__file__).parent / "data"

CASES = {
    # file: (date, official slugs, unknown people, presidency, summit, kind, publisher)
    "01_ministry_dotted_date.txt": (
        datetime.date(2025, 11, 27),
        ["vladimir-putin"],
        ["Arman Tulegenov"],
        "kyrgyzstan-2025",
        "csc-2025-bishkek",
        "statement",
        "",
    ),
    "02_portal_iso_date.txt": (
        datetime.date(2025, 11, 27),
        ["imangali-tasmagambetov"],
        ["Pavel Kornilovich"],
        "kyrgyzstan-2025",
        "csc-2025-bishkek",
        "news_report",
        "",
    ),
    "03_agency_abbreviated_month.txt": (
        datetime.date(2025, 11, 27),
        ["kassym-jomart-tokayev"],
        ["Nurlan Abdikarimov"],
        "kyrgyzstan-2025",
        "csc-2025-bishkek",
        "news_report",
        "EurasiaWire",
    ),
    "04_chairmanship_2023.txt": (
        datetime.date(2023, 10, 14),
        [],
        ["Davit Arakelyan"],
        None,
        None,
        "statement",
        "",
    ),
    "05_yearless_dateline.txt": (
        None,
        ["sergey-lavrov"],
        ["Oleg Sverdlin"],
        None,
        None,
        "news_report",
        "BelWire",
    ),
    "06_russia_2026_long_date.txt": (
        datetime.date(2026, 3, 15),
        ["sergey-lavrov"],
        ["Lena Varga"],
        "russia-2026",
        None,
        "remarks",
        "",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_invented_statement(seed, name):
    date, officials, unknown, presidency, summit, kind, publisher = CASES[name]
    result = analyse((DATA / name).read_text(encoding="utf-8"))
    assert result.date == date
    assert [o.slug for o in result.officials] == officials
    assert result.unknown_people == unknown
    assert (result.presidency.slug if result.presidency else None) == presidency
    assert (result.summit.slug if result.summit else None) == summit
    assert result.kind == kind
    assert result.publisher == publisher
    for candidate in result.priorities:
        assert candidate.quote in result.text


def test_page_furniture_removed(seed):
    texts = {name: analyse((DATA / name).read_text(encoding="utf-8")) for name in CASES}
    everything = "\n".join(r.text for r in texts.values())
    for furniture in (
        "Skip to main content",
        "Related news",
        "Photo gallery",
        "EN | RU",
        "Tags:",
        "©",
        "Read more",
        "Latest | Politics",
        "Back to top",
        "Print version",
        "Subscribe",
        "Telegram",
        "Main page ›",
        "Published:",
        "independent news",
    ):
        assert furniture not in everything, furniture
    assert texts["04_chairmanship_2023.txt"].title == (
        "Statement of the Chairmanship on the results of the year"
    )
    assert texts["06_russia_2026_long_date.txt"].title.startswith("Foreign Minister Lena Varga’s")
    for result in texts.values():
        assert "\n\n\n" not in result.text
        assert result.text == result.text.strip()


def test_dates_without_year_are_not_guessed():
    from importer.analysis import find_date

    assert find_date("MOSCOW, January 1. /TASS/. Russia took over.") is None
    assert find_date("Held in Bishkek on November 28.\n\nMore text.") is None
    assert find_date("MOSCOW, January 1. /TASS/. On January 1, 2026, Russia took over.") == (
        datetime.date(2026, 1, 1)
    )
    assert find_date("Title line here\n\n1 December 202016:22\n\nText.") == datetime.date(
        2020, 12, 1
    )
    assert find_date("November 27, 2025, Bishkek\n\nText.") == datetime.date(2025, 11, 27)
