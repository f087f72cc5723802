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

from .chairmanships import PRESIDENCY_WORD, state_patterns, years_of_chairmanship
from .dates import full_dates
from .sentences import sentences

# "chairs the organization", "holds the chairmanship", "took over the presidency",
# "председательствует", "председательство перешло к", "приступила к председательству".
TAKES_CHAIR = re.compile(
    r"\b(?:chairs|is chairing|holds the (?:chairmanship|presidency)|"
    r"(?:takes|took|has taken) over the (?:chairmanship|presidency)|presides)\b"
    r"|(?<!\w)(?:председательствует|председательство\w*\s+(?:перешло|переходит)|"
    r"(?:принял|приняла|принимает|приступил|приступила)\w*\s+(?:к\s+)?председательств\w*)",
    re.IGNORECASE,
)
THIS_YEAR = re.compile(
    r"\b(?:of )?this year\b|(?<!\w)(?:в этом году|этого года|текущего года)(?!\w)"
    r"|(?<!\w)с 1 января(?!\s+\d)",
    re.IGNORECASE,
)
JANUARY_FIRST = re.compile(
    r"\b(?:January 1(?:st)?|1(?:st)? (?:of )?January)\b|(?<!\w)(?:с\s+)?1 января", re.IGNORECASE
)
# A sentence about a chairmanship to come, not the one in office.
FUTURE = re.compile(
    r"\b(?:next year|will|takes over|take over|to come)\b"
    r"|(?<!\w)(?:в следующем году|перейд\w+|примет)",
    re.IGNORECASE,
)
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
    years = years_of_chairmanship(sentence, patterns)
    if len(years) == 1:
        # "Kazakhstan's chairmanship of the organisation in 2024"
        return ChairmanshipProposal(state, years.pop(), None, sentence)
    if day is None or years:
        return None
    if THIS_YEAR.search(sentence) and TAKES_CHAIR.search(sentence):
        start = datetime.date(day.year, 1, 1) if JANUARY_FIRST.search(sentence) else None
        return ChairmanshipProposal(state, day.year, start, sentence)
    if not FUTURE.search(sentence):
        # "The Belarusian chairmanship in the CSTO is drawing to a close", in a dated text.
        return ChairmanshipProposal(state, day.year, None, sentence)
    return None


def propose_chairmanship(text: str, day: datetime.date | None):
    """The one chairmanship the text states and the knowledge base has no chairmanship for
    that year, or None (none stated, several, or the year already has its chairmanship)."""
    from presidencies.models import MemberState, Presidency

    patterns = state_patterns(MemberState.objects.all())
    proposals = {}
    for sentence in sentences(text):
        proposal = _from_sentence(sentence, day, patterns)
        if proposal is not None:
            proposals.setdefault((proposal.state.pk, proposal.year), proposal)
    if day is not None and len(proposals) > 1:
        # The chairmanship of the text's own year, not the one it hands over to.
        proposals = {k: p for k, p in proposals.items() if p.year == day.year}
    if len(proposals) != 1:
        return None
    proposal = next(iter(proposals.values()))
    if Presidency.objects.filter(year=proposal.year).exists():
        return None
    return proposal
