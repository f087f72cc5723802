"""What to offer when a search finds nothing: a near spelling, and the list of themes.

The vocabulary (the words of titles, texts, summaries and theme keywords) is built once
per revision of the knowledge base and kept in the cache: a failed search costs one query
to read the revision, and three more only when the knowledge base has changed since.
"""

import difflib
from dataclasses import dataclass

from django.core.cache import cache

from cstokb.cache import kb_revision
from documents.models import Document
from presidencies.models import Priority, Theme

from .query import WORD, ParsedQuery


@dataclass(frozen=True)
class Suggestions:
    spelling: str | None  # the query with near spellings, when one differs
    themes: list[tuple[str, str]]  # (name, url)


def _vocabulary_and_themes() -> tuple[frozenset[str], list[tuple[str, str]]]:
    key = f"search:vocabulary:{kb_revision()}"
    cached = cache.get(key)
    if cached is None:
        words: set[str] = set()
        for title, text in Document.objects.values_list("title", "text"):
            words.update(w.lower() for w in WORD.findall(f"{title} {text}"))
        themes = []
        for theme in Theme.objects.order_by("name"):
            words.update(w.lower() for w in WORD.findall(f"{theme.name} {theme.keywords}"))
            themes.append((theme.name, theme.get_absolute_url()))
        for title, summary in Priority.objects.values_list("title", "summary"):
            words.update(w.lower() for w in WORD.findall(f"{title} {summary}"))
        vocabulary = frozenset(w for w in words if len(w) > 2 and not w.isdigit())
        cached = (vocabulary, themes)
        cache.set(key, cached, timeout=24 * 3600)
    return cached


def suggest(query: ParsedQuery) -> Suggestions:
    vocabulary, themes = _vocabulary_and_themes()
    replacements: dict[str, str] = {}
    for word in query.words:
        if word in vocabulary or len(word) < 3:
            continue
        close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)
        if close:
            replacements[word] = close[0]
    spelling = query.normalised(replacements) if replacements else None
    return Suggestions(spelling=spelling, themes=themes)
