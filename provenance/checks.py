"""Re-checks stored citations against their documents' text (verify_citations uses it)."""

from collections.abc import Iterator

from documents.models import Citation


def mismatches(citations=None) -> Iterator[tuple[Citation, str]]:
    """(citation, reason) for every citation whose quote or offsets no longer match."""
    citations = citations if citations is not None else Citation.objects.all()
    rows = citations.select_related("document").only(
        "id", "quote", "quote_start", "quote_end", "document__slug", "document__text"
    )
    for citation in rows.order_by("pk").iterator(chunk_size=500):
        text, quote = citation.document.text, citation.quote
        start, end = citation.quote_start, citation.quote_end
        if quote not in text:
            yield citation, "the quote no longer stands in the text"
        elif start is None or end is None:
            yield citation, "no stored offsets"
        elif end - start != len(quote) or text[start:end] != quote:
            yield citation, f"the text at {start}:{end} is not the quote"
