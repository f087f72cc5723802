"""Read a statement as pasted from a web page and propose what the knowledge base needs.

The text functions (clean, extract_title, find_date, …) are pure; `analyse()` adds the
database look-ups (officials, chairmanship, meeting, themes, priorities) and returns an
`Analysis` that the `import_statement` command and the admin's import page both use.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass, field

MAX_BYTES = 2 * 1024 * 1024

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
YEARLESS_DATE = re.compile(
    r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+\d{4})", re.IGNORECASE
)
DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*", re.IGNORECASE)

# Lines of web-page furniture, removed wherever they stand.
BOILERPLATE_LINES = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"view settings",
        r"font size:?",
        r"site colou?rs:?",
        r"images",
        r"settings",
        r"official website of the president of russia",
        r"(transcripts|news|events|statements|press releases?)\s*/",
        r"\*\s*\*\s*\*",
        r"(?:[•▪·\-*]\s*)?(?:[a-z]{2}-[A-Z]{2}\d*\s*)+",  # language switcher: en-GB1 ru-RU1
        r"share|print|print version|send by e-?mail|subscribe|back to top",
        r"skip to (?:main )?content",
        r"home\s*(?:[/>›»].*)?",  # breadcrumbs
        r"(?:main )?menu|search|log ?in|sign in|contacts?|version for the visually impaired",
        r"subscribe\b.{0,60}|follow us\b.{0,60}",
        r"©.*|\(c\) \d{4}.*|all rights reserved\.?",
    )
]
# Blocks after which nothing belongs to the statement.
TAIL_MARKERS = re.compile(
    r"^(further reading|additional materials|general information|related (?:news|materials|"
    r"articles)|see also|read more|more news|share this( article)?:?)$|^(tags|topics):",
    re.IGNORECASE,
)
BULLET = re.compile(r"^[•▪·◦‣\-*]\s+")
SENTENCE_END = re.compile(r"[.!?:;,][\"”’»)]*$")
TIME_ONLY = re.compile(r"^\d{1,2}:\d{2}$")


@dataclass
class Candidate:
    """A sentence that may state a priority."""

    quote: str
    theme: object | None = None  # presidencies.Theme
    priority: object | None = None  # presidencies.Priority proposed to cite it for


@dataclass
class ThemeHit:
    theme: object
    count: int


@dataclass
class Analysis:
    raw: str
    title: str = ""
    text: str = ""
    date: datetime.date | None = None
    kind: str = "statement"
    publisher: str = ""
    officials: list = field(default_factory=list)
    unknown_people: list[str] = field(default_factory=list)
    presidency: object | None = None
    summit: object | None = None
    themes: list[ThemeHit] = field(default_factory=list)
    priorities: list[Candidate] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "kind": self.kind,
            "publisher": self.publisher,
            "text": self.text,
            "officials": [o.slug for o in self.officials],
            "unknown_people": list(self.unknown_people),
            "presidency": self.presidency.slug if self.presidency else None,
            "summit": self.summit.slug if self.summit else None,
            "themes": [h.theme.slug for h in self.themes],
            "priorities": [
                {"quote": c.quote, "theme": c.theme.slug if c.theme else None}
                for c in self.priorities
            ],
        }


# --------------------------------------------------------------------------- input


class InputError(ValueError):
    """The bytes given are not a statement we can read."""


def decode_input(data: bytes) -> str:
    """UTF-8 text from uploaded bytes, or InputError with a message for the editor."""
    if len(data) > MAX_BYTES:
        raise InputError(f"The text is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    if b"\x00" in data:
        raise InputError("This is a binary file, not a text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"The text is not UTF-8 (byte {exc.start}).") from None
    if not text.strip():
        raise InputError("The text is empty.")
    return text


# --------------------------------------------------------------------------- dates


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


def is_dateline(line: str) -> datetime.date | None:
    """The date of a line that is only a date, with perhaps a time and a place."""
    dates = full_dates(line)
    if len(dates) != 1:
        return None
    start, end, d = dates[0]
    rest = (line[:start] + " " + line[end:]).strip()
    rest = re.sub(r"\d{1,2}:\d{2}", " ", rest)
    rest = re.sub(r"[,.|–—\-/()]", " ", rest)
    words = rest.split()
    if len(words) <= 3 and all(w[:1].isupper() or w.isdigit() for w in words):
        return d
    return None


# --------------------------------------------------------------------------- cleaning


def _normalise(line: str) -> str:
    return " ".join(line.replace("\xa0", " ").replace("\u202f", " ").split())


def _is_boilerplate(line: str) -> bool:
    return any(p.fullmatch(line) for p in BOILERPLATE_LINES)


def _is_bullet_link(line: str) -> bool:
    return bool(BULLET.match(line)) and len(line.split()) <= 10


MENU_SEPARATORS = re.compile(r"\s+(?:\||›|»|>|/)\s+")
SITE_TAGLINE = re.compile(r"^\S+\s+[—–-]\s+[a-z]")


def _is_menu(line: str) -> bool:
    """A menu or breadcrumb trail: "About | Calendar | Contacts", "Main page › Policy"."""
    parts = MENU_SEPARATORS.split(line)
    if len(parts) < 2 or SENTENCE_END.search(line):
        return False
    return all(0 < len(p.split()) <= 4 for p in parts)


def _is_heading(line: str) -> bool:
    return len(line.split()) >= 2 and len(line) <= 250 and not SENTENCE_END.search(line)


def _looks_like_title(line: str, following: list[str]) -> bool:
    if not following or len(line) > 250 or len(line.split()) < 2:
        return False
    if SENTENCE_END.search(line):
        return False
    # A heading is shorter than the paragraph that follows it, or names a genre.
    return len(line) < max(len(x) for x in following[:3]) or bool(
        re.match(r"(press release|statement|remarks|speech|address|interview)\b", line, re.I)
    )


def _split(raw: str) -> tuple[str, list[str]]:
    """(title, paragraphs) of a raw page."""
    raw = DATE_MARKER.sub("", raw, count=1)
    lines: list[str] = []
    for original in raw.splitlines():
        line = _normalise(original)
        if not line:
            continue
        if TAIL_MARKERS.match(line):
            break
        if _is_boilerplate(line) or _is_bullet_link(line) or TIME_ONLY.match(line):
            continue
        if _is_menu(line) or (not lines and SITE_TAGLINE.match(line) and len(line.split()) <= 10):
            continue
        if is_dateline(line):
            continue
        lines.append(line)
    # Of the headings above the first paragraph, the last is the title; the ones before
    # it name the site or its sections.
    lead = 0
    while lead < len(lines) - 1 and _is_heading(lines[lead]) and _is_heading(lines[lead + 1]):
        lead += 1
    title = ""
    if lead < len(lines) - 1 and _looks_like_title(lines[lead], lines[lead + 1 :]):
        title = lines[lead]
        lines = lines[lead + 1 :]
    return title, lines


def clean(raw: str) -> str:
    """The statement's text without page furniture: one paragraph per line, blank-separated."""
    return "\n\n".join(_split(raw)[1])


