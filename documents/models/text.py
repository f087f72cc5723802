"""Rules on a document's text: its paragraphs, where a quote stands in it, its fingerprint (the
characters its source address may hold are the core's validate_uri_characters)."""

import hashlib
import re

from cstokb.models import URI_CHARACTERS, validate_uri_characters  # noqa: F401 - migrations

PARAGRAPH_SPLIT = re.compile(r"\n\s*\n")


def split_paragraphs(text: str) -> list[str]:
    """The cleaned text's paragraphs: blocks separated by a blank line."""
    return [p.strip() for p in PARAGRAPH_SPLIT.split(text.strip()) if p.strip()]


def find_anchor(text: str, quote: str, start: int | None = None) -> int | None:
    """Where `quote` stands in `text`: the stored start if it still holds, else the only place.

    Offsets are Unicode code points (Python string indices), as the W3C TextPositionSelector
    counts them. A quote that is gone, or that now stands in several places and no longer at
    its old start, has no anchor: None.
    """
    if not quote:
        return None
    if start is not None and text[start : start + len(quote)] == quote:
        return start
    first = text.find(quote)
    if first == -1 or (start is not None and text.find(quote, first + 1) != -1):
        return None
    return first


def text_fingerprint(text: str) -> str:
    """Hash of the cleaned text, whitespace normalised: one statement is never stored twice."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest() if normalised else ""
