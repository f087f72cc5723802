"""Viewsets of API v1: public reads, writes for editors with the model permission.

Each viewset reads through api.selectors, which names the joins its serializer needs.
Reads go through ConditionalReadMixin (ETag, 304, cached anonymous reads); writes through
DRF's own mixins, extended at their hooks.
"""

from django.db import IntegrityError, transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils.http import parse_http_date_safe
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.permissions import SAFE_METHODS

from documents.models import Citation
from provenance import annotations
from provenance.renderers import AnnotationRenderer

from . import filters as api_filters
from . import selectors
from . import serializers as s
from .caching import ConditionalReadMixin
from .errors import Conflict, PreconditionFailed
from .schema import READ_ERRORS, document_schema


class KnowledgeBaseViewSet(ConditionalReadMixin, viewsets.ModelViewSet):
    """Shared behaviour: writes in one transaction, clear errors instead of a 500."""

    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    # Where one record shows more than a row of a list: its serializer and its reads.
    detail_serializer_class = None
    detail_queryset = None

    def get_serializer_class(self):
        if self.action != "list" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return self.serializer_class

    def get_queryset(self):
        if self.action != "list" and self.detail_queryset is not None:
            return self.detail_queryset.all()
        return super().get_queryset()

    def get_object(self):
        instance = super().get_object()
        if self.request.method not in SAFE_METHODS:
            self.check_unmodified(instance)
        return instance

    def check_unmodified(self, instance) -> None:
        """Refuse a write based on a stale read: `If-Unmodified-Since` (the Last-Modified the
        client was given) older than the record's last change is a 412, nothing written."""
        since = parse_http_date_safe(self.request.headers.get("If-Unmodified-Since") or "")
        if since is not None and int(instance.updated_at.timestamp()) > since:
            raise PreconditionFailed(
                _(
                    "%(record)s was changed at %(time)s, after the version you read. "
                    "Read it again and reapply your change."
                )
                % {"record": instance, "time": instance.updated_at.isoformat()}
            )

    def _save(self, serializer) -> None:
        try:
            with transaction.atomic():
                serializer.save()
        except IntegrityError as exc:
            # A rule the database enforces that validation could not see (a concurrent
            # write, a trigger): nothing was stored.
            raise Conflict({"non_field_errors": [_integrity_message(exc)]}) from exc
        # The saved row read back through the queryset, so computed fields (neighbours,
        # counts) are those a later GET returns.
        serializer.instance = self.get_queryset().get(pk=serializer.instance.pk)

    def perform_create(self, serializer) -> None:
        self._save(serializer)

    def perform_update(self, serializer) -> None:
        self._save(serializer)

    def perform_destroy(self, instance) -> None:
        try:
            with transaction.atomic():
                instance.delete()
        except (ProtectedError, RestrictedError) as exc:
            refer = getattr(exc, "protected_objects", None) or exc.restricted_objects
            blockers = sorted({str(obj._meta.verbose_name_plural) for obj in refer})
            raise Conflict(
                _(
                    "%(record)s cannot be deleted: %(blockers)s refer to it. "
                    "Delete or reassign them first."
                )
                % {"record": instance, "blockers": ", ".join(blockers)}
            ) from exc


def resource_viewset(
    serializer,
    queryset,
    filterset,
    *,
    ordering: list[str],
    name: str,
    detail_serializer=None,
    detail_queryset=None,
    doc: str | None = None,
) -> type[KnowledgeBaseViewSet]:
    """The viewset of a resource that needs nothing beyond KnowledgeBaseViewSet: its
    serializer, its reads (a selector), its FilterSet and ordering, a detail serializer and
    queryset where one record shows more, and its schema under `name`."""
    viewset = type(
        serializer.__name__.removesuffix("Serializer") + "ViewSet",
        (KnowledgeBaseViewSet,),
        {
            "__module__": __name__,
            "__doc__": doc,
            "serializer_class": serializer,
            "detail_serializer_class": detail_serializer,
            "queryset": queryset,
            "detail_queryset": detail_queryset,
            "filterset_class": filterset,
            "ordering_fields": ordering,
        },
    )
    return document_schema(serializer, detail_serializer, name=name)(viewset)


