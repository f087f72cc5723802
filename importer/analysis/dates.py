"""Dates in a statement's text: full dates, datelines."""

from __future__ import annotations

import datetime
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Russian month names, genitive as dates use them ("10 января 2026 года"), and nominative.
MONTHS.update(
    {
        name: number
        for number, names in enumerate(
            [
                ("января", "январь", "янв"),
                ("февраля", "февраль", "фев"),
                ("марта", "март", "мар"),
                ("апреля", "апрель", "апр"),
                ("мая", "май"),
                ("июня", "июнь", "июн"),
                ("июля", "июль", "июл"),
                ("августа", "август", "авг"),
                ("сентября", "сентябрь", "сен", "сент"),
                ("октября", "октябрь", "окт"),
                ("ноября", "ноябрь", "ноя", "нояб"),
                ("декабря", "декабрь", "дек"),
            ],
            start=1,
        )
        for name in names
    }
)
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

# Full dates: each pattern names its groups day, month, year.
FULL_DATE_PATTERNS = [
    re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)"),
    # "1 December 2020", "1 December 202016:22" (the time glued to the year).
    re.compile(
        r"(?<![\w.])(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})(?=\d{1,2}:\d{2}|\b)",
        re.IGNORECASE,
    ),
    # "November 27, 2025", "Nov. 27, 2025", "January 1st, 2026".
    re.compile(
        r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b",
        re.IGNORECASE,
    ),
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?![\d])"),
]
# "January 10." and "10 января." (day first, as in Russian and British datelines).
YEARLESS_DATE = re.compile(
    r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+\d{4})"
    r"|(?<![\w.])(?P<day2>\d{1,2})\s+"
    + _MONTH.replace("month", "month2")
    + r"(?![\w.]*,?\s+\d{4})",
    re.IGNORECASE,
)


def yearless_parts(m: re.Match) -> tuple[int, int]:
    """(month, day) of a YEARLESS_DATE match."""
    month = m["month"] or m["month2"]
    return MONTHS[month.lower().rstrip(".")], int(m["day"] or m["day2"])


DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*", re.IGNORECASE)


YEAR = re.compile(r"(?<![\w.\-–/])(?:199\d|2[01]\d\d)(?![\w\-–/])")


def _make_date(year: str, month: str, day: str) -> datetime.date | None:
    m = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
    try:
        return datetime.date(int(year), m, int(day)) if m else None
    except ValueError:
        return None


def full_dates(s: str) -> list[tuple[int, int, datetime.date]]:
    """Every full date in `s` as (start, end, date), in order, overlaps dropped."""
    found = []
    for pattern in FULL_DATE_PATTERNS:
        for m in pattern.finditer(s):
            d = _make_date(m["year"], m["month"], m["day"])
            if d and 1900 <= d.year <= 2200:
                found.append((m.start(), m.end(), d))
    found.sort()
    result: list[tuple[int, int, datetime.date]] = []
    for item in found:
        if not result or item[0] >= result[-1][1]:
            result.append(item)
    return result


POSTED = re.compile(
    r"^\s*(?:posted|published|updated|опубликовано|обновлено|дата публикации)(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
BYLINE = re.compile(r"\s+(?:by|автор:?)\s+\S.{0,60}$", re.IGNORECASE)


def is_dateline(line: str) -> datetime.date | None:
    """The date of a line that is only a date, with perhaps a time and a place."""
    if len(line) > 100:  # a date, a time and three words are shorter: a paragraph
        return None
    dates = full_dates(line)
    if len(dates) != 1:
        return None
    start, end, d = dates[0]
    # "Posted on 2 December 2020 by Aliya K.", "Опубликовано 12 ноября 2026 г."
    head = POSTED.sub("", line[:start])
    tail = BYLINE.sub("", line[end:]) if head != line[:start] else line[end:]
    rest = (head + " " + tail).strip()
    rest = re.sub(r"\d{1,2}:\d{2}", " ", rest)
    rest = re.sub(r"(?<!\w)(?:года|г\.)", " ", rest)  # "10 января 2026 года", "… 2025 г."
    rest = re.sub(r"[,.|–—\-/()]", " ", rest)
    words = rest.split()
    if len(words) <= 3 and all(w[:1].isupper() or w.isdigit() for w in words):
        return d
    return None
