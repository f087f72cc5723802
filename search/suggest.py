"""What to offer when a search finds nothing: a near spelling, and the list of themes.

PostgreSQL: each word of the query that no document has is looked up in the documents'
vocabulary by trigram similarity (pg_trgm through Django's TrigramSimilarity, on the
table search_word and its trigram index, search/schema.py): one query per unknown word,
whatever the size of the knowledge base, and nothing to rebuild after an edit (a deleted
document's words stay until `rebuild_search_index`).

SQLite (no pg_trgm): the vocabulary (the words of titles, texts, summaries and theme
keywords) is built once per revision of the knowledge base and kept in the cache, and
difflib finds the nearest word; fine for the embedded default's small knowledge bases.

The themes are read once per revision and cached: a failed search costs one query to
read the revision, and more only when the knowledge base has changed since.
"""

import difflib
import itertools
from dataclasses import dataclass

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.utils.translation import get_language

from cstokb.cache import per_revision
from documents.models import Document
from presidencies.models import Priority, Theme

from .models import Word
from .query import WORD, ParsedQuery

# pg_trgm's similarity of a misspelling to the word meant, at least ("securty" and
# "security": 0.5; "peacekeepinq" and "peacekeeping": 0.73).
TRIGRAM_CUTOFF = 0.4


@dataclass(frozen=True)
class Suggestions:
    spelling: str | None  # the query with near spellings, when one differs
    themes: list[tuple[str, str]]  # (name, url)


def _vocabulary_and_themes(with_vocabulary: bool) -> tuple[frozenset[str], list[tuple[str, str]]]:
    """For difflib (SQLite), the words of the knowledge base, and the themes; cached per
    revision and language (theme names and links are in the reader's language)."""

    def build():
        themes = list(Theme.objects.order_by("name"))
        vocabulary: frozenset[str] = frozenset()
        if with_vocabulary:
            words: set[str] = set()
            for texts in itertools.chain(
                Document.objects.values_list("title", "text"),
                ((theme.name, theme.keywords) for theme in themes),
                Priority.objects.values_list("title", "summary"),
            ):
                words.update(w.lower() for w in WORD.findall(" ".join(texts)))
            vocabulary = frozenset(w for w in words if len(w) > 2 and not w.isdigit())
        return vocabulary, [(theme.name, theme.get_absolute_url()) for theme in themes]

    return per_revision(
        "search:vocabulary", build, 24 * 3600, parts=(int(with_vocabulary), get_language())
    )


def nearest_word(word: str) -> str | None:
    """PostgreSQL: the documents' word nearest to `word` by trigram similarity (itself if
    a document has it), through the trigram index (`%` with pg_trgm's threshold)."""
    return (
        Word.objects.annotate(similarity=TrigramSimilarity("word", word))
        .filter(word__trigram_similar=word, similarity__gte=TRIGRAM_CUTOFF)
        .order_by("-similarity", "word")
        .values_list("word", flat=True)
        .first()
    )


def suggest(query: ParsedQuery) -> Suggestions:
    trigrams = connection.vendor == "postgresql"
    vocabulary, themes = _vocabulary_and_themes(with_vocabulary=not trigrams)
    replacements: dict[str, str] = {}
    for word in query.words:
        if len(word) < 3 or word in vocabulary:
            continue
        if trigrams:
            close = nearest_word(word)
        else:
            close = next(iter(difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)), None)
        if close and close != word:
            replacements[word] = close
    spelling = query.normalised(replacements) if replacements else None
    return Suggestions(spelling=spelling, themes=themes)
