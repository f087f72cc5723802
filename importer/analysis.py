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

from django.utils.translation import gettext as _

from . import html, names

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
        r"back to (?:the )?(?:list of |all )?(?:news|articles|publications|materials|list|top)",
        r"print(?:able)? version|version for printing",
        # Font-size widgets: "+ ↺ − 16 px", "A− A A+".
        r"[+\-−–↺↻⟲⟳\s]*\d{1,2}\s*(?:px|pt)[+\-−–↺↻⟲⟳\s]*|(?:a\s*[+\-−]?\s*){2,4}",
        # Wire-service and content IDs: "EDW-2024-06-18-0417", "ID: 184467".
        r"(?:(?:id|ref|no)\.?\s*:?\s*)?(?=(?:\D*\d){4})[A-Z0-9]+(?:[-_/][A-Z0-9]+)+|(?:id|ref)\s*:?\s*\d{4,}",
        # A breadcrumb ending in its separator: "Events /", "News / Politics /".
        r"(?:\w[\w’'\- ]{0,30}\s*[/›»>]\s*)+",
    )
]
# Share bars: short lines of social network names, whatever introduces them.
NETWORKS = {
    "facebook", "twitter", "x", "telegram", "vk", "vkontakte", "ok", "odnoklassniki",
    "whatsapp", "viber", "linkedin", "pinterest", "tumblr", "google+", "reddit", "youtube",
    "instagram", "email", "e-mail", "mail", "share", "print", "+", "rss", "livejournal",
    "mastodon", "threads", "skype", "messenger", "flipboard",
}  # fmt: skip
SHARE_FILLER = {
    "on",
    "via",
    "us",
    "this",
    "the",
    "article",
    "page",
    "news",
    "in",
    "to",
    "copy",
    "link",
}
# "Read also: …" and its kin introduce a link, not the statement.
READ_ALSO = re.compile(
    r"^(?:read also|also read|see also|read more|more on (?:this|the) topic|recommended|related)"
    r"\s*[:—–-]\s*\S",
    re.IGNORECASE,
)
DISCLAIMER = re.compile(
    r"\b(?:editorial (?:board|office|staff)|the editors?)\b.{0,40}\b(?:not responsible|"
    r"does not|do not)\b|\breproduction\b.{0,80}\b(?:link|permission|prohibited|permitted|"
    r"allowed)\b|\buse of (?:the |our )?materials?\b.{0,80}\b(?:link|permitted|allowed)\b|"
    r"\bthe views expressed\b.{0,80}\b(?:not necessarily|do not)\b",
    re.IGNORECASE,
)
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
    # Officials of the knowledge base who speak or are quoted as authors (proposed as the
    # document's speakers), and those the text only mentions.
    officials: list = field(default_factory=list)
    mentioned: list = field(default_factory=list)
    # Names not in the knowledge base, and those of them who speak.
    unknown_people: list[str] = field(default_factory=list)
    unknown_speakers: list[str] = field(default_factory=list)
    presidency: object | None = None
    summit: object | None = None
    themes: list[ThemeHit] = field(default_factory=list)
    priorities: list[Candidate] = field(default_factory=list)
    # What was inferred rather than read, for the review and the document's editorial note.
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "kind": self.kind,
            "publisher": self.publisher,
            "text": self.text,
            "officials": [o.slug for o in self.officials],
            "mentioned": [o.slug for o in self.mentioned],
            "unknown_people": list(self.unknown_people),
            "unknown_speakers": list(self.unknown_speakers),
            "presidency": self.presidency.slug if self.presidency else None,
            "summit": self.summit.slug if self.summit else None,
            "themes": [h.theme.slug for h in self.themes],
            "priorities": [
                {"quote": c.quote, "theme": c.theme.slug if c.theme else None}
                for c in self.priorities
            ],
            "notes": list(self.notes),
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
    if len(line) > 100:  # a date, a time and three words are shorter: a paragraph
        return None
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


