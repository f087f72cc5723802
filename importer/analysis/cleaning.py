"""Page furniture removed from a pasted text, judged by the shape of its lines and their
neighbours; hard-wrapped paragraphs reflowed; the title told apart from the body."""

from __future__ import annotations

import re

from .dates import DATE_MARKER, is_dateline

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
        # Russian furniture: share, print, back to the list, menus, copyright.
        r"поделиться:?|версия для печати|распечатать|печать|вернуться к списку(?: новостей)?"
        r"|назад|главная(?:\s*[/>›»].*)?|поиск|меню|подписаться\b.{0,60}|все права защищены\.?"
        r"|версия для слабовидящих|размер шрифта:?|обратная связь",
        # A breadcrumb ending in its separator: "Events /", "News / Politics /".
        r"(?:\w[\w’'\- ]{0,30}\s*[/›»>]\s*)+",
        # Widgets around an article: counts of comments, most-read lists, comment forms.
        r"(?:comments?|комментари[ий]\w*)\s*\(\d+\)|\d+\s+(?:comments?|комментари\w*)"
        r"|leave a (?:comment|reply)|post comment|most (?:read|popular|viewed)|popular"
        r"|самое (?:читаемое|популярное)|оставить комментарий",
        # Wire credits: "(Reporting by …; editing by …)".
        r"\(?(?:reporting|writing|editing|additional reporting) by\b.{0,120}\)?",
    )
]
# Share bars: short lines of social network names, whatever introduces them.
NETWORKS = {
    "facebook", "twitter", "x", "telegram", "vk", "vkontakte", "ok", "odnoklassniki",
    "whatsapp", "viber", "linkedin", "pinterest", "tumblr", "google+", "reddit", "youtube",
    "instagram", "email", "e-mail", "mail", "share", "print", "+", "rss", "livejournal",
    "mastodon", "threads", "skype", "messenger", "flipboard", "вконтакте", "вк",
    "одноклассники", "телеграм", "поделиться", "печать",
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
    r"^(?:read also|also read|see also|read more|more on (?:this|the) topic|recommended|related"
    r"|читайте также|см\. также|по теме|читать далее)"
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
    r"articles)|see also|read more|more news|share this( article)?:?|другие новости|"
    r"похожие новости|читайте также)$|^(tags|topics|теги|метки):",
    re.IGNORECASE,
)
BULLET = re.compile(r"^[•▪·◦‣\-*]\s+")
SENTENCE_END = re.compile(r"[.!?:;,][\"”’»)]*$")
TIME_ONLY = re.compile(r"^\d{1,2}:\d{2}$")


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


def _is_network(line: str) -> bool:
    """A line that is only a social network's name or a share prompt ("Telegram", "Share:")."""
    words = [w.strip(":,|·•/").casefold() for w in line.split()]
    return 0 < len(words) <= 2 and all(w in NETWORKS for w in words if w)


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
        re.match(
            r"(press release|statement|remarks|speech|address|interview|заявление|"
            r"выступление|интервью|пресс-релиз|обращение)\b",
            line,
            re.I,
        )
    )


def _split(raw: str) -> tuple[str, list[str]]:
    """(title, paragraphs) of a raw page."""
    _headings, title, lines = _parts(raw)
    return title, lines


def site_heading(raw: str) -> str:
    """The first of the headings above a page's title, which names the site ("Steppe News",
    "Ministry of Foreign Affairs of the Republic of Belarus"); empty when there is none."""
    headings, title, _lines = _parts(raw)
    if not (title and headings):
        return ""
    site = headings[0]
    return site.title() if site.isupper() else site


def _parts(raw: str) -> tuple[list[str], str, list[str]]:
    """(headings above the title, title, paragraphs) of a raw page."""
    raw = reflow(DATE_MARKER.sub("", raw, count=1))
    lines: list[str] = []
    page = [x for x in (_normalise(o) for o in raw.splitlines()) if x]
    for index, line in enumerate(page):
        if TAIL_MARKERS.match(line):
            break
        if _is_furniture(line):
            continue
        # A share bar laid out one network per line: a network's name beside another.
        neighbours = page[max(0, index - 1) : index] + page[index + 1 : index + 2]
        if _is_network(line) and any(_is_network(n) or _is_share_bar(n) for n in neighbours):
            continue
        if _is_menu(line) or (not lines and SITE_TAGLINE.match(line) and len(line.split()) <= 10):
            continue
        if is_dateline(line):
            continue
        lines.append(line)
    # Of the headings above the first paragraph, the last is the title; the ones before
    # it name the site or its sections.
    # A one-word line above the first paragraph labels a section ("Speeches", "News").
    first_paragraph = next(
        (i for i, x in enumerate(lines) if len(x.split()) > 1 and not _is_heading(x)), len(lines)
    )
    lines = [x for i, x in enumerate(lines) if i >= first_paragraph or len(x.split()) > 1]
    lead = 0
    while lead < len(lines) - 1 and _is_heading(lines[lead]) and _is_heading(lines[lead + 1]):
        lead += 1
    title = ""
    headings: list[str] = []
    if lead < len(lines) - 1 and _looks_like_title(lines[lead], lines[lead + 1 :]):
        title = lines[lead]
        headings = lines[:lead]
        lines = lines[lead + 1 :]
    return headings, title, lines


def clean(raw: str) -> str:
    """The statement's text without page furniture: one paragraph per line, blank-separated."""
    return "\n\n".join(_split(raw)[1])


def extract_title(raw: str) -> str:
    return _split(raw)[0]
