"""The document's date, publisher and kind, read from its text."""

from __future__ import annotations

import datetime
import re

from django.utils.translation import gettext as _

from .cleaning import TAIL_MARKERS, _normalise, _split, clean, site_heading
from .dates import (
    DATE_MARKER,
    YEAR,
    YEARLESS_DATE,
    _make_date,
    full_dates,
    is_dateline,
    yearless_parts,
)

DATELINE_PLACE = re.compile(r"^\s*(?:[^\W\d_][\w\-]*\s*){1,3},\s*$")
DATELINE_AFTER = re.compile(r"\s*(?:года|г\.)?\s*[/–—\-(|:.]")


def find_date(raw: str) -> datetime.date | None:
    """The date the page gives for the statement; never guessed from a date without a year."""
    marker = DATE_MARKER.match(raw)
    if marker:
        d = _make_date(*marker.group(1).split("-"))
        if d:
            return d
    lines = [_normalise(x) for x in raw.splitlines()]
    lines = [x for x in lines if x]
    # Header and footer datelines ("November 27, 2025, Bishkek", "1 December 202016:22").
    for line in lines:
        if TAIL_MARKERS.match(line):
            break
        d = is_dateline(line)
        if d:
            return d
    title, paragraphs = _split(raw)
    if title:
        dates = full_dates(title)
        if dates:
            return dates[0][2]
    if not paragraphs:
        return None
    lead = paragraphs[0]
    # "ASTANA, Nov. 27, 2025 /Kazinform/ – …" or "27.11.2025 – …" at the head of the text.
    # A date opening a sentence ("On 1 January 2026 the chairmanship passed …") is the
    # event's, not the dateline's: a dateline's date follows a place or precedes a dash.
    head = lead[:60]
    for start, end, d in full_dates(head):
        if start < 40 and (
            DATELINE_PLACE.match(head[:start]) or DATELINE_AFTER.match(head[end : end + 12])
        ):
            return d
    # "MOSCOW, January 1. /TASS/." – only when a full date in the text gives the year.
    m = YEARLESS_DATE.search(lead[:60])
    if m:
        month, day = yearless_parts(m)
        for _s, _e, d in full_dates("\n".join(paragraphs)):
            if (d.month, d.day) == (month, day):
                return d
    return None


def yearless_date(raw: str) -> tuple[datetime.date | None, str]:
    """A dateline without a year ("ASTANA, January 10.") completed from the one year the
    text names, with a note saying so; nothing when it names no year or several."""
    _title, paragraphs = _split(raw)
    if not paragraphs:
        return None, ""
    m = YEARLESS_DATE.search(paragraphs[0][:60])
    if not m:
        return None, ""
    years = {int(y) for y in YEAR.findall("\n".join(paragraphs))}
    if len(years) != 1:
        return None, ""
    year = years.pop()
    month, day_of_month = yearless_parts(m)
    day = _make_date(str(year), str(month), str(day_of_month))
    if day is None:
        return None, ""
    return day, _(
        "The dateline gives no year (“%(dateline)s”); %(year)s is the one year the text names."
    ) % {"dateline": m.group(0), "year": year}


# --------------------------------------------------------------------------- metadata

AGENCY = re.compile(r"/\s*([^\W\d_][\w\-]{1,20})\s*/")
# "© 2005–2020 The Ministry of Foreign Affairs of the Russian Federation", "© 2024 Kazinform.
# All rights reserved."
COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[–—-]\s*\d{4})?\s*)?(?P<name>[^.|©]{2,100}?)"
    r"\s*(?:[.,]\s*(?:all rights reserved|все права защищены|use of\b|reproduction\b).*)?\.?$",
    re.IGNORECASE,
)


def _copyright_holder(raw: str) -> str:
    for line in reversed(raw.splitlines()):
        m = COPYRIGHT.match(_normalise(line))
        if m and not re.search(r"\d", m["name"]):
            return m["name"].strip()
    return ""


def find_publisher(raw: str) -> str:
    """The publisher a pasted page names: its wire marker ("/TASS/", "/EurasiaWire/"), the
    site's name above the title, or the holder of its copyright."""
    if "/TASS/" in raw:
        return "TASS"
    if re.search(r"official website of the president of russia", raw, re.I):
        return "Official website of the President of Russia"
    head = clean(raw)[:200]
    m = re.match(r"^[^\W\d_][\w\- ]+,[^/]{3,40}" + AGENCY.pattern, head)
    if m:
        return m.group(1)
    return site_heading(raw) or _copyright_holder(raw)


THIRD_PERSON = re.compile(
    r"\b(?:he|she|they|[A-Z][a-z]+)\s+(?:said|noted|stated|emphasi[sz]ed|added|recalled|"
    r"stressed|told|continued)\b|had this to say|[Aa]ccording to\b"
)


def find_kind(raw: str, title: str, text: str, publisher: str) -> str:
    if re.search(r"^\s*(?:Transcripts|Стенограммы)\s*/", raw.replace("\xa0", " "), re.M):
        return "transcript"
    if re.search(r"\bremarks\b", title, re.I):
        return "remarks"
    if re.match(r"press release", title, re.I):
        return "press_release"
    if re.search(r"\b(speech|address)\b", title, re.I):
        return "speech"
    if re.match(r"statement\b", title, re.I):
        return "statement"
    if re.search(r"\binterview\b", title, re.I):
        return "interview"
    if publisher and publisher != "Official website of the President of Russia":
        return "news_report"
    if THIRD_PERSON.search(text):
        return "news_report"
    return "statement"
