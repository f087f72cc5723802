"""Invented statements (tests/importer/data, fictional) in other site layouts."""

import datetime
from pathlib import Path

import pytest

from importer.analysis import analyse

DATA = Path(__file__).parent / "data"


def case(date, speakers, mentioned, unknown, unknown_speakers, presidency, summit, kind, pub):
    return {
        "date": date,
        "officials": speakers,
        "mentioned": mentioned,
        "unknown_people": unknown,
        "unknown_speakers": unknown_speakers,
        "presidency": presidency,
        "summit": summit,
        "kind": kind,
        "publisher": pub,
    }


NOV_27 = datetime.date(2025, 11, 27)
CASES = {
    # Putin's address is only reported; the ministry is the author.
    "01_ministry_dotted_date.txt": case(
        NOV_27,
        [],
        ["vladimir-putin"],
        ["Arman Tulegenov"],
        [],
        "kyrgyzstan-2025",
        "csc-2025-bishkek",
        "statement",
        "",
    ),
    # "Pavel Kornilovich: the Collective Forces must …" headlines his words; no place is
    # named, the date and "the summit" give the meeting.
    "02_portal_iso_date.txt": case(
        NOV_27,
        [],
        ["imangali-tasmagambetov"],
        ["Pavel Kornilovich"],
        ["Pavel Kornilovich"],
        "kyrgyzstan-2025",
        "csc-2025-bishkek",
        "news_report",
        "Fictional Defence Portal",
    ),
    # Datelined Astana, about the meeting in Bishkek that it names.
    "03_agency_abbreviated_month.txt": case(
        NOV_27,
        ["kassym-jomart-tokayev"],
        [],
        ["Nurlan Abdikarimov"],
        [],
        "kyrgyzstan-2025",
        "csc-2025-bishkek",
        "news_report",
        "EurasiaWire",
    ),
    # A chairmanship the knowledge base does not record.
    "04_chairmanship_2023.txt": case(
        datetime.date(2023, 10, 14),
        [],
        [],
        ["Davit Arakelyan"],
        ["Davit Arakelyan"],
        None,
        None,
        "statement",
        "Official portal of the Chairmanship",
    ),
    "05_yearless_dateline.txt": case(
        None,
        [],
        ["sergey-lavrov"],
        ["Oleg Sverdlin"],
        ["Oleg Sverdlin"],
        None,
        None,
        "news_report",
        "BelWire",
    ),
    # Lavrov is addressed, Varga speaks.
    "06_russia_2026_long_date.txt": case(
        datetime.date(2026, 3, 15),
        [],
        ["sergey-lavrov"],
        ["Lena Varga"],
        ["Lena Varga"],
        "russia-2026",
        None,
        "remarks",
        "Ministry of Foreign Affairs of the Republic of Fictonia",
    ),
    # Moscow on the day of the Bishkek summit: not the Bishkek summit.
    "07_moscow_same_day.txt": case(
        NOV_27,
        [],
        ["sergey-lavrov"],
        ["Mikhail Orlov"],
        ["Mikhail Orlov"],
        "kyrgyzstan-2025",
        None,
        "news_report",
        "NordPress",
    ),
    # 2027: Russia 2026 is open-ended but named for 2026.
    "08_open_chairmanship_2027.txt": case(
        datetime.date(2027, 2, 12),
        [],
        [],
        ["Tomas Reznik"],
        ["Tomas Reznik"],
        None,
        None,
        "statement",
        "Ministry of Foreign Affairs",
    ),
    # The dateline "December 30." has no year; the one year the text names (2025) completes it,
    # and that date falls in Kyrgyzstan's chairmanship, which the text also names.
    "09_undated_named_chairmanship.txt": case(
        datetime.date(2025, 12, 30),
        [],
        [],
        ["Aibek Sultanov"],
        ["Aibek Sultanov"],
        "kyrgyzstan-2025",
        None,
        "news_report",
        "KyrTag",
    ),
    # No date; it names Kazakhstan's 2024 chairmanship, which is not recorded.
    "10_chairmanship_not_recorded.txt": case(
        None,
        [],
        [],
        ["Daulet Serikbayev"],
        ["Daulet Serikbayev"],
        None,
        None,
        "news_report",
        "Central Asia Security Review",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_invented_statement(seed, name):
    expected = CASES[name]
    result = analyse((DATA / name).read_text(encoding="utf-8"))
    assert result.date == expected["date"]
    assert [o.slug for o in result.officials] == expected["officials"]
    assert [o.slug for o in result.mentioned] == expected["mentioned"]
    assert result.unknown_people == expected["unknown_people"]
    assert result.unknown_speakers == expected["unknown_speakers"]
    assert (result.presidency.slug if result.presidency else None) == expected["presidency"]
    assert (result.summit.slug if result.summit else None) == expected["summit"]
    assert result.kind == expected["kind"]
    assert result.publisher == expected["publisher"]
    for candidate in result.priorities:
        assert candidate.quote in result.text


def test_notes_say_why_no_chairmanship_or_which(seed):
    def notes(name):
        return " ".join(analyse((DATA / name).read_text(encoding="utf-8")).notes)

    assert "No chairmanship is recorded for 2027: Russia 2026 has no end date" in notes(
        "08_open_chairmanship_2027.txt"
    )
    assert "The dateline gives no year (“December 30”); 2025 is the one year" in notes(
        "09_undated_named_chairmanship.txt"
    )
    assert "Kazakhstan 2024, which the knowledge base does not record" in notes(
        "10_chairmanship_not_recorded.txt"
    )
    assert "covers 2023-10-14" in notes("04_chairmanship_2023.txt")


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
        "Russian news agency",
        "Politics | World",
        "Central Asia Security Review",
        "News › Statements",
    ):
        assert furniture not in everything, furniture
    assert texts["04_chairmanship_2023.txt"].title == (
        "Statement of the Chairmanship on the results of the year"
    )
    assert texts["06_russia_2026_long_date.txt"].title.startswith("Foreign Minister Lena Varga’s")
    assert texts["07_moscow_same_day.txt"].title == (
        "Russia counts on allies’ support for its CSTO chairmanship — diplomat"
    )
    assert texts["10_chairmanship_not_recorded.txt"].title == (
        "Kazakhstan’s chairmanship: a look back"
    )
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
