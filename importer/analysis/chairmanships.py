"""The chairmanship a statement belongs to: named in its words, or covering its date."""

from __future__ import annotations

import datetime
import re

from .dates import YEAR
from .sentences import sentences

PRESIDENCY_WORD = re.compile(
    r"\b(?:presidency|chairmanship|chair|chairing|chaired|chairs|presides|presiding)\b"
    r"|(?<!\w)председательств\w*|(?<!\w)председательствует",
    re.IGNORECASE,
)

# The year belongs to the chairmanship when at most this many words stand between them:
# "the 2026 CSTO Presidency", "chairmanship in 2026", "chairmanship on January 1, 2026".
YEAR_DISTANCE = 4
# Adjectives of the member states ("the Russian presidency", "the Kyrgyz Republic").
DEMONYMS = {
    "russia": ("Russian",),
    "belarus": ("Belarusian", "Belarussian", "Belorussian"),
    "kazakhstan": ("Kazakh", "Kazakhstani"),
    "kyrgyzstan": ("Kyrgyz",),
    "tajikistan": ("Tajik", "Tajikistani"),
    "armenia": ("Armenian",),
    "uzbekistan": ("Uzbek",),
    "azerbaijan": ("Azerbaijani",),
    "georgia": ("Georgian",),
}


# The member states in Russian, any case: "председательства Казахстана", "российское".
RUSSIAN_FORMS = {
    "russia": r"Росси\w*|Российск\w*|российск\w*",
    "belarus": r"Беларус\w*|Белорусс\w*|белорусск\w*",
    "kazakhstan": r"Казахстан\w*|казахстанск\w*|казахск\w*",
    "kyrgyzstan": r"Кыргызстан\w*|Киргизи\w*|кыргызск\w*|киргизск\w*",
    "tajikistan": r"Таджикистан\w*|таджикск\w*",
    "armenia": r"Армени\w*|армянск\w*",
    "uzbekistan": r"Узбекистан\w*|узбекск\w*",
}


def _shorten(sentence: str, limit: int = 200) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


ORGANISATION = re.compile(
    r"\b(?:of\s+)?(?:the\s+)?(?:Collective\s+Security\s+Treaty\s+Organi[sz]ation|CSTO|"
    r"Organi[sz]ation)(?:\s*\(CSTO\))?"
    r"|(?:в\s+)?(?:ОДКБ|Организаци\w+\s+Договора\s+о\s+коллективной\s+безопасности)"
)


STATE_WORDS = re.compile(r"\b(?:Republic|Federation)\b|(?<!\w)(?:Республик|Федераци)\w*")


def _between(s: str, a: tuple[int, int], b: tuple[int, int], patterns=()) -> str:
    """The words between two spans of `s`, the organisation's and the states' names left out
    ("chairmanship of the Kyrgyz Republic in the CSTO in 2025")."""
    between = s[a[1] : b[0]] if a[1] <= b[0] else s[b[1] : a[0]]
    for pattern in patterns:
        between = pattern.sub(" ", between)
    return STATE_WORDS.sub(" ", ORGANISATION.sub(" ", between))


def state_patterns(states) -> dict:
    """{member state: a pattern of its names, adjectives and Russian forms}."""
    patterns = {}
    for state in states:
        forms = sorted({state.name, *DEMONYMS.get(state.slug, ())}, key=len, reverse=True)
        alternatives = [re.escape(f) for f in forms]
        if state.slug in RUSSIAN_FORMS:
            alternatives.append(RUSSIAN_FORMS[state.slug])
        patterns[state] = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")
    return patterns


def years_of_chairmanship(sentence: str, patterns) -> set[int]:
    """The years the sentence gives a chairmanship ("the 2026 CSTO Presidency")."""
    return {
        int(year[0])
        for word in PRESIDENCY_WORD.finditer(sentence)
        for year in YEAR.finditer(sentence)
        if len(_between(sentence, word.span(), year.span(), patterns.values()).split())
        <= YEAR_DISTANCE
    }


def presidency_named_in(text: str) -> tuple[object | None, str]:
    """The chairmanship a text states in so many words, for a text without a date.

    A sentence that speaks of a presidency or chairmanship and names exactly one member
    state and one year ("about Russia holding the 2026 CSTO Presidency") names the
    chairmanship of that state for that year. The one recorded chairmanship so named is
    returned with a note quoting the sentence; none when the text names several, or only
    ones the knowledge base does not record (the note says which). No date is inferred.
    """
    from presidencies.models import MemberState, Presidency

    patterns = state_patterns(MemberState.objects.all())
    named: dict[tuple, str] = {}
    for sentence in sentences(text):
        if not PRESIDENCY_WORD.search(sentence):
            continue
        chairs = [state for state, pattern in patterns.items() if pattern.search(sentence)]
        years = years_of_chairmanship(sentence, patterns)
        if len(chairs) == 1 and len(years) == 1:
            named.setdefault((chairs[0], int(years.pop())), sentence)
    if not named:
        return None, ""
    found = {}
    missing = []
    for (state, year), sentence in named.items():
        presidency = Presidency.objects.filter(chair=state, year=year).first()
        if presidency:
            found.setdefault(presidency, sentence)
        else:
            missing.append(f"{state.name} {year}")
    if len(found) == 1 and not missing:
        presidency, sentence = next(iter(found.items()))
        return presidency, (
            f"The text gives no date; the chairmanship {presidency} follows from its words "
            f"“{_shorten(sentence)}”."
        )
    named_list = ", ".join([*(str(p) for p in found), *missing])
    if missing and not found:
        return None, (
            f"The text names the chairmanship {named_list}, which the knowledge base does "
            "not record; no chairmanship is proposed."
        )
    return None, f"The text names several chairmanships ({named_list}); none is proposed."


def _covers(presidency, day: datetime.date) -> bool:
    """Chairmanships are annual and named for their year; the next chair takes over at the
    autumn summit or on 1 January. So an open chairmanship (no end date recorded) covers at
    most the end of its year: `russia-2026` is not taken to be in office in 2027."""
    return presidency.end_date is not None or day <= datetime.date(presidency.year, 12, 31)


def find_presidency(day: datetime.date | None):
    """The chairmanship in office on `day`, or None."""
    return find_presidency_with_note(day)[0]


def find_presidency_with_note(day: datetime.date | None) -> tuple[object | None, str]:
    """(chairmanship in office on `day`, a note when one is deliberately not proposed)."""
    from presidencies.models import Presidency

    if day is None:
        return None, ""
    in_office = list(Presidency.objects.in_office_on(day).select_related("chair"))
    for candidate in in_office:
        if _covers(candidate, day):
            return candidate, ""
    # Chairmanships are named for a year; many rows lack a start or end date.
    for candidate in Presidency.objects.filter(year=day.year).select_related("chair"):
        starts_ok = candidate.start_date is None or candidate.start_date <= day
        ends_ok = candidate.end_date is None or candidate.end_date >= day
        if starts_ok and ends_ok:
            return candidate, ""
    # Russia 2020 began on 28 November 2019.
    ahead = (
        Presidency.objects.filter(year=day.year + 1, start_date__lte=day)
        .select_related("chair")
        .first()
    )
    if ahead:
        return ahead, ""
    if in_office:
        open_one = in_office[0]
        return None, (
            f"No chairmanship is recorded for {day.year}: {open_one} has no end date but is "
            f"named for {open_one.year}, and chairmanships are annual. None is proposed."
        )
    return None, f"No chairmanship recorded in the knowledge base covers {day.isoformat()}."