def _is_share_bar(line: str) -> bool:
    words = [w.strip(":,|·•/").casefold() for w in line.split()]
    words = [w for w in words if w]
    if not words or len(words) > 12:
        return False
    named = sum(w in NETWORKS for w in words)
    return named >= 2 and all(w in NETWORKS or w in SHARE_FILLER for w in words)


def _is_furniture(line: str) -> bool:
    """A line the page puts around a statement, judged by its shape."""
    return (
        _is_boilerplate(line)
        or _is_bullet_link(line)
        or _is_share_bar(line)
        or bool(TIME_ONLY.match(line))
        or (len(line.split()) <= 25 and bool(READ_ALSO.match(line)))
        or (len(line.split()) <= 60 and bool(DISCLAIMER.search(line)))
    )


def _width(lines: list[str]) -> int:
    """The width a text is hard-wrapped at, or 0 when it is not."""
    lengths = sorted(len(x) for x in lines)
    if len(lengths) < 3:
        return 0
    width = lengths[int(0.9 * (len(lengths) - 1))]
    full = sum(n >= 0.8 * width for n in lengths)
    if not 40 <= width <= 100 or full < 3 or full < 0.4 * len(lengths):
        return 0
    return width


def reflow(raw: str) -> str:
    """Wire copy broken every 70 characters or so: each paragraph joined back into one line.

    A line is joined to the next when it reaches towards the margin (a paragraph's last line
    seldom does) and does not end a sentence, or fills the line to the margin.
    """
    lines = [_normalise(x) for x in raw.splitlines()]
    width = _width([x for x in lines if x])
    if not width:
        return raw
    out: list[str] = []
    joinable = False
    for line in lines:
        if line and joinable and out and out[-1] and not BULLET.match(line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        last = out[-1]
        tail = len(line)
        joinable = bool(line) and (
            (tail >= 0.6 * width and not SENTENCE_END.search(last)) or tail >= 0.9 * width
        )
    return "\n".join(out)


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
    raw = reflow(DATE_MARKER.sub("", raw, count=1))
    lines: list[str] = []
    for original in raw.splitlines():
        line = _normalise(original)
        if not line:
            continue
        if TAIL_MARKERS.match(line):
            break
        if _is_furniture(line):
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
    day = _make_date(str(year), str(MONTHS[m["month"].lower().rstrip(".")]), m["day"])
    if day is None:
        return None, ""
    return day, _(
        "The dateline gives no year (“%(dateline)s”); %(year)s is the one year the text names."
    ) % {"dateline": m.group(0), "year": year}


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
    r"stressed|told|continued)\b|had this to say|[Aa]ccording to\b"
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


# Who speaks. `Document.speakers` are "the officials who speak or are quoted as authors":
# the speaker labels of a transcript, the author a title names ("Lavrov’s remarks",
# "Interview with …", "Name: headline"), or a person the text has say something ("Lavrov
# said", "“…,” said Lavrov", "according to Lavrov"). Everyone else is only mentioned:
# meeting participants, people thanked, addressed or reported as doing something.
SPEECH_VERB = (
    r"(?:said|says|noted|notes|stated|states|emphasi[sz]ed|emphasi[sz]es|added|adds|"
    r"recalled|recalls|stressed|stresses|told|tells|continued|declared|declares|explained|"
    r"explains|underlined|underscored|pointed\s+out|remarked|commented|affirmed|assured|"
    r"insisted|warned|wrote|writes|replied|answered|had\s+this\s+to\s+say|"
    r"(?:is|was)\s+quoted\s+as\s+saying)\b"
)
_AUXILIARY = r"(?:(?:has|had|also|further|then|again|later|once\s+again|earlier)\s+)*"
# Words a name's title is made of: "Russian Foreign Minister", "the Secretary General of".
_TITLE_WORD = (
    r"(?:[A-Z][\w’'.\-]*|the|of|and|foreign|defen[cs]e|prime|deputy|minister|president|"
    r"secretary|general|chairman|chairwoman|ambassador|spokes(?:wo)?man|head|state|security|"
    r"council|affairs)"
)
GENRE = (
    r"(?:opening\s+|closing\s+|welcoming\s+|keynote\s+)?(?:remarks|speech|address|statement|"
    r"interview|message|article|op-ed|letter|greetings?|answers|comments|briefing|"
    r"press\s+conference|words|lecture)\b"
)
SPEAKS_AFTER = re.compile(
    # "Lavrov said", "Lavrov, the Russian minister, noted", "Sergey Lavrov, had this to say"
    r"(?:,\s*[^,.;:!?“”\"«»\n]{1,80},)?,?\s+"
    + _AUXILIARY
    + SPEECH_VERB
    # "Lavrov: “We will …”"
    + r"|\s*:\s*[“\"«‘]"
)
SPEAKS_BEFORE = re.compile(
    # "“…,” said Lavrov", "according to Foreign Minister Lavrov"
    r"(?:[”\"’»,]\s*" + SPEECH_VERB + r"|\b[Aa]ccording\s+to|\b[Qq]uoting)\s+"
    r"(?:" + _TITLE_WORD + r"\s+){0,6}$"
)
TITLE_AUTHOR_AFTER = re.compile(
    r"(?:’s|'s|’|')\s+(?:[\w\-]+\s+){0,3}?" + GENRE + r"|\s*:", re.IGNORECASE
)
TITLE_AUTHOR_BEFORE = re.compile(
    GENRE + r"\s+(?:by|of|from|with|given\s+by)\s+(?:" + _TITLE_WORD + r"\s+){0,6}$",
    re.IGNORECASE,
)
LABEL_PREFIX = re.compile(r"(?:" + _TITLE_WORD + r"\s+){0,8}")


def is_label(text: str, start: int, end: int) -> bool:
    """The name opens its line and a colon follows: "President of Russia Vladimir Putin: …"."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(LABEL_PREFIX.fullmatch(text[line_start:start]) and re.match(r"\s*:", text[end:]))


def speaks_at(text: str, start: int, end: int, title_length: int = 0) -> bool:
    """Whether the name at text[start:end] is said to speak or to author the text."""
    if SPEAKS_AFTER.match(text, end) or SPEAKS_BEFORE.search(text[max(0, start - 120) : start]):
        return True
    if end <= title_length:
        title = text[:title_length]
        return bool(
            TITLE_AUTHOR_AFTER.match(title, end) or TITLE_AUTHOR_BEFORE.search(title[:start])
        )
    return False


def _speakers(text: str, spans_of: dict, title_length: int, transcript: bool) -> tuple[list, list]:
    """(speakers, mentioned) of the people in `spans_of` {person: [spans]}, in text order."""
    labelled = {p for p, spans in spans_of.items() if any(is_label(text, *s) for s in spans)}
    if transcript and labelled:
        # A transcript's speakers are the people who speak in it: its speaker labels.
        speaking = labelled
    else:
        speaking = labelled | {
            p
            for p, spans in spans_of.items()
            if any(speaks_at(text, s, e, title_length) for s, e in spans)
        }
    return [p for p in spans_of if p in speaking], [p for p in spans_of if p not in speaking]


def name_spans(text: str, officials) -> tuple[dict, list[tuple[int, int]]]:
    """{official: spans where a form of the name stands} in order of first mention, and all
    the spans (longest form first, so "Russian Foreign Minister Sergey Lavrov" is one name)."""
    forms = []
    for official in officials:
        for form in [official.name, *official.alias_list]:
            forms.append((form, official))
    forms.sort(key=lambda item: len(item[0]), reverse=True)
    spans: list[tuple[int, int]] = []
    claimed = bytearray(len(text))
    found: dict = {}
    for form, official in forms:
        for m in _alias_pattern(form).finditer(text):
            if any(claimed[m.start() : m.end()]):
                continue
            claimed[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            spans.append((m.start(), m.end()))
            found.setdefault(official, []).append((m.start(), m.end()))
    # Then the surnames in other transliterations or in Cyrillic ("Sadyr Zhaparov", "Токаев"),
    # with a first name before them when it is the official's in any spelling.
    surnames = {}
    for official in officials:
        # The surname and one-word aliases, not the last word of "Russian Foreign Minister".
        for form in [official.name.split()[-1], *official.alias_list]:
            if " " not in form:
                surnames[form] = official
    for start, end, official in names.variant_spans(text, surnames):
        if any(claimed[start:end]):
            continue
        before = re.search(r"([^\W\d_][\w'’-]*)\s+$", text[max(0, start - 40) : start])
        if before and any(
            names.skeleton(before.group(1)) == names.skeleton(w) for w in official.name.split()
        ):
            start -= len(before.group(0))
        if any(claimed[start:end]):
            continue
        claimed[start:end] = b"\x01" * (end - start)
        spans.append((start, end))
        found.setdefault(official, []).append((start, end))
    ordered = sorted(found, key=lambda o: min(found[o]))
    return {o: sorted(found[o]) for o in ordered}, spans


def match_officials(
    text: str, officials, *, title_length: int = 0, transcript: bool = False
) -> tuple[list, list, list[tuple[int, int]]]:
    """(speakers, mentioned, spans): the officials of the knowledge base `text` has speak or
    quotes as authors, those it only names, and the spans their names cover.

    `title_length`: the text begins with the title, of that many characters.
    """
    spans_of, spans = name_spans(text, officials)
    speakers, mentioned = _speakers(text, spans_of, title_length, transcript)
    return speakers, mentioned, spans


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


def unknown_speakers(
    text: str, names: list[str], *, title_length: int = 0, transcript: bool = False
) -> list[str]:
    """Those of `names` (people not in the knowledge base) whom `text` has speak, by full
    name or by surname ("Ambassador Oleg Sverdlin said", "Sverdlin recalled")."""
    spans_of = {}
    for name in names:
        forms = {name, name.split()[-1]}
        spans_of[name] = [m.span() for form in forms for m in _alias_pattern(form).finditer(text)]
    return _speakers(text, spans_of, title_length, transcript)[0]


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


# --------------------------------------------------------------------------- places

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


def _names(text: str, words: str) -> bool:
    return bool(_alias_pattern(words).search(text))


# How a text names a meeting of each kind, for meetings whose place is not recorded.
MEETING_WORDS = {
    "csc": r"Collective Security Council|summit",
    "cfm": r"Council of (?:the )?Foreign Ministers|foreign ministers|ministerial",
    "cdm": r"Council of (?:the )?Defen[cs]e Ministers|defen[cs]e ministers",
    "cssc": r"Secretaries of (?:the )?Security Councils",
    "forum": r"forum",
}


def _names_meeting(text: str, summit) -> bool:
    words = MEETING_WORDS.get(summit.kind)
    if words and re.search(r"\b(?:" + words + r")\b", text, re.IGNORECASE):
        return True
    return summit.title.lower() in text.lower()


# --------------------------------------------------------------------------- chairmanships

PRESIDENCY_WORD = re.compile(
    r"\b(?:presidency|chairmanship|chair|chairing|chaired|chairs|presides|presiding)\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"(?<![\w.\-–/])(?:199\d|2[01]\d\d)(?![\w\-–/])")
# The year belongs to the chairmanship when at most this many words stand between them:
# "the 2026 CSTO Presidency", "chairmanship in 2026", "chairmanship on January 1, 2026".
YEAR_DISTANCE = 4
# Adjectives of the member states ("the Russian presidency", "the Kyrgyz Republic").
DEMONYMS = {
    "russia": ("Russian",),
    "belarus": ("Belarusian", "Belarussian", "Belorussian"),
    "kazakhstan": ("Kazakh", "Kazakhstani"),
    "kyrgyzstan": ("Kyrgyz",),
    "tajikistan": ("Tajik", "Tajikistani"),
    "armenia": ("Armenian",),
    "uzbekistan": ("Uzbek",),
    "azerbaijan": ("Azerbaijani",),
    "georgia": ("Georgian",),
}


def _shorten(sentence: str, limit: int = 200) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


ORGANISATION = re.compile(
    r"\b(?:of\s+)?(?:the\s+)?(?:Collective\s+Security\s+Treaty\s+Organi[sz]ation|CSTO|"
    r"Organi[sz]ation)(?:\s*\(CSTO\))?"
)


def _between(s: str, a: tuple[int, int], b: tuple[int, int]) -> str:
    """The words between two spans of `s`, the organisation's name left out."""
    between = s[a[1] : b[0]] if a[1] <= b[0] else s[b[1] : a[0]]
    return ORGANISATION.sub(" ", between)


def presidency_named_in(text: str) -> tuple[object | None, str]:
    """The chairmanship a text states in so many words, for a text without a date.

    A sentence that speaks of a presidency or chairmanship and names exactly one member
    state and one year ("about Russia holding the 2026 CSTO Presidency") names the
    chairmanship of that state for that year. The one recorded chairmanship so named is
    returned with a note quoting the sentence; none when the text names several, or only
    ones the knowledge base does not record (the note says which). No date is inferred.
    """
    from presidencies.models import MemberState, Presidency

    states = list(MemberState.objects.all())
    patterns = {}
    for state in states:
        forms = sorted({state.name, *DEMONYMS.get(state.slug, ())}, key=len, reverse=True)
        patterns[state] = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])"
        )
    named: dict[tuple, str] = {}
    for sentence in sentences(text):
        if not PRESIDENCY_WORD.search(sentence):
            continue
        chairs = [state for state, pattern in patterns.items() if pattern.search(sentence)]
        years = {
            year[0]
            for word in PRESIDENCY_WORD.finditer(sentence)
            for year in YEAR.finditer(sentence)
            if len(_between(sentence, word.span(), year.span()).split()) <= YEAR_DISTANCE
        }
        if len(chairs) == 1 and len(years) == 1:
            named.setdefault((chairs[0], int(years.pop())), sentence)
    if not named:
        return None, ""
    found = {}
    missing = []
    for (state, year), sentence in named.items():
        presidency = Presidency.objects.filter(chair=state, year=year).first()
        if presidency:
            found.setdefault(presidency, sentence)
        else:
            missing.append(f"{state.name} {year}")
    if len(found) == 1 and not missing:
        presidency, sentence = next(iter(found.items()))
        return presidency, (
            f"The text gives no date; the chairmanship {presidency} follows from its words "
            f"“{_shorten(sentence)}”."
        )
    named_list = ", ".join([*(str(p) for p in found), *missing])
    if missing and not found:
        return None, (
            f"The text names the chairmanship {named_list}, which the knowledge base does "
            "not record; no chairmanship is proposed."
        )
    return None, f"The text names several chairmanships ({named_list}); none is proposed."


