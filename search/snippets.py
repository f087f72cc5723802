"""Where a snippet past a document's opening starts: the first and the last place where a
written form of the query's words stands in the text (PostgreSQL)."""

import os

import snowballstemmer
from django.db.models import Func, IntegerField
from django.db.models.functions import Greatest, Least

from .query import Clause

# A snippet past a document's opening is headlined on RANK_TEXT_CHARS characters of its
# text starting this many before the first written form of a word of the query.
WINDOW_BEFORE = 200
_STEMMERS = {
    "en": snowballstemmer.stemmer("english"),
    "ru": snowballstemmer.stemmer("russian"),
}


def _written_stem(word: str) -> str:
    """What every written form of `word` starts with: its common start with its stem
    ("ceremony", stem "ceremoni": "ceremon"), the word itself when that is too short."""
    stem = _STEMMERS["en" if word.isascii() else "ru"].stemWord(word)
    common = os.path.commonprefix([word, stem])
    return common if len(common) >= 3 else word


def written_pattern(clause: Clause) -> str:
    """A regular expression (PostgreSQL's) for the written forms of a clause's terms: a word
    from its stem's start, a phrase's words apart only by non-word characters. The words
    hold only letters and digits (query.WORD), nothing that a pattern reads otherwise."""
    terms = {r"\W+".join([*t.words[:-1], _written_stem(t.words[-1])]) for t in clause.terms}
    return r"\m(" + "|".join(sorted(terms)) + ")"


def spread(positions: list[Func]) -> tuple[Func, Func]:
    """The first and the last of positions (SQL), or the one twice."""
    if len(positions) == 1:
        return positions[0], positions[0]
    return Least(*positions), Greatest(*positions)


class FirstMatchAt(Func):
    """The 1-based position in a text where a pattern first matches, case-insensitively;
    0 where it does not (PostgreSQL's regexp_instr)."""

    template = "regexp_instr(%(expressions)s, 1, 1, 0, 'i')"
    output_field = IntegerField()
