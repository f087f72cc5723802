"""django-filter FilterSets of API v1. A malformed value (`?date_after=not-a-date`, an empty
`?year=`) is a 400 with the parameter's message, a slug that names no record a 404 naming the
parameter; never an empty or unfiltered list. Every ordering ends with the primary key."""

import datetime

import django_filters
from django import forms
from django.utils.translation import gettext as _
from django_filters import utils
from django_filters.fields import IsoDateTimeField
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import NotFound
from rest_framework.filters import OrderingFilter

from cstokb.filters import IdFilter, year_filter
from documents.models import Citation, Document, DocumentKind, Work
from presidencies.models import MemberState, Official, Presidency, Priority, Summit, Theme


class UTCIsoDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time as the same instant in UTC.

    Python accepts UTC offsets up to ±23:59 and PostgreSQL only up to ±15:59, so an offset
    such as `+21:16` would reach the database as is and fail there (a 500); and an instant
    near year 1 or 9999 may have no UTC equivalent at all, which is a 400 here.
    """

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return value
        try:
            return value.astimezone(datetime.UTC)
        except OverflowError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class UTCIsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UTCIsoDateTimeField


# Filters whose schema type has no empty value (a number, a date, a date-time, an enum, a
# boolean): `?year=` is refused, not taken as no filter. A slug or free text may be empty.
TYPED_FILTERS = (
    django_filters.NumberFilter,
    django_filters.DateFilter,
    django_filters.IsoDateTimeFilter,
    django_filters.ChoiceFilter,
    django_filters.BooleanFilter,
)


class StrictForm(forms.Form):
    typed: frozenset[str] = frozenset()

    def clean(self):
        cleaned = super().clean()
        for name in self.typed:
            if name in self.data and self.data[name] == "":
                self.add_error(name, forms.ValidationError(_("Give a value."), code="required"))
        return cleaned


class KnowledgeBaseFilterSet(django_filters.FilterSet):
    def get_form_class(self):
        form = super().get_form_class()
        typed = frozenset(
            name
            for name, f in self.filters.items()
            if isinstance(f, TYPED_FILTERS) and not isinstance(f, django_filters.ModelChoiceFilter)
        )
        return type(form.__name__, (StrictForm, form), {"typed": typed})

    def unknown_slugs(self) -> dict[str, str]:
        """The slug filters whose value names no record, with their message."""
        unknown = {}
        for name, errors in self.form.errors.as_data().items():
            slug_filter = isinstance(self.filters.get(name), django_filters.ModelChoiceFilter)
            if not slug_filter or any(e.code != "invalid_choice" for e in errors):
                return {}
            unknown[name] = " ".join(m for e in errors for m in e.messages)
        return unknown


class KnowledgeBaseFilterBackend(DjangoFilterBackend):
    """django-filter's backend; a valid slug naming no record is a 404, as in a path."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            if unknown := filterset.unknown_slugs():
                name = next(iter(unknown))
                raise NotFound(
                    {"detail": " ".join(unknown.values()), "code": "not_found", "parameter": name}
                )
            raise utils.translate_validation(filterset.errors)
        return filterset.qs


class StableOrderingFilter(OrderingFilter):
    """Adds the primary key as a last sort key, so pages never repeat or skip an item."""

    def get_ordering(self, request, queryset, view):
        ordering = list(super().get_ordering(request, queryset, view) or [])
        if ordering and not {"pk", "-pk", "id", "-id"} & set(ordering):
            ordering.append("pk")
        return ordering


class UpdatedSinceFilterSet(KnowledgeBaseFilterSet):
    """Incremental sync: `?updated_since=<ISO 8601 date-time>&ordering=updated_at`."""

    updated_since = UTCIsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        label="Only items changed at or after this time (ISO 8601).",
    )


@extend_schema_field({"type": "string", "pattern": r"^[-a-zA-Z0-9_]*$"})
class SlugFilter(django_filters.ModelChoiceFilter):
    """A record named by its slug (empty: no filter)."""


def by_slug(queryset, field_name: str, label: str) -> django_filters.ModelChoiceFilter:
    return SlugFilter(queryset=queryset, field_name=field_name, to_field_name="slug", label=label)


class MemberStateFilter(UpdatedSinceFilterSet):
    class Meta:
        model = MemberState
        fields = ["iso_code"]


