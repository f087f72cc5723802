"""The larger parts a page repeats, built in Python with format_html as web_fragments builds
the small ones: a priority with its quotes and follow-through (eight to forty on a
chairmanship's or a theme's page), a document's text paragraph by paragraph with the notes
under each (some thirty on a document's page).

As includes and template loops, each priority cost an include and some forty nodes and each
paragraph two blocktranslate tags, more than the markup they wrote. The markup is the
templates' own; the fixed texts are translated once per language. Templates call them as
`{% priority_card priority %}` and `{% paragraphs document paragraphs %}`.
"""

from functools import lru_cache

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cstokb.labels import choice_label

from .web_fragments import cite_note, quote
from .web_tags import label, source_text

register = template.Library()

PRIORITY = """<article class="priority" id="priority-{pk}">
  <h3><a class="permalink" href="#priority-{pk}" aria-label="{permalink}">§</a> {title}</h3>
  <p class="meta">
    <span class="status status-{status}">{status_label}</span>
  </p>
  {summary}{quotes}{more_quotes}{follow_through}
</article>
"""
MORE_QUOTES = (
    '<p class="more"><a href="{}?priority={}">{}</a> <span class="muted">({})</span></p>\n  '
)
FOLLOW_THROUGH = """<div class="follow-through">
    <h4>{heading}</h4>
    {note}{instruments}
  </div>
  """
INSTRUMENT = '<li><a href="{}">{}</a> <span class="muted">({})</span></li>'
MORE_INSTRUMENTS = '\n    <p class="more"><a href="{}?implements={}">{}</a></p>'

PARAGRAPH = """<div class="para">
      <p id="p-{number}">{html} <a class="permalink" href="#p-{number}" aria-label="{link}">¶{number}</a></p>
      {notes}
    </div>
    """  # noqa: E501 - one line of the page's markup
NOTES = """<ul class="cite-notes" aria-label="{}">
        {}
      </ul>"""


@lru_cache(maxsize=8)
def _texts(language) -> dict:
    """The fixed texts in `language`, each looked up once per process."""
    return {
        "permalink": _("Permalink to this priority"),
        "all quotes": _("See all %(total)s quotes on this priority"),
        "shown quotes": _("the first that state it and the latest on its progress are shown"),
        "follow-through": _("Follow-through"),
        "all instruments": _("See all %(total)s instruments that carry it out"),
        "paragraph link": _("Link to paragraph %(number)s"),
        "paragraph notes": _("What paragraph %(number)s supports"),
    }


@register.simple_tag
def priority_card(priority) -> SafeString:
    """A priority as page_priorities() reads it: its title, status and summary, the first
    quotes that state it and the latest on its progress, its status note and instruments,
    and links to all of its quotes and instruments where some are not shown."""
    texts = _texts(get_language())
    pk = priority.pk
    summary = format_html("<p>{}</p>\n  ", label(priority, "summary")) if priority.summary else ""
    quotes = [quote(c) for c in (*priority.stating_quotes, *priority.progress_quotes)]
    more_quotes = ""
    if priority.more_quotes:
        more_quotes = format_html(
            MORE_QUOTES,
            reverse("quote-list"),
            pk,
            texts["all quotes"] % {"total": priority.quote_total},
            texts["shown quotes"],
        )
    follow_through = ""
    if priority.status_note or priority.instrument_list:
        note = ""
        if priority.status_note:
            note = format_html("<p>{}</p>\n    ", label(priority, "status_note"))
        instruments = ""
        if priority.instrument_list:
            rows = format_html_join(
                "",
                INSTRUMENT,
                (
                    (
                        i.get_absolute_url(),
                        source_text(i.display_title, i),
                        choice_label(i, "kind").lower(),
                    )
                    for i in priority.instrument_list
                ),
            )
            instruments = format_html("<ul>{}</ul>", rows)
            if priority.more_instruments:
                instruments += format_html(
                    MORE_INSTRUMENTS,
                    reverse("document-list"),
                    pk,
                    texts["all instruments"] % {"total": priority.instrument_total},
                )
        follow_through = format_html(
            FOLLOW_THROUGH, heading=texts["follow-through"], note=note, instruments=instruments
        )
    return format_html(
        PRIORITY,
        pk=pk,
        permalink=texts["permalink"],
        title=label(priority, "title"),
        status=priority.status,
        status_label=choice_label(priority, "status"),
        summary=summary,
        quotes=mark_safe("".join(quotes)),  # noqa: S308 - each quote is format_html's
        more_quotes=more_quotes,
        follow_through=follow_through,
    )


@register.simple_tag
def paragraphs(document, items) -> SafeString:
    """A document's text: each paragraph (web.views._paragraphs: its number, its HTML with
    the quotes highlighted, its citations) with its permalink and the notes on its quotes."""
    texts = _texts(get_language())
    parts = []
    for item in items:
        number = item["number"]
        notes = ""
        if item["citations"]:
            notes = format_html(
                NOTES,
                texts["paragraph notes"] % {"number": number},
                mark_safe("\n        ".join(cite_note(c) for c in item["citations"])),  # noqa: S308 - format_html's
            )
        parts.append(
            format_html(
                PARAGRAPH,
                number=number,
                html=source_text(item["html"], document),
                link=texts["paragraph link"] % {"number": number},
                notes=notes,
            )
        )
    return mark_safe("".join(parts))  # noqa: S308 - each paragraph is format_html's