def extract_title(raw: str) -> str:
    return _split(raw)[0]


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
    head = lead[:60]
    for start, _end, d in full_dates(head):
        if start < 40:
            return d
    # "MOSCOW, January 1. /TASS/." – only when a full date in the text gives the year.
    m = YEARLESS_DATE.search(lead[:60])
    if m:
        month, day = MONTHS[m["month"].lower().rstrip(".")], int(m["day"])
        for _s, _e, d in full_dates("\n".join(paragraphs)):
            if (d.month, d.day) == (month, day):
                return d
    return None


# --------------------------------------------------------------------------- metadata

AGENCY = re.compile(r"/\s*([A-Z][A-Za-z\-]{1,20})\s*/")


def find_publisher(raw: str) -> str:
    if "/TASS/" in raw:
        return "TASS"
    if re.search(r"official website of the president of russia", raw, re.I):
        return "Official website of the President of Russia"
    head = clean(raw)[:200]
    m = re.match(r"^[A-Z][A-Za-z\- ]+,[^/]{3,40}" + AGENCY.pattern, head)
    if m:
        return m.group(1)
    return ""


THIRD_PERSON = re.compile(
    r"\b(?:he|she|they|[A-Z][a-z]+)\s+(?:said|noted|stated|emphasi[sz]ed|added|recalled|"
    r"stressed|told|continued)\b|had this to say|according to\b"
)


