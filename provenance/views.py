"""Annotation collections (per document, per chairmanship) and the stored text they select in."""

import json

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from documents.models import Citation, Document
from presidencies.models import Presidency

from . import annotations, citing
from .renderers import AnnotationRenderer

PAGE_SIZE = 20


def document_text(request, slug):
    """The cleaned text exactly as stored: what TextPositionSelector offsets count in."""
    document = get_object_or_404(Document.objects.only("text"), slug=slug)
    response = HttpResponse(document.text, content_type="text/plain; charset=utf-8")
    response["Link"] = f'<{document.get_absolute_url()}>; rel="canonical"'
    return response


COLLECTION = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description=(
        "A W3C `AnnotationCollection` (its first `AnnotationPage` embedded, `last` linked) or, "
        "with `page`, one `AnnotationPage` of up to 20 annotations with `next`/`prev`."
    ),
)


class AnnotationCollectionView(APIView):
    """Every citation of one subject as a paged W3C AnnotationCollection."""

    # The annotation media type first (the W3C protocol's); plain JSON for JSON clients.
    renderer_classes = [AnnotationRenderer, JSONRenderer]
    permission_classes = [AllowAny]  # a read of public records
    label = ""

    def get_scope(self, slug):
        raise NotImplementedError

    @extend_schema(
        parameters=[OpenApiParameter("page", int, description="An AnnotationPage (from 1).")],
        responses={
            200: COLLECTION,
            404: OpenApiResponse(description="No such record, or a page past the last."),
        },
    )
    def get(self, request, slug):
        label, citations = self.get_scope(slug)
        total = citations.count()
        last = max(1, -(-total // PAGE_SIZE))
        collection_url = request.build_absolute_uri(request.path)
        raw_page = request.query_params.get("page")
        try:
            number = int(raw_page) if raw_page is not None else None
        except ValueError:
            number = 0
        if number is not None and not 1 <= number <= last:
            raise NotFound(_("No such page."))

        def page(n: int, embedded: bool) -> dict:
            rows = annotations.for_annotations(citations)[(n - 1) * PAGE_SIZE : n * PAGE_SIZE]
            data = {
                "id": f"{collection_url}?page={n}",
                "type": "AnnotationPage",
                "partOf": collection_url if embedded else {"id": collection_url, "total": total},
                "startIndex": (n - 1) * PAGE_SIZE,
                "items": [annotations.annotation(request, c, embedded=True) for c in rows],
            }
            if n < last:
                data["next"] = f"{collection_url}?page={n + 1}"
            if n > 1:
                data["prev"] = f"{collection_url}?page={n - 1}"
            return data

        if number is not None:
            return Response({"@context": annotations.CONTEXT, **page(number, embedded=False)})
        return Response(
            {
                "@context": annotations.CONTEXT,
                "id": collection_url,
                "type": "AnnotationCollection",
                "label": label,
                "total": total,
                "first": page(1, embedded=True),
                "last": f"{collection_url}?page={last}",
            }
        )


class DocumentAnnotations(AnnotationCollectionView):
    def get_scope(self, slug):
        document = get_object_or_404(
            Document.objects.only("id", "title", "kind", "date", "publisher"), slug=slug
        )
        return f"Citations of {document.display_title}", document.citations.order_by("pk")


class PresidencyAnnotations(AnnotationCollectionView):
    def get_scope(self, slug):
        presidency = get_object_or_404(Presidency.objects.select_related("chair"), slug=slug)
        return f"Citations of the {presidency} chairmanship", annotations.of_presidency(presidency)


def _download(items: list[dict], fmt: str, filename: str) -> HttpResponse:
    if fmt == "ris":
        body = citing.to_ris(items)
    elif fmt == "bib":
        body = citing.to_bibtex(items)
    else:
        body = json.dumps(items, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type=f"{citing.MEDIA_TYPES[fmt]}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def cite_document(request, slug, fmt):
    document = get_object_or_404(
        Document.objects.prefetch_related("speakers").defer("text", "raw_text"), slug=slug
    )
    return _download([citing.csl_item(request, document)], fmt, document.slug)


def cite_quote(request, pk, fmt):
    citation = get_object_or_404(
        Citation.objects.select_related("document").defer("document__text", "document__raw_text"),
        pk=pk,
    )
    item = citing.csl_item(request, citation.document, citation)
    return _download([item], fmt, f"{citation.document.slug}-quote-{citation.pk}")


def cite_presidency(request, slug, fmt):
    presidency = get_object_or_404(Presidency, slug=slug)
    items = [citing.csl_item(request, d) for d in citing.presidency_sources(presidency)]
    return _download(items, fmt, f"{presidency.slug}-sources")