def _integrity_message(exc: IntegrityError) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if text:
        return _("The database refused the change: %(reason)s") % {"reason": text}
    return _("The database refused it.")


MemberStateViewSet = resource_viewset(
    s.MemberStateSerializer, selectors.member_states(), api_filters.MemberStateFilter,
    ordering=["name", "iso_code", "updated_at"], name="member state",
)  # fmt: skip


ThemeViewSet = resource_viewset(
    s.ThemeSerializer, selectors.themes(), api_filters.ThemeFilter,
    ordering=["name", "updated_at", "priority_count"], name="theme",
)  # fmt: skip


PresidencyViewSet = resource_viewset(
    s.PresidencySerializer, selectors.presidencies(), api_filters.PresidencyFilter,
    ordering=["year", "start_date", "updated_at"], name="chairmanship",
    detail_serializer=s.PresidencyDetailSerializer,
    detail_queryset=selectors.presidencies(detail=True),
)  # fmt: skip


@document_schema(s.PrioritySerializer, name="priority")
class PriorityViewSet(KnowledgeBaseViewSet):
    serializer_class = s.PrioritySerializer
    queryset = selectors.priorities()
    filterset_class = api_filters.PriorityFilter
    ordering_fields = ["id", "order", "updated_at"]
    lookup_field = "pk"
    lookup_value_regex = r"[0-9]+"


OfficialViewSet = resource_viewset(
    s.OfficialSerializer, selectors.officials(), api_filters.OfficialFilter,
    ordering=["name", "updated_at"], name="official",
)  # fmt: skip


SummitViewSet = resource_viewset(
    s.SummitSerializer, selectors.summits(), api_filters.SummitFilter,
    ordering=["date", "updated_at"], name="meeting",
)  # fmt: skip


DocumentViewSet = resource_viewset(
    s.DocumentSerializer,
    # The texts are long and a list does not show them.
    selectors.documents().defer(*selectors.TEXT_FIELDS),
    api_filters.DocumentFilter,
    ordering=["date", "title", "created_at", "updated_at"], name="document",
    detail_serializer=s.DocumentDetailSerializer, detail_queryset=selectors.document_detail(),
)  # fmt: skip


WorkViewSet = resource_viewset(
    s.WorkSerializer, selectors.works(), api_filters.WorkFilter,
    ordering=["title", "updated_at"], name="work",
    doc="A statement with its versions (an original and its translations).",
)  # fmt: skip


@extend_schema_view(
    retrieve=extend_schema(
        summary="One citation (or, by content negotiation, its W3C Web Annotation)",
        responses={
            # Each representation by its full media type: the annotation's profile parameter
            # is what tells it from JSON-LD in general.
            (200, "application/json"): s.CitationSerializer,
            (200, "text/csv"): s.CitationSerializer,
            (200, annotations.MEDIA_TYPE): s.WebAnnotationSerializer,
            **READ_ERRORS,
        },
    )
)
@document_schema(s.CitationSerializer, name="citation")
class CitationViewSet(KnowledgeBaseViewSet):
    serializer_class = s.CitationSerializer
    filterset_class = api_filters.CitationFilter
    ordering_fields = ["id", "updated_at"]
    lookup_field = "pk"
    lookup_value_regex = r"[0-9]+"

    def get_renderers(self):
        renderers = super().get_renderers()
        # One citation may be asked for as a Web Annotation; lists have their collections.
        if self.action == "retrieve":
            renderers.append(AnnotationRenderer())
        return renderers

    def _as_annotation(self) -> bool:
        return isinstance(getattr(self.request, "accepted_renderer", None), AnnotationRenderer)

    def get_serializer_class(self):
        if self._as_annotation():
            return s.WebAnnotationSerializer
        return super().get_serializer_class()

    def get_queryset(self):
        if self._as_annotation():
            return annotations.for_annotations(Citation.objects.all())
        return selectors.citations()
