"""Template helpers: a quote's link to its passage in the source, opened by a text fragment."""

from django import template
from django.utils.translation import gettext as _

from documents.fragments import fragment_url

register = template.Library()


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
