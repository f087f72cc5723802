"""People not yet known, introduced by their post before or after the name.

"Presidential Aide Yuri Ushakov", "Kremlin spokesman Dmitry Peskov", "the country's
permanent representative to the CSTO, Marat Syzdykov, said", "Marat Syzdykov, the
permanent representative of Kazakhstan to the CSTO, said". Pure text functions.
"""

from __future__ import annotations

import re

# The noun a post ends on (before the name) or contains (after it).
POST_NOUN = (
    r"(?:aide|adviser|advisor|assistant|spokes(?:man|woman|person)|representative|envoy|"
    r"ambassador|minister|secretary|chairman|chairwoman|chair|director|head|commander|chief|"
    r"deputy|ombudsman|governor|mayor|speaker|president|premier|officer|coordinator|"
    r"commissioner|counsellor|counselor|consul|attaché|attache)"
)
POST_NOUN_RE = re.compile(r"\b" + POST_NOUN + r"\b", re.IGNORECASE)
_NAME_WORD = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# Two or three capitalised words: a name, possibly with capitalised post words before it.
CAPITALISED_RUN = re.compile(r"(?<![\w-])" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r")+(?![\w-])")
# Words that may stand in a post written before the name without a comma.
_POST_WORD = re.compile(
    r"^(?:[A-Z][\w'’.-]*|of|the|for|to|on|at|in|and|" + POST_NOUN + r"|deputy|first|vice|"
    r"special|permanent|press|foreign|defen[cs]e|prime|general|national|security|"
    r"presidential|kremlin|state|senior)$",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(r"[.;:!?()\"“”«»]")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _is_post(phrase: str) -> bool:
    return bool(POST_NOUN_RE.search(phrase)) and len(phrase.split()) <= 12


def _post_before(text: str, start: int) -> str:
    """The post written before a name: in the capitalised run itself ("Presidential Aide"),
    with lower-case words before it ("Kremlin spokesman"), or as a phrase set off by a
    comma ("the country's permanent representative to the CSTO, ")."""
    before = text[max(0, start - 160) : start]
    cut = max((m.end() for m in CLAUSE_BREAK.finditer(before)), default=0)
    before = before[cut:]
    if before.rstrip().endswith(","):
        segment = before.rstrip()[:-1]
        segment = segment.rsplit(",", 1)[-1].strip()
        return _ARTICLE.sub("", segment) if _is_post(segment) else ""
    words = before.split()
    post: list[str] = []
    for word in reversed(words):
        if not _POST_WORD.match(word.strip(",")) or word.endswith(","):
            break
        post.insert(0, word)
        if len(post) > 8:
            break
    while post and not POST_NOUN_RE.fullmatch(post[-1]):
        post.pop()  # the post ends on its noun: "Deputy Foreign Minister", not "… of"
    while post and post[0].lower() in ("of", "the", "for", "to", "on", "at", "in", "and"):
        post.pop(0)
    return " ".join(post)


def _post_after(text: str, end: int) -> str:
    """ ", the permanent representative of Kazakhstan to the CSTO," after a name."""
    m = re.match(r",\s+((?:the|a|an|[A-Z])[^,.;:()]{2,120})[,.;]", text[end : end + 140])
    if not m:
        return ""
    phrase = m.group(1).strip()
    if re.match(r"^(?:the|a|an)\s", phrase, re.IGNORECASE) or POST_NOUN_RE.match(phrase):
        return _ARTICLE.sub("", phrase) if _is_post(phrase) else ""
    return ""


def people_by_post(text: str, covered, not_names: set[str]) -> list[tuple[str, str]]:
    """(name, post) of each person the text introduces by a post, in order, once each;
    `covered` are the spans of known officials, `not_names` words that are never names."""
    found: dict[str, str] = {}
    for m in CAPITALISED_RUN.finditer(text):
        words = m.group().split()
        # The name follows the last post word of the run: "Presidential Aide | Yuri Ushakov".
        last_post = max((i for i, w in enumerate(words) if POST_NOUN_RE.fullmatch(w)), default=-1)
        name_words = words[last_post + 1 :]
        if not 2 <= len(name_words) <= 3 or any(w in not_names for w in name_words):
            continue
        name = " ".join(name_words)
        start = m.end() - len(name)
        if any(start < ce and cs < m.end() for cs, ce in covered):
            continue
        post = _post_before(text, start) or _post_after(text, m.end())
        if post and name not in found:
            found[name] = post
    return list(found.items())


# Russian posts, the noun in the nominative ("помощник президента Юрий Ушаков",
# "Официальный представитель МИД России Мария Захарова"): the name after it is nominative
# too. After a post in another case ("Генерального секретаря … Станислава Зася") the name
# is declined, and is not proposed in a form the editor would have to correct.
RU_POST_NOUN = re.compile(
    r"^(?:помощник|советник|представитель|постпред|посол|министр|замминистра|секретарь|"
    r"пресс-секретарь|председатель|директор|глава|руководитель|командующий|начальник|"
    r"заместитель|спикер|президент|премьер-министр|премьер|спецпредставитель|генсек|"
    r"уполномоченный|посланник|консул|губернатор|мэр)$",
    re.IGNORECASE,
)
_RU_NAME_WORD = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
RU_CAPITALISED_RUN = re.compile(
    r"(?<![\w-])" + _RU_NAME_WORD + r"(?:\s+" + _RU_NAME_WORD + r")+(?![\w-])"
)
# Words a Russian post is made of besides its noun: lower-case words and acronyms (МИД,
# ОДКБ), a state's name ("России") or an adjective at the sentence's start ("Официальный").
_RU_POST_WORD = re.compile(r"^(?:[а-яё\-]+|[А-ЯЁ]{2,}|[А-ЯЁ][а-яё\-]+)$")
RU_NOT_NAMES = re.compile(
    r"^(?:Росси\w*|Российск\w*|Беларус\w*|Белорусс\w*|Казахстан\w*|Кыргызстан\w*|Киргизи\w*|"
    r"Таджикистан\w*|Армени\w*|Узбекистан\w*|Федераци\w*|Республик\w*|Президент\w*|"
    r"Министр\w*|Генеральн\w*|Официальн\w*|Постоянн\w*|Совет\w*|Организаци\w*)$"
)


def _ru_post_before(text: str, start: int) -> str:
    before = text[max(0, start - 120) : start]
    cut = max((m.end() for m in CLAUSE_BREAK.finditer(before)), default=0)
    words = before[cut:].replace(",", " , ").split()
    post: list[str] = []
    for word in reversed(words):
        if word == "," or not _RU_POST_WORD.match(word) or len(post) >= 6:
            break
        post.insert(0, word)
    for i, word in enumerate(post):
        if RU_POST_NOUN.match(word):
            return " ".join(post[max(0, i - 1) if i and post[i - 1][:1].isupper() else i :])
    return ""


def russian_people_by_post(text: str, covered) -> list[tuple[str, str]]:
    """(name, post) of each person a Russian text introduces by a post in the nominative."""
    found: dict[str, str] = {}
    for m in RU_CAPITALISED_RUN.finditer(text):
        words = m.group().split()
        while words and RU_NOT_NAMES.match(words[0]):
            words.pop(0)
        if not 2 <= len(words) <= 3:
            continue
        name = " ".join(words)
        start = m.end() - len(name)
        if any(start < ce and cs < m.end() for cs, ce in covered):
            continue
        post = _ru_post_before(text, start)
        if post and name not in found:
            found[name] = post
    return list(found.items())
