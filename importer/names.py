"""Names in any common transliteration and in Cyrillic: "Zhaparov" and "Жапаров" for Japarov.

Pure text functions. Each word is reduced to a skeleton (transliterated to ASCII by
unidecode, then the spellings transliteration systems disagree on folded together), and a
word whose skeleton is close to a known surname's (rapidfuzz) is that surname, if it is
close to only one official's: a near match shared by two people proves nothing.
"""

from __future__ import annotations

import functools
import re

from rapidfuzz import fuzz, process
from unidecode import unidecode

# Spellings that differ between transliteration systems (BGN, scholarly, passport, French).
FOLDS = [
    ("dzh", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("yev", "ev"),
    ("iev", "ev"),
    ("yu", "iu"),
    ("ya", "ia"),
    ("y", "i"),
    ("ii", "i"),
    ("ck", "k"),
    ("ou", "u"),
]
# Russian case endings a surname takes in running text (Токаева, Токаевым, Рахмону).
CYRILLIC_ENDINGS = re.compile(r"(?:ым|ом|ем|ой|ей|ого|ему|ому|а|у|е|ю|я)$")
WORD = re.compile(r"(?<![\w-])[^\W\d_][\w'’-]*")
MIN_SCORE = 90


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


@functools.lru_cache(maxsize=8192)
def skeleton(word: str) -> str:
    s = unidecode(word).lower()
    s = re.sub(r"[^a-z]", "", s)
    for a, b in FOLDS:
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)  # double letters: "Rakhmmon", "Lukashennko"


def surname_forms(word: str) -> list[str]:
    """Skeletons a word of running text may stand for: itself and, in Cyrillic, its stem."""
    forms = [skeleton(word)]
    if _is_cyrillic(word):
        stem = CYRILLIC_ENDINGS.sub("", word)
        if stem != word and len(stem) >= 4:
            forms.append(skeleton(stem))
    return forms


def same_name(word: str, known: str) -> bool:
    """Whether `word` (from the text) is the surname `known` in another spelling or script."""
    target = skeleton(known)
    if len(target) < 4:
        return False
    return any(
        form == target or (len(form) >= 5 and fuzz.ratio(form, target) >= MIN_SCORE)
        for form in surname_forms(word)
    )


def variant_spans(text: str, surnames: dict[str, object]) -> list[tuple[int, int, object]]:
    """(start, end, owner) of each word of `text` that is one owner's surname in another
    spelling; `surnames` maps a known surname to its owner. A word close to the surnames of
    two different owners is left out.

    Each distinct word is judged once, against all surnames in one rapidfuzz call, so a
    2 MB paste costs one pass over its words, not words × officials Python comparisons."""
    targets = [(skeleton(s), o) for s, o in surnames.items() if len(skeleton(s)) >= 4]
    choices = [t for t, _o in targets]
    verdicts: dict[str, object | None] = {}

    def owner_of(word: str):
        owners = {}
        for form in surname_forms(word):
            if len(form) >= 5:
                hits = process.extract(
                    form, choices, scorer=fuzz.ratio, score_cutoff=MIN_SCORE, limit=None
                )
                indices = [index for _choice, _score, index in hits]
            else:
                indices = [i for i, t in enumerate(choices) if t == form]
            owners.update((id(targets[i][1]), targets[i][1]) for i in indices)
        return next(iter(owners.values())) if len(owners) == 1 else None

    found = []
    for m in WORD.finditer(text):
        word = m.group().rstrip("'’-")
        if not word[:1].isupper() or len(word) < 4:
            continue
        if word not in verdicts:
            verdicts[word] = owner_of(word)
        if verdicts[word] is not None:
            found.append((m.start(), m.start() + len(word), verdicts[word]))
    return found
