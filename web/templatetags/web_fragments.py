"""The fragments a page repeats dozens or hundreds of times, built in Python with format_html:
a quote with its source, a quote's note under its paragraph, a document's or a meeting's row
in a list, the theme matrix's cells.

As template includes they took most of a page's time (a chairmanship's page shows some fifty
quotes, the matrix some 400 cells): each include and node costs more than the string it
writes. The markup is the includes' own, the texts are translated once per language rather
than once per row, and links come from cstokb.reversing. Templates call them as tags:
`{% quote citation %}`, `{% cite_note citation %}`, `{% document_row document %}`,
`{% summit_row summit %}`, `{% matrix_cells row %}`.
"""

from functools import lru_cache

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _

from cstokb.labels import choice_label
from provenance.templatetags.provenance_tags import cite_quote, passage_link

from .web_tags import label, language_name, source_text, subject_link, unreported

register = template.Library()

LONG_DATE = "j E Y"

QUOTE = """<blockquote class="quote">
  <p lang="{language}">{quote}</p>
  <footer>
    {progress}
    <a class="cite-link" href="{url}">{title}{date}</a>{version}
    <a class="passage-link" href="{passage_url}"{external}>{passage_label}</a>
    {cite}
  </footer>
</blockquote>
"""
QUOTED_VERSION = '\n    <span class="quoted-version">{}</span>'
EXTERNAL = mark_safe(' rel="external nofollow"')

# Under a paragraph of a document's text: what one of its quotes supports.
CITE_NOTE = (
    '<li><a href="#citation-{pk}" class="muted">{quote}</a> {role}: <a href="{subject_url}">'
    '{subject}</a> · <a class="passage-link" href="{passage_url}"{external}>{passage_label}</a>'
    " {cite}\n</li>"
)

DOCUMENT_ROW = """<li class="doc-row">
  <a href="{url}">{title}</a>
  <span class="muted">
    {kind}{date}
    {speakers}
    {presidency}
  </span>
</li>
"""
DATED = ' · <time datetime="{}">{}</time>'

SUMMIT_ROW = """<li class="summit-row">
  <a href="{url}">{title}</a>
  <span class="muted">{details}</span>
</li>
"""
TIME = '<time datetime="{}">{}</time>'
STATUS = '<span class="status status-{}">{}</span>'

MATRIX_CELL = (
    '<td class="cell cell-{state}"><a href="{theme_url}#{slug}" aria-label="{label}{note}">'
    "{count}{badge}</a></td>"
)
MATRIX_EMPTY_CELL = (
    '<td class="cell cell-{}"><span class="visually-hidden">{}</span>'
    '<span aria-hidden="true">·</span></td>'
)
BADGE = ' <span class="badge">{}</span>'


@lru_cache(maxsize=8)
def _texts(language) -> dict:
    """The fragments' fixed texts in `language`, each looked up once per process."""
    new, continued = _("new"), _("continued")
    return {
        "quote": _("Quote"),
        "progress": format_html('<span class="tag tag-progress">{}</span>', _("Progress")),
        "undated": " · " + _("undated"),
        "for a date": pgettext("a date", "for"),
        "no report": _("no report of it yet"),
        "date not recorded": _("date not recorded"),
        # A matrix cell's state: the note in its aria-label and its visible badge.
        "new": (f" ({new})", format_html(BADGE, new)),
        "continued": (f" ({continued})", format_html(BADGE, _("cont."))),
        "none": _("none"),
    }


@register.simple_tag
def quote(citation) -> SafeString:
    """A quote: the passage, its document (and which version of the statement), the link to
    the passage at its source, the ways to cite it."""
    texts = _texts(get_language())
    document = citation.document
    dated = document.date and document.title
    version = ""
    if document.work_id:
        version = format_html(
            QUOTED_VERSION,
            _("quoted from one version: %(language)s, %(role)s")
            % {
                "language": language_name(document.language),
                "role": choice_label(document, "version_role").lower(),
            },
        )
    passage_url, passage_label = passage_link(citation)
    return format_html(
        QUOTE,
        language=document.language,
        quote=citation.quote,
        progress=texts["progress"] if citation.role == "progress" else "",
        url=citation.get_absolute_url(),
        title=source_text(document.display_title, document),
        date=", " + date_filter(document.date, LONG_DATE) if dated else "",
        version=version,
        passage_url=passage_url,
        external=EXTERNAL if document.source_url else "",
        passage_label=passage_label,
        cite=cite_quote(citation),
    )


