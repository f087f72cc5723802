"""Whether a statement being imported is a version of one the knowledge base holds.

A version gives the same statement: the same speaker on the same day, in another wording or
another language. Candidates are the stored texts of a speaker of the new one whose date is
the new text's (or unknown on either side). What decides is the content:

- in the same language, the share of distinct words the two texts have in common (Jaccard):
  two renderings of one message share about half their words, two texts on one event about
  a quarter;
- across languages words say nothing, so the signal is what a translation keeps: numbers,
  and the knowledge base's own names, which it knows in both languages (officials, member
  states, themes by their English and Russian keywords). Two texts on one event name the
  same people and places too, so the anchors must also fall in the same paragraphs, as a
  translation keeps them: the score is the smaller of the whole-text share and the
  paragraph-by-paragraph share.

Only a proposal: the review shows it with its reason, and the editor accepts or drops it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .chairmanships import state_patterns
from .people import match_officials
from .themes import theme_hits

WORD = re.compile(r"[^\W\d_]{3,}")
NUMBER = re.compile(r"(?<!\d)\d+(?!\d)")
# Thresholds between what tests/importer/test_versions.py measures for versions and for
# texts that only share a speaker and a day (the table is in the commit that set them).
WORDS_SHARED = 0.35
ANCHORS_SHARED = 0.5
MIN_SHARED_ANCHORS = 4  # a short text's few names prove nothing
MAX_CANDIDATES = 20
SHOWN_ANCHORS = 6  # in the reason; the JSON lists them all


@dataclass
class VersionProposal:
    """The stored document the new text is a version of, and why."""

    document: object  # documents.Document, with its work (or none yet)
    measure: str  # "words" (same language) or "anchors" (another language)
    score: float
    shared: list[str]  # the anchors both texts have (anchors), or []
    reason: str

    @property
    def strength(self) -> float:
        return self.score / (WORDS_SHARED if self.measure == "words" else ANCHORS_SHARED)

    @property
    def work(self):
        return self.document.work

    def as_dict(self) -> dict:
        return {
            "document": self.document.slug,
            "work": self.work.slug if self.work else None,
            "language": self.document.language,
            "measure": self.measure,
            "score": round(self.score, 2),
            "shared": list(self.shared),
            "reason": self.reason,
        }


class Anchors:
    """What a text names that survives translation, as {key: label} (key "o:sergey-lavrov",
    label "Sergey Lavrov")."""

    def __init__(self, officials, themes, states):
        self.officials, self.themes = officials, themes
        self.states = state_patterns(states)
        self._known: dict[str, dict[str, str]] = {}  # the new text's paragraphs, read once

    def of(self, text: str) -> dict[str, str]:
        if text not in self._known:
            self._known[text] = self._read(text)
        return self._known[text]

    def _read(self, text: str) -> dict[str, str]:
        found = {f"n:{int(n)}": str(int(n)) for n in NUMBER.findall(text)}
        found |= {f"s:{s.slug}": s.name for s, p in self.states.items() if p.search(text)}
        found |= {f"t:{h.theme.slug}": h.theme.name for h in theme_hits(text, self.themes)}
        speaking, mentioned, _covered = match_officials(text, self.officials)
        found |= {f"o:{o.slug}": o.name for o in [*speaking, *mentioned]}
        return found


def _share(a, b) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def word_share(a: str, b: str) -> float:
    return _share({w.lower() for w in WORD.findall(a)}, {w.lower() for w in WORD.findall(b)})


def aligned_share(paragraphs_a: list[str], paragraphs_b: list[str], anchors: Anchors) -> float:
    """Anchors shared paragraph by paragraph (the first with the first, ...)."""
    shared = together = 0
    for i in range(max(len(paragraphs_a), len(paragraphs_b))):
        x = set(anchors.of(paragraphs_a[i])) if i < len(paragraphs_a) else set()
        y = set(anchors.of(paragraphs_b[i])) if i < len(paragraphs_b) else set()
        shared, together = shared + len(x & y), together + len(x | y)
    return shared / together if together else 0.0


def compare(text: str, language: str, document, anchors: Anchors) -> tuple[str, float, list]:
    """(measure, score, shared anchors' labels) of `text` against a stored document."""
    if language == document.language:
        return "words", word_share(text, document.text), []
    mine, theirs = anchors.of(text), anchors.of(document.text)
    shared = sorted(set(mine) & set(theirs))
    if len(shared) < MIN_SHARED_ANCHORS:
        return "anchors", 0.0, [mine[k] for k in shared]
    from documents.models import split_paragraphs

    aligned = aligned_share(split_paragraphs(text), document.paragraphs(), anchors)
    return "anchors", min(_share(set(mine), set(theirs)), aligned), [mine[k] for k in shared]


def _reason(document, day, speakers, measure: str, score: float, shared: list[str]) -> str:
    names = ", ".join(o.name for o in speakers)
    if day is not None and document.date == day:
        same = f"same speaker ({names}) and date ({day.isoformat()})"
    elif document.date is None:
        same = f"same speaker ({names}); the stored text gives no date"
    else:
        same = f"same speaker ({names}); this text gives no date"
    if measure == "words":
        return f"{same}; {score:.0%} of words shared"
    named = ", ".join(shared[:SHOWN_ANCHORS]) + (", …" if len(shared) > SHOWN_ANCHORS else "")
    return (
        f"{same}; in another language ({document.language}): {len(shared)} names, themes and "
        f"numbers in common ({named}); {score:.0%} of them shared paragraph by paragraph"
    )


def candidates(speakers, day: datetime.date | None):
    """Stored texts of one of `speakers` of the same date (or of none, on either side)."""
    from django.db.models import Q

    from documents.models import Document

    same_day = Q(date=day) | Q(date__isnull=True) if day else Q()
    return (
        Document.objects.sources()
        .filter(same_day, speakers__in=speakers)
        .distinct()
        .select_related("work")
        .prefetch_related("speakers")
        .order_by(*Document._meta.ordering)[:MAX_CANDIDATES]
    )


def propose_work(text: str, language: str, day, speakers, anchors: Anchors):
    """The stored document the text is most likely a version of, or None."""
    if not speakers or not text:
        return None
    best = None
    for document in candidates(speakers, day):
        measure, score, shared = compare(text, language, document, anchors)
        threshold = WORDS_SHARED if measure == "words" else ANCHORS_SHARED
        # Words and anchors score on different scales: the strongest is the one furthest
        # past its own threshold.
        if score >= threshold and (best is None or score / threshold > best.strength):
            common = [o for o in speakers if o in document.speakers.all()]
            reason = _reason(document, day, common, measure, score, shared)
            best = VersionProposal(document, measure, score, shared, reason)
    return best
