"""GET /api/v1/search/: the search page's results, facets and pagination as JSON."""

from django.urls import reverse
from django.utils.http import urlencode
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from search.engine import MAX_PAGE, SLUG, InvalidPage, SearchResults, clean_params, search
from search.facets import FACETS, KIND_LABELS
from search.query import MAX_QUERY_LENGTH, QueryError
from search.suggest import suggest

from .caching import ConditionalReadMixin


class HitSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=["document", "priority"])
    id = serializers.IntegerField()
    slug = serializers.CharField(
        allow_null=True, help_text="The document's slug; null for a priority (use `id`)."
    )
    title = serializers.CharField()
    title_highlighted = serializers.CharField(
        source="title_html", help_text="The title, HTML-escaped, matched words in <mark>."
    )
    url = serializers.CharField(
        help_text="The page of the result, at the matching paragraph (#p-N) of a document "
        "or at the priority on its chairmanship's page."
    )
    snippet = serializers.CharField(
        help_text="A passage around the matched words: HTML-escaped text, matches in <mark>."
    )
    rank = serializers.FloatField(help_text="Relevance; higher is better.")
    date = serializers.DateField(allow_null=True)
    kind = serializers.ChoiceField(choices=list(KIND_LABELS))
    kind_label = serializers.CharField()
    presidency = serializers.CharField(allow_null=True, help_text="The chairmanship's slug.")
    presidency_label = serializers.CharField()
    paragraph = serializers.IntegerField(allow_null=True)
    speakers = serializers.SerializerMethodField()
    theme = serializers.CharField(help_text="A priority's theme; empty for a document.")

    def get_speakers(self, hit) -> list[dict[str, str]]:
        return [{"slug": slug, "name": name} for slug, name in hit.speakers]


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField(help_text="Pass it as the facet's parameter to filter.")
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


class FacetsSerializer(serializers.Serializer):
    kind = FacetValueSerializer(many=True)
    presidency = FacetValueSerializer(many=True)
    year = FacetValueSerializer(many=True)
    speaker = FacetValueSerializer(many=True)


class SearchResponseSerializer(serializers.Serializer):
    query = serializers.CharField(help_text="The query as understood (canonical syntax).")
    count = serializers.IntegerField()
    count_exact = serializers.BooleanField(
        help_text="False when `count` is a lower bound: more results may match, and only "
        "the first `count` are counted in the facets and reachable by page (a common query "
        "is read as far as its best 1,000 matches; a phrase is checked on a bounded number "
        "of the documents holding its words)."
    )
    facets_exact = serializers.BooleanField(
        help_text="False when the facet counts were taken over part of the matches: each "
        "is then a lower bound."
    )
    page = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = HitSerializer(many=True)
    facets = FacetsSerializer()
    suggestions = serializers.ListField(
        child=serializers.CharField(), help_text="Near spellings when nothing matched."
    )


class SearchErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    # Absent from a 404 for an unknown ?format=, which names no parameter of the search.
    code = serializers.CharField(required=False)
    parameter = serializers.CharField(required=False)


# Empty is no filter, as in the lists.
SLUG_SCHEMA = {"type": "string", "pattern": SLUG.pattern.replace("{1,", "{0,")}
PARAMETERS = [
    OpenApiParameter(
        "q",
        # At least one letter or digit: a query of only punctuation or spaces is a 400.
        {"type": "string", "minLength": 1, "maxLength": MAX_QUERY_LENGTH, "pattern": r"[^\W_]"},
        required=True,
        description=f'Words, "phrases", OR, -exclusions; at most {MAX_QUERY_LENGTH} characters.',
    ),
    OpenApiParameter(
        "kind",
        OpenApiTypes.STR,
        enum=list(KIND_LABELS),
        description="A document kind, or `priority` for priorities only.",
    ),
    OpenApiParameter("presidency", SLUG_SCHEMA, description="Chairmanship slug."),
    OpenApiParameter(
        "year",
        {"type": "integer", "minimum": 1000, "maximum": 9999},
        description="Year (four digits).",
    ),
    OpenApiParameter("speaker", SLUG_SCHEMA, description="Official's slug."),
    OpenApiParameter(
        "page",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
        description="Page number, from 1.",
    ),
]


class SearchAPIView(ConditionalReadMixin, APIView):
    """Full-text search over documents, priorities and their quotes."""

    # Read-only and public; no model queryset for DjangoModelPermissions to check.
    permission_classes = [AllowAny]
    http_method_names = ["get", "head", "options"]
    # The columns of an empty result's CSV: a hit's fields.
    csv_header = list(HitSerializer().fields)

    def _page_url(self, request: Request, results: SearchResults, page: int) -> str:
        params = {"q": results.query.raw, **results.filters, "page": page}
        query = urlencode({k: v for k, v in params.items() if v is not None})
        return request.build_absolute_uri(f"{reverse('api:search')}?{query}")

    @extend_schema(
        operation_id="search",
        summary="Search documents, priorities and quotes",
        parameters=PARAMETERS,
        responses={
            200: SearchResponseSerializer,
            304: OpenApiResponse(description="Not modified: the `If-None-Match` ETag is current."),
            400: SearchErrorSerializer,
            404: SearchErrorSerializer,
        },
        examples=[
            OpenApiExample(
                "Invalid query",
                value={"detail": "Type a word or a phrase.", "code": "empty", "parameter": "q"},
                response_only=True,
                status_codes=["400"],
            )
        ],
    )
    def get(self, request: Request) -> Response:
        # Same validators and response cache as every other read of the API.
        return self.conditional(request, lambda: self._search(request))

    def _search(self, request: Request) -> Response:
        try:
            results = search(**clean_params(request.query_params))
        except QueryError as error:
            body = {"detail": error.message, "code": error.code, "parameter": error.field}
            status = 404 if isinstance(error, InvalidPage) else 400
            return Response(body, status=status)
        suggestions = []
        if not results.total:
            spelling = suggest(results.query).spelling
            suggestions = [spelling] if spelling else []
        data = {
            "query": results.query.normalised(),
            "count": int(results.total),
            "count_exact": results.total_exact,
            "facets_exact": results.facets_exact,
            "page": results.page,
            "num_pages": results.num_pages,
            "next": self._page_url(request, results, results.page + 1)
            if results.has_next
            else None,
            "previous": self._page_url(request, results, results.page - 1)
            if results.has_previous
            else None,
            "results": HitSerializer(results.hits, many=True).data,
            "facets": {
                name: FacetValueSerializer(results.facets[name], many=True).data for name in FACETS
            },
            "suggestions": suggestions,
        }
        return Response(data)
