"""Sentences, and those that may state a priority."""

from __future__ import annotations

import re

SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’»]?\s+(?=[\"“‘«]?[A-ZА-ЯЁ])")
ABBREVIATIONS = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|No|Nov|Dec|Jan|Feb|Aug|Sept?|Oct|Gen|Col)\.$")


def sentences(text: str) -> list[str]:
    """Sentences of the cleaned text, each a verbatim substring of it."""
    result = []
    for paragraph in text.split("\n\n"):
        start = 0
        for m in SENTENCE_SPLIT.finditer(paragraph):
            piece = paragraph[start : m.start()]
            if ABBREVIATIONS.search(piece):
                continue
            # Keep a closing quotation mark with its sentence.
            end = m.start() + len(m.group(0).rstrip())
            result.append(paragraph[start:end].strip())
            start = m.end()
        tail = paragraph[start:].strip()
        if tail:
            result.append(tail)
    return [s for s in result if s]


PRIORITY_MARKERS = re.compile(
    r"priorit|will focus|focus on|focused on|we plan|plans? to|we intend|intend to|"
    r"special attention|we propose|propose|will continue|\baim|will strive|"
    r"will be aimed|special efforts|attach(?:es)? great importance|key areas",
    re.IGNORECASE,
)
