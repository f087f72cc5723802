"""Safe highlighted HTML from the databases' marked snippets, and the paragraph they come from.

The databases mark matched words with private-use sentinel characters, never with HTML:
the text is escaped first and only then are the sentinels turned into <mark> elements,
so a document's text can never inject markup.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .backends import ELLIPSIS, START, STOP

MARKED = re.compile(f"{START}([^{START}{STOP}]*){STOP}")
SENTINELS = re.compile(f"[{START}{STOP}]")
WHITESPACE = re.compile(r"\s+")
PARAGRAPH_BREAK = re.compile(r"\s*\n\s*")
ADJACENT_MARKS = re.compile(r"</mark>(\s+)<mark>")


def to_html(marked: str) -> SafeString:
    """Escape `marked`, then wrap each marked stretch in <mark>; stray sentinels are dropped."""
    # A line break in a snippet separates paragraphs (or a priority's quotes): show " … ".
    text = PARAGRAPH_BREAK.sub(f" {ELLIPSIS} ", (marked or "").strip())
    escaped = escape(WHITESPACE.sub(" ", text))
    # escape() leaves the sentinels alone (they are not HTML-special).
    html = MARKED.sub(r"<mark>\1</mark>", escaped)
    # PostgreSQL marks the words of a phrase one by one, FTS5 the phrase: mark it once.
    html = ADJACENT_MARKS.sub(r"\1", html)
    return mark_safe(SENTINELS.sub("", html))  # noqa: S308 - escaped above, only <mark> added


def plain(marked: str) -> str:
    return SENTINELS.sub("", marked or "")


def marked_words(marked: str) -> list[str]:
    return [m.strip() for m in MARKED.findall(marked or "") if m.strip()]


def paragraph_number(paragraphs: list[str], marked_snippet: str) -> int | None:
    """1-based number of the paragraph the snippet's first highlighted passage comes from.

    First the line of the snippet around the first mark, verbatim (exact for FTS5 snippets
    and for ts_headline when the text has no markup); then the first paragraph containing
    a highlighted word.
    """
    if not paragraphs or START not in (marked_snippet or ""):
        return None
    for piece in re.split(f"{ELLIPSIS}|\n", marked_snippet):
        if START not in piece:
            continue
        passage = plain(piece).strip()
        if len(passage) >= 3:
            for number, paragraph in enumerate(paragraphs, start=1):
                if passage in paragraph:
                    return number
        break
    for word in marked_words(marked_snippet):
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
        for number, paragraph in enumerate(paragraphs, start=1):
            if pattern.search(paragraph):
                return number
    return None
