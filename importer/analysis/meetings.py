"""A meeting the text states and the knowledge base lacks, proposed for the editor.

"The session of the Collective Security Council was held in Astana on 28 November 2024",
"23 ноября 2023 года в Минске состоялась сессия Совета коллективной безопасности",
"Leaders … gathered in Astana on Thursday for the session of the Collective Security
Council" (the day of a dated text), "Yesterday the leaders met in Minsk …" (the day
before). A sentence that announces a meeting ("will be held", "we intend to hold") proposes
nothing. Pure text functions; `analyse()` checks the knowledge base.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from .dates import full_dates
from .people import _alias_pattern
from .sentences import sentences

# How a text names a meeting of each kind, in English and Russian, most specific first.
MEETING_WORDS = {
    "cfm": r"Council of (?:the )?Foreign Ministers|foreign ministers|ministerial"
    r"|Совет\w*\s+министров\s+иностранных\s+дел|СМИД",
    "cdm": r"Council of (?:the )?Defen[cs]e Ministers|defen[cs]e ministers"
    r"|Совет\w*\s+министров\s+обороны|СМО",
    "cssc": r"Secretaries of (?:the )?Security Councils|Комитет\w*\s+секретарей\s+советов",
    "csc": r"Collective Security Council|summit|Совет\w*\s+коллективной\s+безопасности|саммит\w*",
    "forum": r"forum|форум\w*",
}
MEETING_PATTERNS = {
    kind: re.compile(r"(?<!\w)(?:" + words + r")(?!\w)", re.IGNORECASE)
    for kind, words in MEETING_WORDS.items()
}
# The cities the CSTO's bodies meet in, as the knowledge base records them (in English),
# with their Russian forms in any case ("в Минске", "в Астане").
CITY_FORMS = {
    "Moscow": r"Moscow|Москв\w*",
    "Minsk": r"Minsk|Минск\w*",
    "Astana": r"Astana|Nur-Sultan|Астан\w*|Нур-Султан\w*",
    "Almaty": r"Almaty|Алмат\w*",
    "Bishkek": r"Bishkek|Бишкек\w*",
    "Cholpon-Ata": r"Cholpon-Ata|Чолпон-Ат\w*",
    "Dushanbe": r"Dushanbe|Душанбе",
    "Yerevan": r"Yerevan|Ереван\w*",
    "Sochi": r"Sochi|Сочи",
    "Saint Petersburg": r"(?:Saint|St\.?) Petersburg|Санкт-Петербург\w*",
}
CITY_PATTERNS = {
    city: re.compile(r"(?<![\w-])(?:" + forms + r")(?![\w-])") for city, forms in CITY_FORMS.items()
}
HELD = re.compile(
    r"\b(?:held|met|gathered|took place|convened|opened|hosted|was hosted)\b"
    r"|(?<!\w)(?:состоял\w*|прош(?:ла|ло|ел|ли)|собрал\w*|открыл\w*|заверши\w*)",
    re.IGNORECASE,
)
ANNOUNCED = re.compile(
    r"\b(?:will|would|shall|intends?|intend to|plans?|planned|to hold|next|upcoming|"
    r"forthcoming)\b|(?<!\w)(?:будет|пройдет|состоится|планиру\w*|предстоящ\w*|следующ\w*)",
    re.IGNORECASE,
)
YESTERDAY = re.compile(r"\byesterday\b|(?<!\w)вчера(?!\w)", re.IGNORECASE)
SIGNED = re.compile(
    r"\b(?:signed|adopted|approved)\b|(?<!\w)(?:подписал\w*|принял\w*|утвердил\w*)",
    re.IGNORECASE,
)


@dataclass
class MeetingProposal:
    kind: str
    city: str
    date: datetime.date
    quote: str
    # Sentences that state the instruments signed or adopted there.
    instruments: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        from presidencies.models import SummitKind

        return f"{SummitKind(self.kind).label}, {self.city}, {self.date:%-d %B %Y}"

    def __str__(self) -> str:
        return self.title


def meeting_kind(sentence: str) -> str:
    """The kind of the meeting the sentence names first, or ""."""
    found = [(m.start(), kind) for kind, p in MEETING_PATTERNS.items() if (m := p.search(sentence))]
    return min(found)[1] if found else ""


def city_in(sentence: str, extra_cities=()) -> str:
    """The one meeting city the sentence names, in its English form, or ""."""
    found = {city for city in {*CITY_PATTERNS, *extra_cities} if city_named(sentence, city)}
    return found.pop() if len(found) == 1 else ""


def city_named(text: str, city: str) -> bool:
    """Whether `text` names `city` in English or in Russian."""
    return bool((CITY_PATTERNS.get(city) or _alias_pattern(city)).search(text))


def _from_sentence(sentence: str, day, extra_cities) -> MeetingProposal | None:
    kind = meeting_kind(sentence)
    if not kind or not HELD.search(sentence) or ANNOUNCED.search(sentence):
        return None
    city = city_in(sentence, extra_cities)
    if not city:
        return None
    dates = {d for _s, _e, d in full_dates(sentence)}
    if len(dates) == 1:
        held = dates.pop()
    elif dates or day is None:
        return None
    elif YESTERDAY.search(sentence):
        held = day - datetime.timedelta(days=1)
    else:
        held = day  # "gathered in Astana on Thursday": the day of the dateline
    return MeetingProposal(kind, city, held, sentence)


def propose_meeting(
    text: str, day: datetime.date | None, extra_cities=()
) -> MeetingProposal | None:
    """The first meeting the text states as held, with its kind, city and date, and the
    sentences that state what was signed there; None when it states none."""
    proposal = None
    signed = []
    for sentence in sentences(text):
        if proposal is None:
            proposal = _from_sentence(sentence, day, extra_cities)
        if SIGNED.search(sentence) and not ANNOUNCED.search(sentence):
            signed.append(sentence)
    if proposal is not None:
        proposal.instruments = [s for s in signed if s != proposal.quote or SIGNED.search(s)]
    return proposal