def _covers(presidency, day: datetime.date) -> bool:
    """Chairmanships are annual and named for their year; the next chair takes over at the
    autumn summit or on 1 January. So an open chairmanship (no end date recorded) covers at
    most the end of its year: `russia-2026` is not taken to be in office in 2027."""
    return presidency.end_date is not None or day <= datetime.date(presidency.year, 12, 31)


def find_presidency(day: datetime.date | None):
    """The chairmanship in office on `day`, or None."""
    return find_presidency_with_note(day)[0]


def find_presidency_with_note(day: datetime.date | None) -> tuple[object | None, str]:
    """(chairmanship in office on `day`, a note when one is deliberately not proposed)."""
    from presidencies.models import Presidency

    if day is None:
        return None, ""
    in_office = list(Presidency.objects.in_office_on(day).select_related("chair"))
    for candidate in in_office:
        if _covers(candidate, day):
            return candidate, ""
    # Chairmanships are named for a year; many rows lack a start or end date.
    for candidate in Presidency.objects.filter(year=day.year).select_related("chair"):
        starts_ok = candidate.start_date is None or candidate.start_date <= day
        ends_ok = candidate.end_date is None or candidate.end_date >= day
        if starts_ok and ends_ok:
            return candidate, ""
    # Russia 2020 began on 28 November 2019.
    ahead = (
        Presidency.objects.filter(year=day.year + 1, start_date__lte=day)
        .select_related("chair")
        .first()
    )
    if ahead:
        return ahead, ""
    if in_office:
        open_one = in_office[0]
        return None, (
            f"No chairmanship is recorded for {day.year}: {open_one} has no end date but is "
            f"named for {open_one.year}, and chairmanships are annual. None is proposed."
        )
    return None, f"No chairmanship recorded in the knowledge base covers {day.isoformat()}."