@register.simple_tag
def cite_note(citation) -> SafeString:
    """A note under the paragraph a quote is taken from: its role, what it backs, the link
    to the passage at its source, the ways to cite it."""
    subject_url, subject = subject_link(citation)
    passage_url, passage_label = passage_link(citation)
    return format_html(
        CITE_NOTE,
        pk=citation.pk,
        quote=_texts(get_language())["quote"],
        role=choice_label(citation, "role").lower(),
        subject_url=subject_url,
        subject=subject,
        passage_url=passage_url,
        external=EXTERNAL if citation.document.source_url else "",
        passage_label=passage_label,
        cite=cite_quote(citation),
    )


@register.simple_tag
def document_row(document) -> SafeString:
    """A document in a list: its title, kind, date, speakers and chairmanship."""
    if document.date:
        date = format_html(
            DATED, date_filter(document.date, "Y-m-d"), date_filter(document.date, LONG_DATE)
        )
    else:
        date = _texts(get_language())["undated"]
    speakers = ""
    if names := [(label(s, "name"),) for s in document.speakers.all()]:  # prefetched
        speakers = format_html(" · {}", format_html_join(", ", "{}", names))
    return format_html(
        DOCUMENT_ROW,
        url=document.get_absolute_url(),
        title=source_text(document.display_title, document),
        kind=choice_label(document, "kind"),
        date=date,
        speakers=speakers,
        presidency=format_html(" · {}", document.presidency) if document.presidency else "",
    )


@register.simple_tag
def summit_row(summit) -> SafeString:
    """A meeting in a list: its title, date, city and status; one whose date has passed
    with no report of it yet says so (web_tags.unreported)."""
    texts = _texts(get_language())
    status = format_html(STATUS, summit.status, choice_label(summit, "status"))
    when = texts["date not recorded"]
    if summit.date:
        when = format_html(
            TIME, date_filter(summit.date, "Y-m-d"), date_filter(summit.date, LONG_DATE)
        )
    city = format_html(" · {}", summit.city) if summit.city else ""
    if unreported(summit):
        details = format_html(
            "{} {} {} ({}){}", status, texts["for a date"], when, texts["no report"], city
        )
    else:
        details = format_html("{}{} · {}", when, city, status)
    return format_html(
        SUMMIT_ROW, url=summit.get_absolute_url(), title=label(summit, "title"), details=details
    )


@register.simple_tag
def matrix_cells(row) -> SafeString:
    """A matrix row's cells: each chairmanship's count of priorities on the row's theme,
    linked to them on the theme's page, marked new or continued."""
    texts = _texts(get_language())
    theme, theme_url = row["theme"].name, row["theme"].get_absolute_url()
    cells = ((_matrix_cell(cell, theme, theme_url, texts),) for cell in row["cells"])
    return format_html_join("\n      ", "{}", cells)


def _matrix_cell(cell, theme: str, theme_url: str, texts: dict) -> SafeString:
    state, count, presidency = cell["state"], cell["count"], cell["presidency"]
    if not count:
        return format_html(MATRIX_EMPTY_CELL, state, texts["none"])
    label_text = ngettext(
        "%(counter)s priority of %(presidency)s on %(theme)s",
        "%(counter)s priorities of %(presidency)s on %(theme)s",
        count,
    ) % {"counter": count, "presidency": presidency, "theme": theme}
    note, badge = texts[state] if state in ("new", "continued") else ("", "")
    return format_html(
        MATRIX_CELL,
        state=state,
        theme_url=theme_url,
        slug=presidency.slug,
        label=label_text,
        note=note,
        count=count,
        badge=badge,
    )
