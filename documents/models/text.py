"""Rules on a document's text: its paragraphs, where a quote stands in it, its fingerprint, and
the characters its source address may hold."""

import hashlib
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# RFC 3986: the characters a URI may hold, and % only as the start of an escape. Django's
# URLValidator also takes `<`, `"`, spaces' cousins and non-ASCII text, which the API's
# schema (format `uri`) does not allow.
URI_CHARACTERS = re.compile(r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*")


def validate_uri_characters(value: str) -> None:
    if not URI_CHARACTERS.fullmatch(value):
        raise ValidationError(
            _(
                "Enter the address as a URI: ASCII only, with other characters "
                "percent-encoded (%%3C for <, %%20 for a space)."
            )
            % {},
            code="invalid",
        )


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
