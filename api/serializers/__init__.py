"""Serializers of API v1: plain field names, related records by slug (priorities, citations
and posts by id), every item with its HTML page `url`.

Writes are validated by the models themselves (`full_clean`: field rules, `clean()` rules
that span rows such as overlapping chairmanships or a quote missing from its document, and
the `Meta.constraints`), so the API accepts exactly what the admin accepts.

Each resource has its module; every serializer is importable from `api.serializers`.
"""

from .base import (
    ModelValidatedSerializer,
    PageURLField,
    RecordSerializer,
    SlugReferenceField,
    slug_field,
)
from .chairmanships import (
    MemberStateSerializer,
    PresidencyDetailSerializer,
    PresidencyPrioritySerializer,
    PresidencySerializer,
    PrioritySerializer,
    ThemeSerializer,
)
from .citations import CitationBriefSerializer, CitationSerializer, WebAnnotationSerializer
from .documents import (
    DocumentDetailSerializer,
    DocumentSerializer,
    SiblingVersionsField,
    VersionSerializer,
    WorkSerializer,
)
from .people import OfficialSerializer, PositionSerializer, SummitSerializer

__all__ = [
    "CitationBriefSerializer",
    "CitationSerializer",
    "DocumentDetailSerializer",
    "DocumentSerializer",
    "MemberStateSerializer",
    "ModelValidatedSerializer",
    "OfficialSerializer",
    "PageURLField",
    "PositionSerializer",
    "PresidencyDetailSerializer",
    "PresidencyPrioritySerializer",
    "PresidencySerializer",
    "PrioritySerializer",
    "RecordSerializer",
    "SiblingVersionsField",
    "SlugReferenceField",
    "SummitSerializer",
    "ThemeSerializer",
    "VersionSerializer",
    "WebAnnotationSerializer",
    "WorkSerializer",
    "slug_field",
]
