"""Viewsets of API v1: public reads, writes for editors with the model permission.

Each viewset names the joins its serializer needs, so a page of any size costs the same
number of queries. Reads go through ConditionalReadMixin (ETag, 304, cached anonymous reads).
"""

from django.db import IntegrityError, transaction
from django.db.models import Count, Prefetch, ProtectedError, RestrictedError
from django.utils.http import parse_http_date_safe
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import filters, serializers, status, viewsets
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.response import Response

from cstokb.models import CONFLICT
from documents.models import Citation, Document, Work
from presidencies.models import (
    MemberState,
    Official,
    Position,
    Presidency,
    Priority,
    Summit,
    Theme,
)
from provenance import annotations
from provenance.renderers import AnnotationRenderer

from . import filters as api_filters
from . import serializers as s
from .caching import ConditionalReadMixin


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


NOT_MODIFIED = OpenApiResponse(description="Not modified: the `If-None-Match` ETag is current.")
ERROR = OpenApiResponse(ErrorSerializer, description="The reason, in `detail`.")
FIELD_ERRORS = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="Invalid input: an object of field names (or `non_field_errors`) to messages.",
)
READ_ERRORS = {304: NOT_MODIFIED, 404: ERROR}
STALE = OpenApiResponse(
    ErrorSerializer, description="`If-Unmodified-Since` is older than the record's last change."
)
CONFLICTS = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="Well formed, but at odds with what is stored (a slug or name taken, a related "
    "record that does not exist, a period overlapping another chairmanship, a quote absent "
    "from its document): field names to messages, as for a 400. Nothing stored.",
)
WRITE_ERRORS = {
    400: FIELD_ERRORS,
    401: ERROR,
    403: ERROR,
    404: ERROR,
    409: CONFLICTS,
    412: STALE,
}
# Error codes of a request refused for what is stored rather than for its own form.
CONFLICT_CODES = frozenset({"unique", "unique_together", "does_not_exist", CONFLICT})


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def _codes(detail) -> set[str]:
    if isinstance(detail, dict):
        return set().union(*(_codes(v) for v in detail.values()))
    if isinstance(detail, list):
        return set().union(*(_codes(v) for v in detail))
    return {getattr(detail, "code", "invalid")}


def validate(serializer) -> None:
    """A 400 for input that is wrong on its own, a 409 when only the stored data refuse it."""
    if serializer.is_valid():
        return
    if _codes(serializer.errors) <= CONFLICT_CODES:
        raise Conflict(serializer.errors)
    raise ValidationError(serializer.errors)


def document_schema(serializer, detail_serializer=None, name: str = "item"):
    """Responses of each operation, errors included, for the OpenAPI schema."""
    detail_serializer = detail_serializer or serializer

    def write(verb: str, success: int = 200):
        return extend_schema(
            summary=f"{verb} a {name} (editors)",
            request=detail_serializer,
            responses={success: detail_serializer, **WRITE_ERRORS},
        )

    return extend_schema_view(
        list=extend_schema(
            summary=f"List {name}s",
            responses={
                200: serializer(many=True),
                304: NOT_MODIFIED,
                400: FIELD_ERRORS,
                404: ERROR,
            },
        ),
        retrieve=extend_schema(
            summary=f"One {name}", responses={200: detail_serializer, **READ_ERRORS}
        ),
        create=write("Add", 201),
        update=write("Replace"),
        partial_update=write("Change"),
        destroy=extend_schema(
            summary=f"Delete a {name} (editors)",
            responses={
                204: OpenApiResponse(description="Deleted."),
                401: ERROR,
                403: ERROR,
                404: ERROR,
                412: STALE,
                409: OpenApiResponse(
                    ErrorSerializer, description="Other records depend on it; nothing deleted."
                ),
            },
        ),
    )


class StableOrderingFilter(filters.OrderingFilter):
    """Adds the primary key as a last sort key, so pages never repeat or skip an item."""

    def get_ordering(self, request, queryset, view):
        ordering = list(super().get_ordering(request, queryset, view) or [])
        if ordering and not {"pk", "-pk", "id", "-id"} & set(ordering):
            ordering.append("pk")
        return ordering


