"""Chairmanships of the CSTO, the priorities they set, the people and the meetings.

Documents and the citations that back every fact live in the `documents` app. Each concern
has its module; every model is importable from `presidencies.models`.
"""

from .chairmanships import OPEN_END, MemberState, Presidency, PresidencyQuerySet
from .meetings import Summit, SummitAttendance, SummitKind, SummitQuerySet, SummitStatus
from .people import Official, Position, slugify_name
from .priorities import Priority, PriorityQuerySet, PriorityStatus, Theme
from .revision import KnowledgeBaseRevision

__all__ = [
    "OPEN_END",
    "KnowledgeBaseRevision",
    "MemberState",
    "Official",
    "Position",
    "Presidency",
    "PresidencyQuerySet",
    "Priority",
    "PriorityQuerySet",
    "PriorityStatus",
    "Summit",
    "SummitAttendance",
    "SummitKind",
    "SummitQuerySet",
    "SummitStatus",
    "Theme",
    "slugify_name",
]
