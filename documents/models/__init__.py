"""Source documents and the verbatim citations that back every fact in the knowledge base.

Each concern has its module; every model and rule is importable from `documents.models`.
"""

from .citations import CITATION_TARGETS, Citation, CitationQuerySet, CitationRole
from .documents import Document, DocumentKind, DocumentQuerySet, VersionRole, Work
from .text import (
    PARAGRAPH_SPLIT,
    URI_CHARACTERS,
    find_anchor,
    split_paragraphs,
    text_fingerprint,
    validate_uri_characters,
)

__all__ = [
    "CITATION_TARGETS",
    "PARAGRAPH_SPLIT",
    "URI_CHARACTERS",
    "Citation",
    "CitationQuerySet",
    "CitationRole",
    "Document",
    "DocumentKind",
    "DocumentQuerySet",
    "VersionRole",
    "Work",
    "find_anchor",
    "split_paragraphs",
    "text_fingerprint",
    "validate_uri_characters",
]