class KnowledgeBaseViewSet(ConditionalReadMixin, viewsets.ModelViewSet):
    """Shared behaviour: writes in one transaction, clear errors instead of a 500."""

    filter_backends = [
        api_filters.KnowledgeBaseFilterBackend,
        StableOrderingFilter,
    ]
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    detail_serializer_class = None

    def get_serializer_class(self):
        if self.action != "list" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return self.serializer_class

    def _save(self, serializer) -> None:
        try:
            with transaction.atomic():
                serializer.save()
        except IntegrityError as exc:
            # A rule the database enforces that validation could not see (a concurrent
            # write, a trigger): nothing was stored.
            raise Conflict({"non_field_errors": [_integrity_message(exc)]}) from exc

    def perform_create(self, serializer) -> None:
        self._save(serializer)

    def perform_update(self, serializer) -> None:
        self._save(serializer)

    def _fresh(self, instance) -> dict:
        # Read the saved row back through the queryset, so computed fields (neighbours,
        # counts) are those a later GET returns.
        return self.get_serializer(self.get_queryset().get(pk=instance.pk)).data

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        validate(serializer)
        self.perform_create(serializer)
        data = self._fresh(serializer.instance)
        return Response(
            data, status=status.HTTP_201_CREATED, headers=self.get_success_headers(data)
        )

    def check_unmodified(self, request, instance) -> Response | None:
        """Refuse a write based on a stale read: `If-Unmodified-Since` (the Last-Modified the
        client was given) older than the record's last change is a 412, nothing written."""
        since = parse_http_date_safe(request.headers.get("If-Unmodified-Since") or "")
        if since is not None and int(instance.updated_at.timestamp()) > since:
            return Response(
                {
                    "detail": f"{instance} was changed at {instance.updated_at.isoformat()}, "
                    "after the version you read. Read it again and reapply your change."
                },
                status=status.HTTP_412_PRECONDITION_FAILED,
            )
        return None

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        instance = self.get_object()
        if stale := self.check_unmodified(request, instance):
            return stale
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        validate(serializer)
        self.perform_update(serializer)
        return Response(self._fresh(serializer.instance))

    def destroy(self, request, *args, **kwargs):
        instance = self.get_object()
        if stale := self.check_unmodified(request, instance):
            return stale
        try:
            with transaction.atomic():
                instance.delete()
        except (ProtectedError, RestrictedError) as exc:
            blockers = sorted({str(obj._meta.verbose_name_plural) for obj in exc.protected_objects})
            return Response(
                {
                    "detail": f"{instance} cannot be deleted: {', '.join(blockers)} "
                    "refer to it. Delete or reassign them first."
                },
                status=status.HTTP_409_CONFLICT,
            )
        return Response(status=status.HTTP_204_NO_CONTENT)


def _integrity_message(exc: IntegrityError) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"The database refused the change: {text}" if text else "The database refused it."


@document_schema(s.MemberStateSerializer, name="member state")
class MemberStateViewSet(KnowledgeBaseViewSet):
    queryset = MemberState.objects.all()
    serializer_class = s.MemberStateSerializer
    filterset_class = api_filters.MemberStateFilter
    ordering_fields = ["name", "iso_code", "updated_at"]


@document_schema(s.ThemeSerializer, name="theme")
class ThemeViewSet(KnowledgeBaseViewSet):
    queryset = Theme.objects.annotate(priority_count=Count("priorities")).order_by("name")
    serializer_class = s.ThemeSerializer
    filterset_class = api_filters.ThemeFilter
    ordering_fields = ["name", "updated_at", "priority_count"]


