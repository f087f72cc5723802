"""What an analysis gives, and the raw input's checks."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_BYTES = 2 * 1024 * 1024


@dataclass
class Candidate:
    """A sentence that may state a priority."""

    quote: str
    theme: object | None = None  # presidencies.Theme
    priority: object | None = None  # presidencies.Priority proposed to cite it for


@dataclass
class ThemeHit:
    theme: object
    count: int


@dataclass
class Analysis:
    raw: str
    title: str = ""
    text: str = ""
    date: datetime.date | None = None
    kind: str = "statement"
    publisher: str = ""
    language: str = "en"  # "ru" when most of the letters are Cyrillic
    # Officials of the knowledge base who speak or are quoted as authors (proposed as the
    # document's speakers), and those the text only mentions.
    officials: list = field(default_factory=list)
    mentioned: list = field(default_factory=list)
    # Names not in the knowledge base, and those of them who speak.
    unknown_people: list[str] = field(default_factory=list)
    unknown_speakers: list[str] = field(default_factory=list)
    presidency: object | None = None
    summit: object | None = None
    # A chairmanship the text states that the knowledge base lacks (proposals.py).
    proposed_presidency: object | None = None
    # A meeting the text states as held that the knowledge base lacks (meetings.py).
    proposed_summit: object | None = None
    # A stored text this one is a version of (versions.py).
    proposed_work: object | None = None
    themes: list[ThemeHit] = field(default_factory=list)
    priorities: list[Candidate] = field(default_factory=list)
    # What was inferred rather than read, for the review and the document's editorial note.
    notes: list[str] = field(default_factory=list)
    # The post the text gives a person not yet known ("Presidential Aide").
    posts: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "kind": self.kind,
            "publisher": self.publisher,
            "language": self.language,
            "text": self.text,
            "officials": [o.slug for o in self.officials],
            "mentioned": [o.slug for o in self.mentioned],
            "unknown_people": list(self.unknown_people),
            "unknown_speakers": list(self.unknown_speakers),
            "presidency": self.presidency.slug if self.presidency else None,
            "summit": self.summit.slug if self.summit else None,
            "proposed_presidency": (
                {
                    "chair": self.proposed_presidency.state.slug,
                    "year": self.proposed_presidency.year,
                    "start_date": (
                        self.proposed_presidency.start_date.isoformat()
                        if self.proposed_presidency.start_date
                        else None
                    ),
                    "quote": self.proposed_presidency.quote,
                }
                if self.proposed_presidency
                else None
            ),
            "proposed_summit": (
                {
                    "kind": self.proposed_summit.kind,
                    "city": self.proposed_summit.city,
                    "date": self.proposed_summit.date.isoformat(),
                    "title": self.proposed_summit.title,
                    "quote": self.proposed_summit.quote,
                    "instruments": list(self.proposed_summit.instruments),
                }
                if self.proposed_summit
                else None
            ),
            "proposed_work": self.proposed_work.as_dict() if self.proposed_work else None,
            "themes": [h.theme.slug for h in self.themes],
            "priorities": [
                {"quote": c.quote, "theme": c.theme.slug if c.theme else None}
                for c in self.priorities
            ],
            "notes": list(self.notes),
            "posts": dict(self.posts),
        }


# --------------------------------------------------------------------------- input


def detect_language(text: str) -> str:
    """ "ru" for a text whose letters are mostly Cyrillic, else "en" (the two languages the
    CSTO's bodies publish in that the knowledge base holds)."""
    letters = [ch for ch in text[:20000] if ch.isalpha()]
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    return "ru" if letters and cyrillic / len(letters) > 0.5 else "en"


class InputError(ValueError):
    """The bytes given are not a statement we can read."""


def decode_input(data: bytes) -> str:
    """UTF-8 text from uploaded bytes, or InputError with a message for the editor."""
    if len(data) > MAX_BYTES:
        raise InputError(
            _("The text is larger than %(size)s MB.") % {"size": MAX_BYTES // (1024 * 1024)}
        )
    if b"\x00" in data:
        raise InputError(_("This is a binary file, not a text."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            _("The text is not UTF-8 (byte %(byte)s).") % {"byte": exc.start}
        ) from None
    if not text.strip():
        raise InputError(_("The text is empty."))
    return text
