"""Small builders on top of the shared factories for the search tests."""

import itertools

from tests.factories import CitationFactory, DocumentFactory, PresidencyFactory, PriorityFactory

# PresidencyFactory's year sequence runs past the plausible-year constraint (2200) once a
# session has made a hundred chairmanships; the search tests take years from their own cycle.
_years = itertools.count()


def make_presidency(**fields):
    fields.setdefault("year", 2100 + next(_years) % 100)
    return PresidencyFactory(**fields)


def make_priority(**fields):
    if "presidency" not in fields:
        fields["presidency"] = make_presidency()
    return PriorityFactory(**fields)


def document(title: str, *paragraphs: str, **fields):
    text = "\n\n".join(paragraphs)
    return DocumentFactory(title=title, text=text, raw_text=text, **fields)


def priority_with_quote(title: str, quote_paragraph: str, *, summary: str = "", **fields):
    """A priority backed by a quote: the last paragraph of a new statement."""
    text = f"An opening paragraph.\n\n{quote_paragraph}"
    source = DocumentFactory(text=text, raw_text=text)
    backed = make_priority(title=title, summary=summary, **fields)
    CitationFactory(document=source, priority=backed, quote=quote_paragraph)
    return backed, source