class ThemeFilter(UpdatedSinceFilterSet):
    class Meta:
        model = Theme
        fields = []


class StrictBooleanField(forms.NullBooleanField):
    """`true` or `false` only (what the schema's boolean allows); absent is no filter."""

    def to_python(self, value):
        if value in (None, ""):
            return None
        if value in ("true", "false"):
            return value == "true"
        raise forms.ValidationError(_("Give true or false."), code="invalid")


class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField

    def __init__(self, **kwargs):
        # A text widget hands the raw value to the field (Django's boolean widgets map any
        # other value to None, which would be no filter).
        super().__init__(widget=forms.TextInput, **kwargs)


class PresidencyFilter(UpdatedSinceFilterSet):
    chair = by_slug(MemberState.objects.all(), "chair", "Chair state (slug).")
    year = year_filter("year", "The year the chairmanship is named for.")
    concluded = StrictBooleanFilter(label="Concluded (true or false).")

    class Meta:
        model = Presidency
        fields = ["chair", "year", "concluded"]


class PriorityFilter(UpdatedSinceFilterSet):
    presidency = by_slug(Presidency.objects.all(), "presidency", "Chairmanship (slug).")
    theme = by_slug(Theme.objects.all(), "theme", "Theme (slug).")
    status = django_filters.ChoiceFilter(choices=Priority.Status.choices)

    class Meta:
        model = Priority
        fields = ["presidency", "theme", "status"]


class OfficialFilter(UpdatedSinceFilterSet):
    member_state = by_slug(
        MemberState.objects.all(), "positions__member_state", "Holds or held a post of this state."
    )
    name = django_filters.CharFilter(lookup_expr="icontains", label="Part of the name.")

    class Meta:
        model = Official
        fields = ["member_state", "name"]

    def filter_queryset(self, queryset):
        # A join through positions may repeat an official.
        return super().filter_queryset(queryset).distinct()


class SummitFilter(UpdatedSinceFilterSet):
    kind = django_filters.ChoiceFilter(choices=Summit.Kind.choices)
    status = django_filters.ChoiceFilter(choices=Summit.Status.choices)
    year = year_filter("date__year", "Year of the meeting.")
    presidency = by_slug(Presidency.objects.all(), "presidency", "Chairmanship (slug).")
    date_after = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label="On or after this date (YYYY-MM-DD)."
    )
    date_before = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label="On or before this date (YYYY-MM-DD)."
    )
    participant = by_slug(Official.objects.all(), "participants", "Official (slug) attending.")

    class Meta:
        model = Summit
        fields = ["kind", "status", "year", "presidency", "participant"]


class DocumentFilter(UpdatedSinceFilterSet):
    kind = django_filters.ChoiceFilter(choices=DocumentKind.choices)
    presidency = by_slug(Presidency.objects.all(), "presidency", "Chairmanship (slug).")
    summit = by_slug(Summit.objects.all(), "summit", "Meeting (slug).")
    speaker = by_slug(Official.objects.all(), "speakers", "Official (slug) speaking or quoted.")
    publisher = django_filters.CharFilter(
        lookup_expr="iexact", label="Publisher, exactly (case-insensitive)."
    )
    year = year_filter("date__year", "Year of the document.")
    date_after = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label="On or after this date (YYYY-MM-DD)."
    )
    date_before = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label="On or before this date (YYYY-MM-DD)."
    )

    work = by_slug(Work.objects.all(), "work", "Versions of this work (slug).")
    language = django_filters.CharFilter(label="Language code of the text (en, ru).")

    class Meta:
        model = Document
        fields = ["kind", "presidency", "summit", "speaker", "publisher", "year", "work"]


class WorkFilter(UpdatedSinceFilterSet):
    class Meta:
        model = Work
        fields = []


class CitationFilter(UpdatedSinceFilterSet):
    document = by_slug(Document.objects.all(), "document", "Document (slug).")
    # Bounded by the largest id a BigAutoField holds: SQLite cannot even bind a larger int.
    priority = IdFilter(field_name="priority_id", label="Priority (id).")
    role = django_filters.ChoiceFilter(choices=Citation.Role.choices)

    class Meta:
        model = Citation
        fields = ["document", "priority", "role"]
