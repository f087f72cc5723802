"""Officials of the knowledge base named in the text, who of them speak, and the people
not yet known."""

from __future__ import annotations

import functools
import re

from .. import names

PERSON_TITLE = (
    r"(?:President|Prime Minister|Foreign Minister|Defen[cs]e Minister|"
    r"Minister of Foreign Affairs|Minister of Defen[cs]e|Minister|Secretary[- ]General|"
    r"Secretary of the Security Council|"
    r"Deputy Secretary[- ]General|Chairman|Chairwoman|Speaker|Ambassador|Mr|Mrs|Ms)"
)
_NAME_WORD = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
PERSON = re.compile(
    r"\b" + PERSON_TITLE + r"\.?"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
    r",?\s+(?P<name>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){1,2})(?![\w-])"
)
NOT_NAMES = {
    "Russia",
    "Russian",
    "Federation",
    "Republic",
    "Kyrgyz",
    "Kyrgyzstan",
    "Belarus",
    "Kazakhstan",
    "Tajikistan",
    "Armenia",
    "Collective",
    "Security",
    "Council",
    "Treaty",
    "Organisation",
    "Organization",
    "Ministers",
    "Minister",
    "Foreign",
    "Defence",
    "Defense",
    "Affairs",
    "General",
    "Secretary",
    "The",
    "This",
    "That",
    "His",
    "Her",
    "Our",
    "We",
    "In",
    "On",
    "At",
    "And",
    "Of",
    "Assembly",
    "Parliamentary",
    "State",
    "States",
    "Union",
    "Eurasian",
    "European",
    "United",
    "Nations",
    "Forces",
    "Office",
    "Joint",
    "Staff",
    "President",
    "Prime",
    "Chairman",
    "Chairmanship",
    "Presidency",
    "CSTO",
    "Mr",
    "Ms",
}


@functools.lru_cache(maxsize=2048)
def _alias_pattern(alias: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])")


