"""HTML pages: main text and metadata through trafilatura, a maintained extractor.

Hand-written rules for page furniture cannot keep up with every site's markup; trafilatura
finds the article's body, title, date, site name and author from the page's structure and
metadata. The text it gives then goes through the plain-text analysis like a pasted one.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

# A page, not a text that happens to contain a tag ("Statement <script>…" stays text).
PAGE = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)


def is_html(raw: str) -> bool:
    return bool(PAGE.search(raw[:4096]))


@dataclass
class Page:
    text: str = ""
    title: str = ""
    date: datetime.date | None = None
    sitename: str = ""
    author: str = ""
    language: str = ""


def _date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def extract(raw: str) -> Page:
    """The page's main text (paragraphs separated by blank lines) and its metadata."""
    import trafilatura

    document = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if document is None:
        return Page()
    get = document.get if isinstance(document, dict) else lambda k: getattr(document, k, None)
    text = get("text") or ""
    # One paragraph per line from trafilatura; the cleaner expects blank-separated ones.
    paragraphs = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return Page(
        text="\n\n".join(paragraphs),
        title=" ".join((get("title") or "").split()),
        date=_date(get("date")),
        sitename=" ".join((get("sitename") or "").split()),
        author=" ".join((get("author") or "").split()),
        language=get("language") or "",
    )
