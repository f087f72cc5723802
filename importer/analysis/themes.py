"""Themes by their keywords."""

from __future__ import annotations

import functools
import re

from .base import ThemeHit


@functools.lru_cache(maxsize=256)
def _keywords_pattern(keywords: tuple[str, ...]) -> re.Pattern:
    alternation = "|".join(re.escape(k) for k in sorted(keywords, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alternation + ")", re.IGNORECASE)


# The names of the organisation and its bodies hold theme keywords ("collective security")
# but say nothing of what a text is about.
BODY_NAMES = re.compile(
    r"Collective Security (?:Treaty Organi[sz]ation|Council)"
    r"|Организаци\w*\s+Договора\s+о\s+коллективной\s+безопасности"
    r"|Совет\w*\s+коллективной\s+безопасности",
    re.IGNORECASE,
)


def theme_hits(text: str, themes) -> list[ThemeHit]:
    text = BODY_NAMES.sub(" ", text)
    hits = []
    for theme in themes:
        keywords = tuple(theme.keyword_list)
        count = len(_keywords_pattern(keywords).findall(text)) if keywords else 0
        if count:
            hits.append(ThemeHit(theme, count))
    hits.sort(key=lambda h: (-h.count, h.theme.name))
    return hits


def best_theme(sentence: str, themes):
    hits = theme_hits(sentence, themes)
    return hits[0].theme if hits else None
