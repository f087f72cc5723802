"""Citations as W3C Web Annotations (https://www.w3.org/TR/annotation-model/).

A citation links a verbatim passage of a document (the target, found again by a
TextQuoteSelector and a TextPositionSelector over the stored cleaned text) to the fact of the
knowledge base it supports (the body). The W3C context ships in contexts/anno.jsonld and
`document_loader` resolves it offline for JSON-LD processors (pyld).
"""

import json
from functools import cache
from pathlib import Path

from django.db.models import Q, QuerySet
from django.urls import reverse

from documents.models import Citation

CONTEXT_URL = "http://www.w3.org/ns/anno.jsonld"
MEDIA_TYPE = f'application/ld+json; profile="{CONTEXT_URL}"'
CONTEXT_FILE = Path(__file__).resolve().parent / "contexts" / "anno.jsonld"
# The document's date as Dublin Core states it (the W3C context has no term for it).
CONTEXT = [
    CONTEXT_URL,
    {
        "date": {
            "@id": "http://purl.org/dc/terms/date",
            "@type": "http://www.w3.org/2001/XMLSchema#date",
        }
    },
]
AFFIX_LENGTH = 32  # characters of prefix and suffix, as annotation clients take them


@cache
def local_context() -> dict:
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))


def document_loader(url: str, options=None) -> dict:
    """pyld document loader: the W3C annotation context from the local copy, nothing remote."""
    from pyld.jsonld import JsonLdError

    if url.rstrip("/").replace("https://", "http://") == CONTEXT_URL:
        return {"contextUrl": None, "documentUrl": url, "document": local_context()}
    raise JsonLdError(
        f"Only the W3C annotation context is available offline, not {url}.",
        "jsonld.LoadDocumentError",
        code="loading document failed",
    )


def for_annotations(queryset: QuerySet) -> QuerySet:
    # One query for a page: the document (its text gives prefix and suffix) and every
    # kind of subject the body may name.
    return queryset.select_related(
        "document",
        "priority__presidency",
        "presidency",
        "summit",
        "position__official",
        "member_state",
        "instrument",
    ).defer("document__raw_text", "instrument__text", "instrument__raw_text")


def of_presidency(presidency) -> QuerySet:
    """The citations of a chairmanship: its documents' and those backing its facts."""
    return Citation.objects.filter(
        Q(document__presidency=presidency)
        | Q(priority__presidency=presidency)
        | Q(presidency=presidency)
    ).order_by("pk")


def subject_path(citation: Citation) -> str:
    subject = citation.subject
    if citation.position_id:
        return subject.official.get_absolute_url()  # a post is shown on its holder's page
    return subject.get_absolute_url() if subject is not None else ""


def text_selectors(text: str, start: int, end: int) -> list[dict]:
    return [
        {
            "type": "TextQuoteSelector",
            "exact": text[start:end],
            "prefix": text[max(0, start - AFFIX_LENGTH) : start],
            "suffix": text[end : end + AFFIX_LENGTH],
        },
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]


def _source(url: str, document, media_type: str) -> dict:
    source = {"id": url, "type": "Text", "format": media_type, "language": document.language}
    if document.date:
        source["date"] = document.date.isoformat()
    return source


def annotation(request, citation: Citation, embedded: bool = False) -> dict:
    """The citation as an Annotation; `embedded` leaves out the @context (inside a page)."""
    document = citation.document
    absolute = request.build_absolute_uri
    start, end = citation.quote_start, citation.quote_end
    if start is None:  # not anchored: verify_citations reports it; the quote still selects
        start = document.text.find(citation.quote)
        end = start + len(citation.quote)
    selectors = text_selectors(document.text, start, end)
    # The knowledge base's copy is the stored cleaned text itself, so both selectors apply
    # to it as served; on the official page only the quote (with its context) can be
    # searched for, its markup and layout being the publisher's.
    targets = [
        {
            "type": "SpecificResource",
            "source": _source(
                absolute(reverse("provenance:document-text", args=[document.slug])),
                document,
                "text/plain",
            ),
            "selector": selectors,
        }
    ]
    if document.source_url:
        targets.insert(
            0,
            {
                "type": "SpecificResource",
                "source": _source(document.source_url, document, "text/html"),
                "selector": selectors[0],
            },
        )
    data = {
        "id": absolute(reverse("api:citation-detail", args=[citation.pk])),
        "type": "Annotation",
        "motivation": "linking",
        "body": {"id": absolute(subject_path(citation)), "label": str(citation.subject)},
        "target": targets,
        "canonical": absolute(citation.get_absolute_url()),
        "created": citation.created_at.isoformat(),
        "modified": citation.updated_at.isoformat(),
    }
    return data if embedded else {"@context": CONTEXT, **data}
