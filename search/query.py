"""Parse and validate what a user typed into the search box (web-search syntax).

The syntax is the one of PostgreSQL's `websearch_to_tsquery` and of web search engines:
words (all must match), "quoted phrases", `OR` between two alternatives, and `-word` or
`-"a phrase"` to exclude. The result is a small tree that each database backend turns
into its own query language, so both databases read a query the same way and nothing the
user types ever reaches SQL or an FTS5 MATCH expression unquoted.

`OR` binds tighter than the implicit AND, as users expect from web search engines:
`drug OR arms trafficking` means (drug OR arms) AND trafficking.
"""

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from django.utils.translation import gettext as _

MAX_QUERY_LENGTH = 500
MAX_TERMS = 32

# Letters and digits of any script; underscores and punctuation separate words, as they do
# for both PostgreSQL's parser and FTS5's unicode61 tokenizer.
WORD = re.compile(r"[^\W_]+")
# A quoted phrase (an unterminated quote runs to the end), or a run of other characters.
CHUNK = re.compile(r'(-?)"([^"]*)"?|([^\s"]+)')

# PostgreSQL's English stop-word list: these words are not indexed there, so they are
# dropped here for both databases (a query of only such words is reported, not run).
STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can did do does doing don down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most my myself no nor not now of off on once only or other our
    ours ourselves out over own s same she should so some such t than that the their theirs
    them themselves then there these they this those through to too under until up very was
    we were what when where which while who whom why will with you your yours yourself
    yourselves""".split()  # noqa: SIM905 - a word list reads better as text
)


class QueryError(ValueError):
    """The query cannot be searched; `message` says why in words a reader understands."""

    def __init__(self, code: str, message: str, field: str = "q") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


@dataclass(frozen=True)
class Term:
    """A word, or a phrase of consecutive words (`words` has more than one)."""

    words: tuple[str, ...]

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class Clause:
    """Alternatives joined by OR (usually just one term), or one excluded term."""

    terms: tuple[Term, ...]
    negated: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    raw: str
    clauses: tuple[Clause, ...]

    @property
    def positive(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if not c.negated)

    @property
    def negative(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if c.negated)

    @property
    def words(self) -> list[str]:
        """The words looked for (not the excluded ones), for suggestions and highlighting."""
        return [w for c in self.positive for t in c.terms for w in t.words]

    def normalised(self, replace: Mapping[str, str] | None = None) -> str:
        """The query in canonical web-search syntax, words optionally replaced (spelling)."""
        replace = replace or {}

        def term(t: Term) -> str:
            text = " ".join(replace.get(w, w) for w in t.words)
            return f'"{text}"' if t.is_phrase else text

        parts = []
        for clause in self.clauses:
            text = " OR ".join(term(t) for t in clause.terms)
            parts.append(f"-{text}" if clause.negated else text)
        return " ".join(parts)


def _term(text: str) -> Term | None:
    """The term for a word or a phrase; None when it has no word that is indexed."""
    words = tuple(w.lower() for w in WORD.findall(text))
    if not words or all(w in STOP_WORDS for w in words):
        return None
    return Term(words)


def parse(raw: str | None) -> ParsedQuery:
    """Parse `raw` or raise QueryError with a message for the reader."""
    text = unicodedata.normalize("NFKC", raw or "").strip()
    if not text:
        raise QueryError("empty", _("Type a word or a phrase to search for."))
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(
            "too_long",
            _("The query is too long: at most %(max)s characters, please.")
            % {"max": MAX_QUERY_LENGTH},
        )

    # First pass: a flat list of items, each a term (maybe negated) or the OR operator.
    items: list[tuple[str, Term | None, bool]] = []
    saw_words = False
    for match in CHUNK.finditer(text):
        minus, quoted, bare = match.groups()
        if quoted is not None:
            if WORD.search(quoted):
                saw_words = True
            items.append(("term", _term(quoted), bool(minus)))
            continue
        if bare.upper() == "OR":
            items.append(("or", None, False))
            continue
        negated = bare.startswith("-")
        body = bare.lstrip("-")
        if WORD.search(body):
            saw_words = True
        # "anti-drug" or "U.N." become phrases of their parts, as both databases index them.
        items.append(("term", _term(body), negated))

    # Second pass: fold `a OR b` into one clause; an OR with nothing on one side is ignored.
    clauses: list[Clause] = []
    pending_or = False
    for kind, term, negated in items:
        if kind == "or":
            pending_or = bool(clauses) and not clauses[-1].negated
            continue
        if term is None:
            # A stop word: it neither matches nor breaks an OR chain.
            continue
        if pending_or and not negated:
            last = clauses.pop()
            if term not in last.terms:
                last = Clause(last.terms + (term,))
            clauses.append(last)
        elif Clause((term,), negated) not in clauses:
            clauses.append(Clause((term,), negated))
        pending_or = False

    if not saw_words:
        raise QueryError(
            "no_words",
            _(
                "There is no word to look for in this query, only quotes, operators or "
                "punctuation. Type a word or a phrase."
            ),
        )
    if not any(not c.negated for c in clauses):
        if any(c.negated for c in clauses):
            raise QueryError(
                "only_exclusions",
                _("A query needs at least one word to look for; “-word” only excludes."),
            )
        raise QueryError(
            "only_stop_words",
            _(
                "The query has only very common words (such as “the” or “of”), which are "
                "not indexed. Add a more specific word."
            ),
        )
    if sum(len(c.terms) for c in clauses) > MAX_TERMS:
        message = _("Use at most %(max)s words or phrases.") % {"max": MAX_TERMS}
        raise QueryError("too_many_terms", message)
    return ParsedQuery(raw=text, clauses=tuple(clauses))


CYRILLIC = re.compile("[\u0400-\u04ff]")
_RUSSIAN = snowballstemmer.stemmer("russian")


@lru_cache(maxsize=4096)
def _fts5_word(word: str) -> str:
    """A word as an FTS5 phrase token: a Russian word as the prefix of its Snowball stem.

    FTS5's porter tokenizer stems English only; a prefix query on the stem finds a Russian
    word's inflected forms ("наркотиков" finds "наркотики") without stemming the index, so
    snippets keep the words as written.
    """
    if CYRILLIC.search(word):
        stem = _RUSSIAN.stemWord(word)
        if len(stem) >= 3:
            return f'"{stem}" *'
    return f'"{word}"'


def fts5_expression(query: ParsedQuery) -> str:
    """The query as an SQLite FTS5 MATCH expression.

    Every word is a double-quoted FTS5 string holding only letters and digits (a phrase is
    its words joined by FTS5's `+`), so no user input can be read as an FTS5 operator,
    column filter or prefix.
    """

    def quoted(term: Term) -> str:
        return " + ".join(_fts5_word(w) for w in term.words)

    def group(clause: Clause) -> str:
        return "(" + " OR ".join(quoted(t) for t in clause.terms) + ")"

    expression = " AND ".join(group(c) for c in query.positive)
    for clause in query.negative:
        # FTS5's NOT is binary: (everything so far) NOT (excluded).
        expression = f"({expression}) NOT {group(clause)}"
    return expression