def find_kind(raw: str, title: str, text: str, publisher: str) -> str:
    if re.search(r"^\s*Transcripts\s*/", raw.replace("\xa0", " "), re.M):
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


# --------------------------------------------------------------------------- sentences

SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’»]?\s+(?=[\"“‘«]?[A-Z])")
ABBREVIATIONS = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|No|Nov|Dec|Jan|Feb|Aug|Sept?|Oct|Gen|Col)\.$")


def sentences(text: str) -> list[str]:
    """Sentences of the cleaned text, each a verbatim substring of it."""
    result = []
    for paragraph in text.split("\n\n"):
        start = 0
        for m in SENTENCE_SPLIT.finditer(paragraph):
            piece = paragraph[start : m.start()]
            if ABBREVIATIONS.search(piece):
                continue
            # Keep a closing quotation mark with its sentence.
            end = m.start() + len(m.group(0).rstrip())
            result.append(paragraph[start:end].strip())
            start = m.end()
        tail = paragraph[start:].strip()
        if tail:
            result.append(tail)
    return [s for s in result if s]


PRIORITY_MARKERS = re.compile(
    r"priorit|will focus|focus on|focused on|we plan|plans? to|we intend|intend to|"
    r"special attention|we propose|propose|will continue|\baim|will strive|"
    r"will be aimed|special efforts|attach(?:es)? great importance|key areas",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- people

PERSON_TITLE = (
    r"(?:President|Prime Minister|Foreign Minister|Defen[cs]e Minister|"
    r"Minister of Foreign Affairs|Minister of Defen[cs]e|Minister|Secretary[- ]General|"
    r"Secretary of the Security Council|"
    r"Deputy Secretary[- ]General|Chairman|Chairwoman|Speaker|Ambassador|Mr|Mrs|Ms)"
)
_NAME_WORD = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
PERSON = re.compile(
    r"\b" + PERSON_TITLE + r"\.?"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
    r",?\s+(?P<name>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){1,2})(?![\w-])"
)
NOT_NAMES = {
    "Russia",
    "Russian",
    "Federation",
    "Republic",
    "Kyrgyz",
    "Kyrgyzstan",
    "Belarus",
    "Kazakhstan",
    "Tajikistan",
    "Armenia",
    "Collective",
    "Security",
    "Council",
    "Treaty",
    "Organisation",
    "Organization",
    "Ministers",
    "Minister",
    "Foreign",
    "Defence",
    "Defense",
    "Affairs",
    "General",
    "Secretary",
    "The",
    "This",
    "That",
    "His",
    "Her",
    "Our",
    "We",
    "In",
    "On",
    "At",
    "And",
    "Of",
    "Assembly",
    "Parliamentary",
    "State",
    "States",
    "Union",
    "Eurasian",
    "European",
    "United",
    "Nations",
    "Forces",
    "Office",
    "Joint",
    "Staff",
    "President",
    "Prime",
    "Chairman",
    "Chairmanship",
    "Presidency",
    "CSTO",
    "Mr",
    "Ms",
}


@functools.lru_cache(maxsize=2048)
def _alias_pattern(alias: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])")


