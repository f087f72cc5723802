"""Render a document paragraph with its cited passages highlighted.

The text is escaped first and the markup added around escaped segments, so a document
can never inject HTML. Quotes may nest or overlap (one sentence can back several facts):
the paragraph is cut at every quote boundary and each covered segment is marked.
"""

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString


def highlight(paragraph: str, citations) -> SafeString:
    spans = []
    for citation in citations:
        start = paragraph.find(citation.quote)
        if start >= 0:
            spans.append((start, start + len(citation.quote), citation))
    if not spans:
        return escape(paragraph)
    bounds = sorted({0, len(paragraph)} | {s for s, _, _ in spans} | {e for _, e, _ in spans})
    parts: list[str] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        for start, _end, citation in spans:
            if start == a:
                parts.append(
                    format_html('<span class="cite-anchor" id="citation-{}"></span>', citation.pk)
                )
        covering = [c.pk for s, e, c in spans if s <= a and b <= e]
        if covering:
            parts.append(
                format_html(
                    '<mark class="cited" data-citations="{}">{}</mark>',
                    " ".join(str(pk) for pk in covering),
                    paragraph[a:b],
                )
            )
        else:
            parts.append(escape(paragraph[a:b]))
    return format_html_join("", "{}", ((part,) for part in parts))