# Who speaks. `Document.speakers` are "the officials who speak or are quoted as authors":
# the speaker labels of a transcript, the author a title names ("Lavrov’s remarks",
# "Interview with …", "Name: headline"), or a person the text has say something ("Lavrov
# said", "“…,” said Lavrov", "according to Lavrov"). Everyone else is only mentioned:
# meeting participants, people thanked, addressed or reported as doing something.
SPEECH_VERB = (
    r"(?:said|says|noted|notes|stated|states|emphasi[sz]ed|emphasi[sz]es|added|adds|"
    r"recalled|recalls|stressed|stresses|told|tells|continued|declared|declares|explained|"
    r"explains|underlined|underscored|pointed\s+out|remarked|commented|affirmed|assured|"
    r"insisted|warned|wrote|writes|replied|answered|had\s+this\s+to\s+say|"
    r"spoke|speaks|proposed|proposes|promised|promises|urged|called\s+for|"
    r"(?:is|was)\s+quoted\s+as\s+saying|"
    # Russian, in the past tense of either gender or the plural ("заявил", "отметила").
    r"(?:заявил|отметил|сказал|подчеркнул|сообщил|добавил|напомнил|предложил|говорил|"
    r"пояснил|указал|констатировал|призвал|ответил|пообещал|обещал|выразил|высказал|"
    r"выступил|написал)(?:а|и)?)\b"
)
_AUXILIARY = (
    r"(?:(?:has|had|also|further|then|again|later|once\s+again|earlier|for\s+his\s+part|"
    r"for\s+her\s+part|также|тоже|ранее|вновь|еще|в\s+сво(?:ем|ём)\s+выступлении|"
    r"в\s+интервью)\s+)*"
)
# Words a name's title is made of: "Russian Foreign Minister", "the Secretary General of".
_TITLE_WORD = (
    r"(?:[A-ZА-ЯЁ][\w’'.\-]*|(?:[A-ZА-ЯЁ]\.){1,2}|the|of|and|foreign|defen[cs]e|prime|"
    r"deputy|minister|president|министр\w*|президент\w*|генеральн\w*|секретар\w*|"
    r"иностранных|дел|обороны|"
    r"secretary|general|chairman|chairwoman|ambassador|spokes(?:wo)?man|head|state|security|"
    r"council|affairs)"
)
GENRE = (
    r"(?:opening\s+|closing\s+|welcoming\s+|keynote\s+)?(?:remarks|speech|address|statement|"
    r"interview|message|article|op-ed|letter|greetings?|answers|comments|briefing|"
    r"press\s+conference|words|lecture)\b"
)
GENRE_RU = (
    r"(?:Выступлени\w*|Интервью|Заявлени\w*|Стать\w*|Обращени\w*|Послани\w*|Ответы|"
    r"Комментари\w*|Приветстви\w*|Брифинг\w*)"
)
SPEAKS_AFTER = re.compile(
    # "Lavrov said", "Lavrov, the Russian minister, noted", "Sergey Lavrov, had this to say"
    r"(?:,\s*[^,.;:!?“”\"«»\n]{1,80},)?,?\s+"
    + _AUXILIARY
    + SPEECH_VERB
    # "Lavrov: “We will …”"
    + r"|\s*:\s*[“\"«‘]"
)
SPEAKS_BEFORE = re.compile(
    # "“…,” said Lavrov", "according to Foreign Minister Lavrov"
    r"(?:[”\"’»,]\s*" + SPEECH_VERB + r"|\b[Aa]ccording\s+to|\b[Qq]uoting)\s+"
    r"(?:" + _TITLE_WORD + r"\s+){0,6}$"
)
TITLE_AUTHOR_AFTER = re.compile(
    r"(?:’s|'s|’|')\s+(?:[\w\-]+\s+){0,3}?" + GENRE + r"|\s*:", re.IGNORECASE
)
TITLE_AUTHOR_BEFORE = re.compile(
    r"(?i:" + GENRE + r"\s+(?:by|of|from|with|given\s+by)\s+(?:" + _TITLE_WORD + r"\s+){0,6})$"
    # In Russian the author follows the genre in the genitive, with capitalised words, posts
    # and initials only ("Выступление Министра иностранных дел России С.В.Лаврова").
    r"|(?:^|\s)" + GENRE_RU + r"\s+(?:(?:[А-ЯЁ][\w\-]*|(?:[А-ЯЁ]\.){1,2}|иностранных|дел|"
    r"обороны|министр\w*|президент\w*|генеральн\w*|секретар\w*)\s*){0,8}$"
)
# The title words and initials before a speaker label's name: "President of Russia Vladimir
# Putin:", "В.Путин:".
LABEL_PREFIX = re.compile(r"(?:" + _TITLE_WORD + r"\s+){0,8}(?:[A-ZА-ЯЁ]\.\s*){0,2}")


