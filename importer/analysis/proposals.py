"""A chairmanship the text names and the knowledge base lacks, proposed for the editor.

"Kazakhstan chairs the organization from January 1st of this year" (the year is the
text's own date's), "we will formally hand the chairman's functions to our Kazakh friends
on 31 December 2023" (the next chair takes over the day after). Only a proposal: the
review shows it with the sentence that states it, and nothing is created unless ticked.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .chairmanships import DEMONYMS, PRESIDENCY_WORD, RUSSIAN_FORMS
from .dates import full_dates
from .sentences import sentences

# "chairs the organization", "holds the chairmanship", "took over the presidency".
TAKES_CHAIR = re.compile(
    r"\b(?:chairs|is chairing|holds the (?:chairmanship|presidency)|"
    r"(?:takes|took|has taken) over the (?:chairmanship|presidency)|presides)\b",
    re.IGNORECASE,
)
THIS_YEAR = re.compile(r"\b(?:of )?this year\b|\bв этом году\b|\bс 1 января\b", re.IGNORECASE)
JANUARY_FIRST = re.compile(r"\b(?:January 1(?:st)?|1(?:st)? (?:of )?January)\b", re.IGNORECASE)
HANDOVER = re.compile(
    r"\bhand(?:ing|ed|s)?\s+(?:over\s+)?(?:the\s+)?(?:chairman'?s functions|chairmanship|"
    r"presidency|chair)\b.{0,40}?\bto\s+(?:our\s+)?(?P<who>[\w'’ -]{3,60}?)\s+"
    r"(?:friends|partners|colleagues|counterparts)?\b",
    re.IGNORECASE,
)


@dataclass
class ChairmanshipProposal:
    state: object  # presidencies.MemberState
    year: int
    start_date: datetime.date | None
    quote: str

    def __str__(self) -> str:
        return f"{self.state.name} {self.year}"


def _state_in(phrase: str, patterns: dict) -> object | None:
    found = [state for state, pattern in patterns.items() if pattern.search(phrase)]
    return found[0] if len(found) == 1 else None


def _patterns(states) -> dict:
    patterns = {}
    for state in states:
        forms = sorted({state.name, *DEMONYMS.get(state.slug, ())}, key=len, reverse=True)
        alternatives = [re.escape(f) for f in forms]
        if state.slug in RUSSIAN_FORMS:
            alternatives.append(RUSSIAN_FORMS[state.slug])
        patterns[state] = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")
    return patterns


def _from_sentence(sentence: str, day, patterns) -> ChairmanshipProposal | None:
    handover = HANDOVER.search(sentence)
    if handover:
        state = _state_in(handover["who"], patterns)
        dates = full_dates(sentence[handover.end() :]) or full_dates(sentence)
        if state and dates:
            handed = dates[0][2]
            start = handed + datetime.timedelta(days=1)
            return ChairmanshipProposal(state, start.year, start, sentence)
        return None
    if not (TAKES_CHAIR.search(sentence) or PRESIDENCY_WORD.search(sentence)):
        return None
    state = _state_in(sentence, patterns)
    if state is None:
        return None
    dates = full_dates(sentence)
    if dates:
        start = dates[0][2]
        return ChairmanshipProposal(state, start.year, start, sentence)
    if day is not None and THIS_YEAR.search(sentence) and TAKES_CHAIR.search(sentence):
        start = datetime.date(day.year, 1, 1) if JANUARY_FIRST.search(sentence) else None
        return ChairmanshipProposal(state, day.year, start, sentence)
    return None


def propose_chairmanship(text: str, day: datetime.date | None):
    """The one chairmanship the text states and the knowledge base has no chairmanship for
    that year, or None (none stated, several, or the year already has its chairmanship)."""
    from presidencies.models import MemberState, Presidency

    patterns = _patterns(MemberState.objects.all())
    proposals = {}
    for sentence in sentences(text):
        proposal = _from_sentence(sentence, day, patterns)
        if proposal is not None:
            proposals.setdefault((proposal.state.pk, proposal.year), proposal)
    if len(proposals) != 1:
        return None
    proposal = next(iter(proposals.values()))
    if Presidency.objects.filter(year=proposal.year).exists():
        return None
    return proposal
