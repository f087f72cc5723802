"""Template helpers: a quote's link to its passage in the source, opened by a text fragment,
and its "Cite this quote" block.

The block is repeated for every quote a page shows (some fifty on a chairmanship's page), so
it is built here with format_html: a template include per quote cost more than the rest of
the quote, and its three download links were three reversals.
"""

from functools import lru_cache

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from cstokb.reversing import fast_reverse
from documents.fragments import fragment_url

register = template.Library()

CITE_QUOTE = """<details class="cite-quote" id="cite-quote-{pk}"><summary>{summary}</summary>
  {references}
  <ul class="downloads">
    <li><a href="{ris}" type="application/x-research-info-systems" download>RIS</a></li>
    <li><a href="{bib}" type="application/x-bibtex" download>BibTeX</a></li>
    <li><a href="{json}" type="application/vnd.citationstyles.csl+json" download>CSL-JSON</a></li>
  </ul>
</details>"""
# A reference is HTML of citeproc-py's (the data escaped before formatting, citing.formatted).
REFERENCE = '<dt>{}</dt><dd class="reference">{}</dd>\n    '
# Without references (pages other than the document's): a link to them on the document's page.
REFERENCES_LINK = '<p><a href="{}#cite-quote-{}">{}</a></p>'


@register.filter
def passage_link(citation) -> tuple[str, str]:
    """(url, label): the official page at the quote, else the knowledge base's copy."""
    document = citation.document
    if document.source_url:
        base, label = document.source_url, _("Open the official source at this passage")
    else:
        base, label = document.get_absolute_url(), _("Open the document at this passage")
    url = fragment_url(base, citation.text_directive) if citation.text_directive else base
    return url, label


@lru_cache(maxsize=8)
def _cite_labels(language) -> tuple[str, str]:
    """The block's two texts in `language`, looked up once rather than once per quote."""
    return (
        _("Cite this quote"),
        pgettext("the reference styles of the pages in this language", "APA and Chicago"),
    )


@register.simple_tag
def cite_quote(citation) -> SafeString:
    """The quote's references (`citation.references`, set by the document's page) or a link
    to them, and its RIS, BibTeX and CSL-JSON downloads."""
    summary, styles = _cite_labels(get_language())
    pk = citation.pk
    entries = getattr(citation, "references", None)
    if entries:
        rows = format_html_join(
            "",
            REFERENCE,
            ((style, mark_safe(entry)) for style, entry in entries.items()),  # noqa: S308 - citeproc HTML of escaped data
        )
        references = format_html("<dl>\n    {}\n  </dl>", rows)
    else:
        references = format_html(REFERENCES_LINK, citation.document.get_absolute_url(), pk, styles)
    urls = {
        fmt: fast_reverse("provenance:cite-quote", pk, key="pk", fmt=fmt)
        for fmt in ("ris", "bib", "json")
    }
    return format_html(CITE_QUOTE, pk=pk, summary=summary, references=references, **urls)