def match_officials(text: str, officials) -> tuple[list, list[tuple[int, int]]]:
    """Officials named in `text` (longest alias first) and the spans their names cover."""
    forms = []
    for official in officials:
        for form in [official.name, *official.alias_list]:
            forms.append((form, official))
    forms.sort(key=lambda item: len(item[0]), reverse=True)
    spans: list[tuple[int, int]] = []
    claimed = bytearray(len(text))
    first: dict = {}
    for form, official in forms:
        for m in _alias_pattern(form).finditer(text):
            if any(claimed[m.start() : m.end()]):
                continue
            claimed[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            spans.append((m.start(), m.end()))
            first[official] = min(first.get(official, m.start()), m.start())
    found = sorted(first, key=lambda o: first[o])
    return found, spans


def find_unknown_people(text: str, officials, covered: list[tuple[int, int]]) -> list[str]:
    known_forms = {f.lower() for o in officials for f in [o.name, *o.alias_list]}
    known_words = {f.lower() for o in officials for f in o.alias_list if " " not in f}
    people: list[str] = []
    for m in PERSON.finditer(text):
        name = m["name"]
        s, e = m.span("name")
        if any(s < ce and cs < e for cs, ce in covered):
            continue
        words = name.split()
        if any(w in NOT_NAMES for w in words):
            continue
        if name.lower() in known_forms or words[-1].lower() in known_words:
            continue
        if name not in people:
            people.append(name)
    return people


# --------------------------------------------------------------------------- themes


@functools.lru_cache(maxsize=256)
def _keywords_pattern(keywords: tuple[str, ...]) -> re.Pattern:
    alternation = "|".join(re.escape(k) for k in sorted(keywords, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alternation + ")", re.IGNORECASE)


def theme_hits(text: str, themes) -> list[ThemeHit]:
    hits = []
    for theme in themes:
        keywords = tuple(theme.keyword_list)
        count = len(_keywords_pattern(keywords).findall(text)) if keywords else 0
        if count:
            hits.append(ThemeHit(theme, count))
    hits.sort(key=lambda h: (-h.count, h.theme.name))
    return hits


def best_theme(sentence: str, themes):
    hits = theme_hits(sentence, themes)
    return hits[0].theme if hits else None


# --------------------------------------------------------------------------- database


def find_presidency(day: datetime.date | None):
    from presidencies.models import Presidency

    if day is None:
        return None
    found = Presidency.objects.in_office_on(day).select_related("chair").first()
    if found:
        return found
    # Chairmanships are named for a year; many rows lack a start or end date.
    for candidate in Presidency.objects.filter(year=day.year).select_related("chair"):
        starts_ok = candidate.start_date is None or candidate.start_date <= day
        ends_ok = candidate.end_date is None or candidate.end_date >= day
        if starts_ok and ends_ok:
            return candidate
    # Russia 2020 began on 28 November 2019.
    return (
        Presidency.objects.filter(year=day.year + 1, start_date__lte=day)
        .select_related("chair")
        .first()
    )


def find_summit(day: datetime.date | None, text: str):
    from presidencies.models import Summit

    if day is not None:
        return Summit.objects.filter(date=day).order_by("pk").first()
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


def analyse(raw: str) -> Analysis:
    from presidencies.models import Official, Priority, Theme

    title, paragraphs = _split(raw)
    text = "\n\n".join(paragraphs)
    result = Analysis(raw=raw, title=title, text=text)
    result.date = find_date(raw)
    result.publisher = find_publisher(raw)
    result.kind = find_kind(raw, title, text, result.publisher)

    officials = list(Official.objects.all())
    searched = f"{title}\n\n{text}" if title else text
    result.officials, covered = match_officials(searched, officials)
    result.unknown_people = find_unknown_people(searched, officials, covered)

    result.summit = find_summit(result.date, searched)
    result.presidency = find_presidency(result.date)
    if result.presidency is None and result.date is None and result.summit is not None:
        result.presidency = result.summit.presidency

    themes = list(Theme.objects.all())
    result.themes = theme_hits(searched, themes)
    priorities = (
        list(Priority.objects.filter(presidency=result.presidency).order_by("order", "pk"))
        if result.presidency
        else []
    )
    for sentence in sentences(text):
        if not PRIORITY_MARKERS.search(sentence):
            continue
        theme = best_theme(sentence, themes)
        priority = None
        if theme is not None:
            priority = next((p for p in priorities if p.theme_id == theme.pk), None)
        result.priorities.append(Candidate(quote=sentence, theme=theme, priority=priority))
    return result
