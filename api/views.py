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
    detail_serializer_class = None

    def get_serializer_class(self):
        if self.action != "list" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return self.serializer_class

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


def _integrity_message(exc: IntegrityError) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if text:
        return _("The database refused the change: %(reason)s") % {"reason": text}
    return _("The database refused it.")


@document_schema(s.MemberStateSerializer, name="member state")
class MemberStateViewSet(KnowledgeBaseViewSet):
    serializer_class = s.MemberStateSerializer
    queryset = selectors.member_states()
    filterset_class = api_filters.MemberStateFilter
    ordering_fields = ["name", "iso_code", "updated_at"]


@document_schema(s.ThemeSerializer, name="theme")
class ThemeViewSet(KnowledgeBaseViewSet):
    serializer_class = s.ThemeSerializer
    queryset = selectors.themes()
    filterset_class = api_filters.ThemeFilter
    ordering_fields = ["name", "updated_at", "priority_count"]


@document_schema(s.PresidencySerializer, s.PresidencyDetailSerializer, name="chairmanship")
class PresidencyViewSet(KnowledgeBaseViewSet):
    serializer_class = s.PresidencySerializer
    detail_serializer_class = s.PresidencyDetailSerializer
    filterset_class = api_filters.PresidencyFilter
    ordering_fields = ["year", "start_date", "updated_at"]

    def get_queryset(self):
        return selectors.presidencies(detail=self.action != "list")


@document_schema(s.PrioritySerializer, name="priority")
class PriorityViewSet(KnowledgeBaseViewSet):
    serializer_class = s.PrioritySerializer
    queryset = selectors.priorities()
    filterset_class = api_filters.PriorityFilter
    ordering_fields = ["id", "order", "updated_at"]
    lookup_field = "pk"
    lookup_value_regex = r"[0-9]+"


@document_schema(s.OfficialSerializer, name="official")
class OfficialViewSet(KnowledgeBaseViewSet):
    serializer_class = s.OfficialSerializer
    queryset = selectors.officials()
    filterset_class = api_filters.OfficialFilter
    ordering_fields = ["name", "updated_at"]


@document_schema(s.SummitSerializer, name="meeting")
class SummitViewSet(KnowledgeBaseViewSet):
    serializer_class = s.SummitSerializer
    queryset = selectors.summits()
    filterset_class = api_filters.SummitFilter
    ordering_fields = ["date", "updated_at"]


@document_schema(s.DocumentSerializer, s.DocumentDetailSerializer, name="document")
class DocumentViewSet(KnowledgeBaseViewSet):
    serializer_class = s.DocumentSerializer
    detail_serializer_class = s.DocumentDetailSerializer
    filterset_class = api_filters.DocumentFilter
    ordering_fields = ["date", "title", "created_at", "updated_at"]

    def get_queryset(self):
        if self.action == "list":
            # The texts are long and a list does not show them.
            return selectors.documents().defer(*selectors.TEXT_FIELDS)
        return selectors.document_detail()


@document_schema(s.WorkSerializer, name="work")
class WorkViewSet(KnowledgeBaseViewSet):
    """A statement with its versions (an original and its translations)."""

    serializer_class = s.WorkSerializer
    queryset = selectors.works()
    filterset_class = api_filters.WorkFilter
    ordering_fields = ["title", "updated_at"]


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
