"""A reference in the Russian bibliographic standard, ГОСТ Р 7.0.100-2018, for the Russian pages.

Built from the same CSL-JSON item as the APA and Chicago entries. A statement on a web page is
described as a component part of its publisher's site: heading (first author), title, statement
of responsibility, content and media type, the site, the date, the URL and the date of access.
The document's own data stay in its language, as the standard prescribes; the words the
standard prescribes (Текст : электронный, [сайт], дата обращения) are Russian.
"""

import datetime
from html import escape

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

LABEL = "ГОСТ Р 7.0.100-2018"
# ГОСТ Р 7.0.12-2011: the months' abbreviations in a bibliographic record.
MONTHS = (
    "янв.", "февр.", "марта", "апр.", "мая", "июня",
    "июля", "авг.", "сент.", "окт.", "нояб.", "дек.",
)  # fmt: skip
DASH = ". – "  # the separator of the description's areas
MAX_NAMED = 3  # more authors: no heading, the first three and [и др.]


def _initials(given: str) -> str:
    return " ".join(f"{part[0]}." for part in given.replace("-", " ").split() if part)


def _inverted(author: dict) -> str:
    """The heading: "Лавров, С."."""
    if "literal" in author:
        return author["literal"]
    return f"{author['family']}, {_initials(author['given'])}"


def _direct(author: dict) -> str:
    """In the statement of responsibility: "С. Лавров"."""
    if "literal" in author:
        return author["literal"]
    return f"{_initials(author['given'])} {author['family']}"


def _date(parts: list[int]) -> str:
    year, month, day = (parts + [None, None])[:3]
    if month and day:
        return f"{year}{DASH}{day} {MONTHS[month - 1]}"
    return str(year)


def reference(item: dict, accessed: datetime.date) -> SafeString:
    """The item as one ГОСТ Р 7.0.100-2018 entry, HTML-escaped; the title marked with its
    language where it is not Russian."""
    people = [a for a in item.get("author", []) if "family" in a]
    title = escape(item["title"])
    language = item.get("language", "ru")
    if language != "ru":
        title = format_html('<span lang="{}">{}</span>', language, item["title"])
    parts = []
    if people and len(people) <= MAX_NAMED:
        parts.append(escape(_inverted(people[0])) + " ")
    parts.append(title)
    if people:
        named = ", ".join(_direct(a) for a in people[:MAX_NAMED])
        more = " [и др.]" if len(people) > MAX_NAMED else ""
        parts.append(" / " + escape(named + more))
    parts.append(DASH + "Текст : электронный")
    if item.get("publisher"):
        parts.append(" // " + escape(item["publisher"]) + " : [сайт]")
    if "issued" in item:
        parts.append(DASH + _date(item["issued"]["date-parts"][0]))
    parts.append(
        DASH
        + "URL: "
        + format_html('<a href="{0}">{0}</a>', item["URL"])
        + f" (дата обращения: {accessed:%d.%m.%Y})."
    )
    # An area ending with an abbreviation's full stop takes no second one ("1 янв. – URL").
    entry = "".join(str(p) for p in parts).replace("." + DASH, DASH)
    return mark_safe(entry)  # noqa: S308 - each part escaped above
