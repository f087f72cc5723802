"""Themes by their keywords."""

from __future__ import annotations

import functools
import re

from .base import ThemeHit


def _stems(keyword: str) -> str:
    """A Russian keyword whose every word stands for the words it begins."""
    return r"\w*\s+".join(re.escape(word) for word in keyword.split())


@functools.lru_cache(maxsize=256)
def _keywords_pattern(keywords: tuple[str, ...], russian: tuple[str, ...] = ()) -> re.Pattern:
    alternatives = [re.escape(k) for k in keywords] + [_stems(k) for k in russian]
    alternation = "|".join(sorted(alternatives, key=len, reverse=True))
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
        keywords, russian = tuple(theme.keyword_list), tuple(theme.russian_keyword_list)
        count = (
            len(_keywords_pattern(keywords, russian).findall(text)) if keywords or russian else 0
        )
        if count:
            hits.append(ThemeHit(theme, count))
    hits.sort(key=lambda h: (-h.count, h.theme.name))
    return hits


def best_theme(sentence: str, themes):
    hits = theme_hits(sentence, themes)
    return hits[0].theme if hits else None
