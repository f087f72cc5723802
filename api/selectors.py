"""What the API reads of each resource: the joins its serializers need, so a page of any size
costs the same number of queries. The viewsets and the bulk export read through these."""

from django.db.models import Count, Prefetch, QuerySet

from documents.models import Citation, Document, Work
from presidencies.models import MemberState, Official, Position, Presidency, Priority, Summit, Theme

# A document's texts are long: only its detail and the bulk files show the cleaned text, and
# nothing shows the raw one.
TEXT_FIELDS = ("text", "raw_text")


def _brief_citations(*fields: str) -> Prefetch:
    # The nested quotes: their document named by slug and as a version, nothing else of it.
    citations = Citation.objects.select_related("document").only(
        "id",
        "quote",
        "role",
        "document",
        *(f"document__{name}" for name in ("slug", "language", "version_role", "translator")),
        *fields,
    )
    return Prefetch("citations", queryset=citations.order_by("pk"))


def _instrument_slugs() -> Prefetch:
    return Prefetch("instruments", queryset=Document.objects.only("id", "slug"))


def member_states() -> QuerySet:
    return MemberState.objects.all()


def themes() -> QuerySet:
    return Theme.objects.annotate(priority_count=Count("priorities")).order_by("name")


def presidencies(*, detail: bool = False) -> QuerySet:
    # The chair's name, the neighbours and the count are in the row's own query.
    queryset = Presidency.objects.select_related("chair").with_priority_count()
    queryset = queryset.with_neighbours().order_by("year")
    if not detail:
        return queryset
    return queryset.prefetch_related(
        Prefetch(
            "priorities",
            queryset=Priority.objects.select_related("theme")
            .prefetch_related(_brief_citations("priority_id"), _instrument_slugs())
            .order_by("theme__name", "order", "pk"),
        ),
        Prefetch("summits", queryset=Summit.objects.only("id", "slug", "presidency_id")),
        _brief_citations("presidency_id"),
    )


def priorities() -> QuerySet:
    return Priority.objects.select_related("presidency", "theme").prefetch_related(
        _brief_citations("priority_id"), _instrument_slugs()
    )


def officials() -> QuerySet:
    posts = Position.objects.select_related("member_state").order_by("start_date", "pk")
    return Official.objects.prefetch_related(Prefetch("positions", queryset=posts))


def summits() -> QuerySet:
    return Summit.objects.select_related("presidency").prefetch_related(
        Prefetch("participants", queryset=Official.objects.only("id", "slug")),
        Prefetch("documents", queryset=Document.objects.only("id", "slug", "summit_id")),
    )


def documents() -> QuerySet:
    """Documents with their cleaned text (not the raw one); a list defers the text too."""
    return (
        Document.objects.select_related("presidency", "summit", "work")
        .prefetch_related(
            Prefetch("speakers", queryset=Official.objects.only("id", "slug")),
            # The sibling versions: one query for the whole page.
            Prefetch("work__versions", queryset=Document.objects.only("id", "slug", "work_id")),
        )
        .defer("raw_text")
    )


def document_detail() -> QuerySet:
    return documents().prefetch_related(_brief_citations())


def works() -> QuerySet:
    versions = Document.objects.defer(*TEXT_FIELDS).in_version_order()
    return Work.objects.prefetch_related(Prefetch("versions", queryset=versions))


def citations() -> QuerySet:
    return Citation.objects.select_related(
        "document", "presidency", "summit", "member_state", "instrument"
    ).defer(
        *(f"document__{name}" for name in TEXT_FIELDS),
        *(f"instrument__{name}" for name in TEXT_FIELDS),
    )
