"""The place a statement was made, and the meeting it reports on."""

from __future__ import annotations

import datetime
import re

from .cleaning import TAIL_MARKERS, _normalise, _split
from .dates import _MONTH, full_dates, is_dateline
from .meetings import MEETING_PATTERNS, city_named

# Words that stand beside a date in a header but name no place.
NOT_PLACES = {"Published", "Updated", "Posted", "Date", "Modified", "Created", "Last", "Time"}
LEAD_PLACE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z\-]+(?:\s[A-Z][A-Za-z\-]+)?),\s+(?:(?i:" + _MONTH + r")|\d)"
)


def _place_name(word: str) -> str:
    return word.title() if word.isupper() else word


def find_place(raw: str) -> str:
    """The place a dateline gives ("November 27, 2025, Bishkek", "MOSCOW, January 1.")."""
    for line in raw.splitlines():
        line = _normalise(line)
        if not line or TAIL_MARKERS.match(line):
            continue
        dates = full_dates(line) if is_dateline(line) else []
        if dates:
            start, end, _d = dates[0]
            rest = re.sub(r"\d{1,2}:\d{2}|[,.:|–—\-/()]", " ", line[:start] + " " + line[end:])
            words = [w for w in rest.split() if w[:1].isupper() and w not in NOT_PLACES]
            if words:
                return " ".join(_place_name(w) for w in words)
    paragraphs = _split(raw)[1]
    m = LEAD_PLACE.match(paragraphs[0]) if paragraphs else None
    if m and m["place"].split()[0] not in NOT_PLACES:
        return " ".join(_place_name(w) for w in m["place"].split())
    return ""


def _names_meeting(text: str, summit) -> bool:
    pattern = MEETING_PATTERNS.get(summit.kind)
    if pattern and pattern.search(text):
        return True
    return summit.title.lower() in text.lower()


def recorded_cities() -> set[str]:
    """The cities of the meetings the knowledge base records."""
    from presidencies.models import Summit

    return set(Summit.objects.exclude(city="").values_list("city", flat=True))


def find_summit(day: datetime.date | None, text: str, place: str = "", cities=None):
    """The meeting the text reports on: its date and its place must both fit.

    With a date: a meeting held that day whose city the text names or the dateline gives.
    When the text names no place, a meeting of that day whose kind it names ("summit",
    "Council of Foreign Ministers") — unless the dateline or the text puts it in the city
    of another meeting (a statement from Moscow is not about the Bishkek summit). A
    meeting whose city is not recorded fits when the text names its kind.
    Without a date: a meeting whose city and day-and-month the text names together.
    `cities`: recorded_cities(), when the caller has them already.
    """
    from presidencies.models import Summit

    if day is not None:
        other_cities = recorded_cities() if cities is None else cities
        best: list = []
        rank_best = 3
        for summit in Summit.objects.filter(date=day).order_by("pk"):
            if summit.city:
                if city_named(text, summit.city) or place.lower() == summit.city.lower():
                    rank = 0
                elif (
                    not place
                    and not any(city_named(text, c) for c in other_cities - {summit.city})
                    and _names_meeting(text, summit)
                ):
                    rank = 1
                else:
                    continue
            elif _names_meeting(text, summit):
                rank = 2
            else:
                continue
            if rank < rank_best:
                best, rank_best = [summit], rank
            elif rank == rank_best:
                best.append(summit)
        return best[0] if len(best) == 1 else None
    # No date: a meeting whose city and day-and-month ("in Bishkek on November 28") the
    # text names together, when exactly one meeting fits.
    fits = []
    for summit in Summit.objects.exclude(city="").exclude(date=None):
        if summit.city not in text:
            continue
        month = summit.date.strftime("%B")
        day_month = rf"\b(?:{month}\s+{summit.date.day}|{summit.date.day}\s+{month})\b"
        if re.search(day_month, text):
            fits.append(summit)
    return fits[0] if len(fits) == 1 else None