# --------------------------------------------------------------------------- meetings


def find_summit(day: datetime.date | None, text: str, place: str = ""):
    """The meeting the text reports on: its date and its place must both fit.

    With a date: a meeting held that day whose city the text names or the dateline gives.
    When the text names no place, a meeting of that day whose kind it names ("summit",
    "Council of Foreign Ministers") — unless the dateline or the text puts it in the city
    of another meeting (a statement from Moscow is not about the Bishkek summit). A
    meeting whose city is not recorded fits when the text names its kind.
    Without a date: a meeting whose city and day-and-month the text names together.
    """
    from presidencies.models import Summit

    if day is not None:
        other_cities = set(Summit.objects.exclude(city="").values_list("city", flat=True))
        best: list = []
        rank_best = 3
        for summit in Summit.objects.filter(date=day).order_by("pk"):
            if summit.city:
                if _names(text, summit.city) or place.lower() == summit.city.lower():
                    rank = 0
                elif (
                    not place
                    and not any(_names(text, c) for c in other_cities - {summit.city})
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


def analyse(raw: str) -> Analysis:
    from presidencies.models import Official, Priority, Theme

    page = html.extract(raw) if html.is_html(raw) else None
    body = page.text if page else raw
    title, paragraphs = _split(body)
    if page and page.title:
        # The page's own title (its <title> or og:title) beats a guess from the text.
        if paragraphs and _normalise(paragraphs[0]) == page.title:
            paragraphs = paragraphs[1:]
        elif title and title != page.title:
            paragraphs = [title, *paragraphs]
        title = page.title
    text = "\n\n".join(paragraphs)
    result = Analysis(raw=raw, title=title, text=text)
    result.date = find_date(body)
    if page and page.date and result.date is None:
        result.date = page.date
        result.notes.append(
            _("The date %(date)s is the page's own (its metadata), not the text's.")
            % {"date": page.date.isoformat()}
        )
    result.publisher = find_publisher(body) or (page.sitename if page else "")
    result.kind = find_kind(body, title, text, result.publisher)
    if result.date is None:
        result.date, note = yearless_date(body)
        result.notes += [note] if note else []

    officials = list(Official.objects.all())
    searched = f"{title}\n\n{text}" if title else text
    title_length = len(title)
    transcript = result.kind == "transcript"
    result.officials, result.mentioned, covered = match_officials(
        searched, officials, title_length=title_length, transcript=transcript
    )
    result.unknown_people = find_unknown_people(searched, officials, covered)
    result.unknown_speakers = unknown_speakers(
        searched, result.unknown_people, title_length=title_length, transcript=transcript
    )

    result.summit = find_summit(result.date, searched, find_place(raw))
    if result.date is not None:
        result.presidency, note = find_presidency_with_note(result.date)
        result.notes += [note] if note else []
    else:
        # Never a guessed date; but the text may state the chairmanship in so many words.
        result.presidency, note = presidency_named_in(searched)
        result.notes += [note] if note else []
        if result.presidency is None and result.summit is not None:
            result.presidency = result.summit.presidency
            if result.presidency:
                result.notes.append(
                    f"The text gives no date; the chairmanship {result.presidency} is that of "
                    f"the meeting it reports on, {result.summit}."
                )

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