@document_schema(s.PresidencySerializer, s.PresidencyDetailSerializer, name="chairmanship")
class PresidencyViewSet(KnowledgeBaseViewSet):
    serializer_class = s.PresidencySerializer
    detail_serializer_class = s.PresidencyDetailSerializer
    filterset_class = api_filters.PresidencyFilter
    ordering_fields = ["year", "start_date", "updated_at"]

    def get_queryset(self):
        # The chair's name, the neighbours and the count are in the row's own query.
        queryset = Presidency.objects.select_related("chair").with_priority_count()
        queryset = queryset.with_neighbours().order_by("year")
        if self.action == "list":
            return queryset
        citations = Citation.objects.select_related("document").only(
            "id", "quote", "role", "priority_id", "presidency_id", "document", "document__slug"
        )
        return queryset.prefetch_related(
            Prefetch(
                "priorities",
                queryset=Priority.objects.select_related("theme")
                .prefetch_related(
                    Prefetch("citations", queryset=citations.order_by("pk")),
                    Prefetch("instruments", queryset=Document.objects.only("id", "slug")),
                )
                .order_by("theme__name", "order", "pk"),
            ),
            Prefetch("summits", queryset=Summit.objects.only("id", "slug", "presidency_id")),
            Prefetch("citations", queryset=citations.order_by("pk")),
        )


@document_schema(s.PrioritySerializer, name="priority")
class PriorityViewSet(KnowledgeBaseViewSet):
    serializer_class = s.PrioritySerializer
    filterset_class = api_filters.PriorityFilter
    ordering_fields = ["id", "order", "updated_at"]
    lookup_field = "pk"
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        citations = Citation.objects.select_related("document").only(
            "id", "quote", "role", "priority_id", "document", "document__slug"
        )
        return Priority.objects.select_related("presidency", "theme").prefetch_related(
            Prefetch("citations", queryset=citations.order_by("pk")),
            Prefetch("instruments", queryset=Document.objects.only("id", "slug")),
        )


@document_schema(s.OfficialSerializer, name="official")
class OfficialViewSet(KnowledgeBaseViewSet):
    serializer_class = s.OfficialSerializer
    filterset_class = api_filters.OfficialFilter
    ordering_fields = ["name", "updated_at"]

    def get_queryset(self):
        return Official.objects.prefetch_related(
            Prefetch(
                "positions",
                queryset=Position.objects.select_related("member_state").order_by(
                    "start_date", "pk"
                ),
            )
        )


@document_schema(s.SummitSerializer, name="meeting")
class SummitViewSet(KnowledgeBaseViewSet):
    serializer_class = s.SummitSerializer
    filterset_class = api_filters.SummitFilter
    ordering_fields = ["date", "updated_at"]

    def get_queryset(self):
        return Summit.objects.select_related("presidency").prefetch_related(
            Prefetch("participants", queryset=Official.objects.only("id", "slug")),
            Prefetch("documents", queryset=Document.objects.only("id", "slug", "summit_id")),
        )


@document_schema(s.DocumentSerializer, s.DocumentDetailSerializer, name="document")
class DocumentViewSet(KnowledgeBaseViewSet):
    serializer_class = s.DocumentSerializer
    detail_serializer_class = s.DocumentDetailSerializer
    filterset_class = api_filters.DocumentFilter
    ordering_fields = ["date", "title", "created_at", "updated_at"]

    def get_queryset(self):
        queryset = Document.objects.select_related("presidency", "summit", "work").prefetch_related(
            Prefetch("speakers", queryset=Official.objects.only("id", "slug")),
            # The sibling versions: one query for the whole page.
            Prefetch("work__versions", queryset=Document.objects.only("id", "slug", "work_id")),
        )
        if self.action == "list":
            # The texts are long and a list does not show them.
            return queryset.defer("text", "raw_text")
        return queryset.defer("raw_text").prefetch_related(
            Prefetch(
                "citations",
                queryset=Citation.objects.select_related("document")
                .only("id", "quote", "role", "document", "document__slug")
                .order_by("pk"),
            )
        )


@document_schema(s.WorkSerializer, name="work")
class WorkViewSet(KnowledgeBaseViewSet):
    """A statement with its versions (an original and its translations)."""

    serializer_class = s.WorkSerializer
    filterset_class = api_filters.WorkFilter
    ordering_fields = ["title", "updated_at"]

    def get_queryset(self):
        return Work.objects.prefetch_related(
            Prefetch(
                "versions", queryset=Document.objects.defer("text", "raw_text").in_version_order()
            )
        )


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
        return Citation.objects.select_related(
            "document", "presidency", "summit", "member_state", "instrument"
        ).defer(
            "document__text",
            "document__raw_text",
            "instrument__text",
            "instrument__raw_text",
        )
