"""Small builders on top of the shared factories for the search tests."""

from tests.factories import CitationFactory, DocumentFactory, PriorityFactory


def document(title: str, *paragraphs: str, **fields):
    text = "\n\n".join(paragraphs)
    return DocumentFactory(title=title, text=text, raw_text=text, **fields)


def priority_with_quote(title: str, quote_paragraph: str, *, summary: str = "", **fields):
    """A priority backed by a quote: the last paragraph of a new statement."""
    text = f"An opening paragraph.\n\n{quote_paragraph}"
    source = DocumentFactory(text=text, raw_text=text)
    priority = PriorityFactory(title=title, summary=summary, **fields)
    CitationFactory(document=source, priority=priority, quote=quote_paragraph)
    return priority, source