def is_label(text: str, start: int, end: int) -> bool:
    """The name opens its line and a colon follows: "President of Russia Vladimir Putin: …"."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(LABEL_PREFIX.fullmatch(text[line_start:start]) and re.match(r"\s*:", text[end:]))


def speaks_at(text: str, start: int, end: int, title_length: int = 0) -> bool:
    """Whether the name at text[start:end] is said to speak or to author the text."""
    if SPEAKS_AFTER.match(text, end) or SPEAKS_BEFORE.search(text[max(0, start - 120) : start]):
        return True
    if end <= title_length:
        title = text[:title_length]
        return bool(
            TITLE_AUTHOR_AFTER.match(title, end) or TITLE_AUTHOR_BEFORE.search(title[:start])
        )
    return False


def _speakers(text: str, spans_of: dict, title_length: int, transcript: bool) -> tuple[list, list]:
    """(speakers, mentioned) of the people in `spans_of` {person: [spans]}, in text order."""
    labelled = {p for p, spans in spans_of.items() if any(is_label(text, *s) for s in spans)}
    if transcript and labelled:
        # A transcript's speakers are the people who speak in it: its speaker labels.
        speaking = labelled
    else:
        speaking = labelled | {
            p
            for p, spans in spans_of.items()
            if any(speaks_at(text, s, e, title_length) for s, e in spans)
        }
    return [p for p in spans_of if p in speaking], [p for p in spans_of if p not in speaking]


def name_spans(text: str, officials) -> tuple[dict, list[tuple[int, int]]]:
    """{official: spans where a form of the name stands} in order of first mention, and all
    the spans (longest form first, so "Russian Foreign Minister Sergey Lavrov" is one name)."""
    forms = []
    for official in officials:
        for form in [official.name, *official.alias_list]:
            forms.append((form, official))
    forms.sort(key=lambda item: len(item[0]), reverse=True)
    spans: list[tuple[int, int]] = []
    claimed = bytearray(len(text))
    found: dict = {}
    for form, official in forms:
        for m in _alias_pattern(form).finditer(text):
            if any(claimed[m.start() : m.end()]):
                continue
            claimed[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            spans.append((m.start(), m.end()))
            found.setdefault(official, []).append((m.start(), m.end()))
    # Then the surnames in other transliterations or in Cyrillic ("Sadyr Zhaparov", "Токаев"),
    # with a first name before them when it is the official's in any spelling.
    surnames = {}
    for official in officials:
        # The surname and one-word aliases, not the last word of "Russian Foreign Minister".
        for form in [official.name.split()[-1], *official.alias_list]:
            if " " not in form:
                surnames[form] = official
    for start, end, official in names.variant_spans(text, surnames):
        if any(claimed[start:end]):
            continue
        before = re.search(r"([^\W\d_][\w'’-]*)\s+$", text[max(0, start - 40) : start])
        if before and any(
            names.skeleton(before.group(1)) == names.skeleton(w) for w in official.name.split()
        ):
            start -= len(before.group(0))
        if any(claimed[start:end]):
            continue
        claimed[start:end] = b"\x01" * (end - start)
        spans.append((start, end))
        found.setdefault(official, []).append((start, end))
    ordered = sorted(found, key=lambda o: min(found[o]))
    return {o: sorted(found[o]) for o in ordered}, spans


def match_officials(
    text: str, officials, *, title_length: int = 0, transcript: bool = False
) -> tuple[list, list, list[tuple[int, int]]]:
    """(speakers, mentioned, spans): the officials of the knowledge base `text` has speak or
    quotes as authors, those it only names, and the spans their names cover.

    `title_length`: the text begins with the title, of that many characters.
    """
    spans_of, spans = name_spans(text, officials)
    speakers, mentioned = _speakers(text, spans_of, title_length, transcript)
    return speakers, mentioned, spans


def is_known(name: str, officials) -> bool:
    """Whether `name` is an official's name or alias, or ends on a one-word alias."""
    known_forms = {f.lower() for o in officials for f in [o.name, *o.alias_list]}
    known_words = {f.lower() for o in officials for f in o.alias_list if " " not in f}
    return name.lower() in known_forms or name.split()[-1].lower() in known_words


def find_unknown_people(text: str, officials, covered: list[tuple[int, int]]) -> list[str]:
    known_forms = {f.lower() for o in officials for f in [o.name, *o.alias_list]}
    known_words = {f.lower() for o in officials for f in o.alias_list if " " not in f}
    people: list[str] = []
    for m in PERSON.finditer(text):
        name = m["name"]
        s, e = m.span("name")
        if any(s < ce and cs < e for cs, ce in covered):
            continue
        words = name.split()
        if any(w in NOT_NAMES for w in words):
            continue
        if name.lower() in known_forms or words[-1].lower() in known_words:
            continue
        if name not in people:
            people.append(name)
    return people


def unknown_speakers(
    text: str, names: list[str], *, title_length: int = 0, transcript: bool = False
) -> list[str]:
    """Those of `names` (people not in the knowledge base) whom `text` has speak, by full
    name or by surname ("Ambassador Oleg Sverdlin said", "Sverdlin recalled")."""
    spans_of = {}
    for name in names:
        forms = {name, name.split()[-1]}
        spans_of[name] = [m.span() for form in forms for m in _alias_pattern(form).finditer(text)]
    return _speakers(text, spans_of, title_length, transcript)[0]
