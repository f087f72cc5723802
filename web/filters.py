"""django-filter FilterSets for the paginated lists: documents, meetings and quotes.

Besides the filters a reader picks in the form, each list takes hidden "scope" filters: the
links under a detail page's shortened lists ("See all 240 documents") lead to them. A scope
that names nothing (an unknown slug or id) is a 404, not the unfiltered list.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from cstokb.cache import per_revision
from cstokb.filters import year_filter
from documents.models import Citation, Document, DocumentKind, Work
from presidencies.models import Official, Position, Presidency, Priority, Summit

from .widgets import PlainSelect


def scope(queryset, field_name: str, label: str, to_field_name: str = "pk"):
    """A filter set by links rather than by the form: a hidden field, validated in one query."""
    return django_filters.ModelChoiceFilter(
        field_name=field_name,
        queryset=queryset,
        to_field_name=to_field_name,
        label=label,
        widget=forms.HiddenInput,
    )


class ScopedFilterSet(django_filters.FilterSet):
    scopes: tuple[str, ...] = ()

    def scope_errors(self) -> bool:
        return self.is_bound and any(name in self.form.errors for name in self.scopes)

    def active_scopes(self) -> list[tuple[str, object]]:
        """(parameter, object) of the scope filters applied."""
        if not self.is_bound:
            return []
        self.errors  # noqa: B018 - validates the form, as the queryset does
        data = self.form.cleaned_data
        return [(name, data[name]) for name in self.scopes if data.get(name) is not None]


def publisher_choices() -> list[str]:
    """Every publisher on record: a DISTINCT over all documents, so computed once per revision."""
    return per_revision(
        "web:publishers",
        lambda: list(
            Document.objects.exclude(publisher="")
            .order_by("publisher")
            .values_list("publisher", flat=True)
            .distinct()
        ),
    )


class DocumentFilter(ScopedFilterSet):
    kind = django_filters.ChoiceFilter(
        choices=DocumentKind.choices, label=_("Kind"), empty_label=_("Any kind"), widget=PlainSelect
    )
    year = year_filter("date__year", _("Year"), widget=forms.NumberInput(attrs={"min": 1992}))
    presidency = django_filters.ModelChoiceFilter(
        queryset=Presidency.objects.select_related("chair"),
        to_field_name="slug",
        label=_("Chairmanship"),
        empty_label=_("Any chairmanship"),
        widget=PlainSelect,
    )
    speaker = django_filters.ModelChoiceFilter(
        field_name="speakers",
        queryset=Official.objects.all(),
        to_field_name="slug",
        label=_("Speaker"),
        empty_label=_("Anyone"),
        widget=PlainSelect,
    )
    publisher = django_filters.ChoiceFilter(
        choices=[], label=_("Publisher"), empty_label=_("Any publisher"), widget=PlainSelect
    )
    summit = scope(Summit.objects.all(), "summit", _("Meeting"), to_field_name="slug")
    implements = scope(
        Priority.objects.select_related("presidency__chair"),
        "implemented_priorities",
        _("Carrying out the priority"),
    )
    work = scope(Work.objects.all(), "work", _("Versions of"), to_field_name="slug")

    scopes = ("summit", "implements", "work")

    class Meta:
        model = Document
        fields = [
            "kind",
            "year",
            "presidency",
            "speaker",
            "publisher",
            "summit",
            "implements",
            "work",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["publisher"].extra["choices"] = [(p, p) for p in publisher_choices()]


class SummitFilter(ScopedFilterSet):
    presidency = scope(
        Presidency.objects.select_related("chair"), "presidency", _("Chairmanship"), "slug"
    )
    participant = scope(Official.objects.all(), "participants", _("Participant"), "slug")

    scopes = ("presidency", "participant")

    class Meta:
        model = Summit
        fields = ["presidency", "participant"]


class QuoteFilter(ScopedFilterSet):
    """Quotes about one subject: a priority, a chairmanship, a meeting or an official's post."""

    priority = scope(
        Priority.objects.select_related("presidency__chair"), "priority", _("Priority")
    )
    presidency = scope(
        Presidency.objects.select_related("chair"), "presidency", _("Chairmanship"), "slug"
    )
    summit = scope(Summit.objects.all(), "summit", _("Meeting"), "slug")
    position = scope(
        Position.objects.select_related("official", "member_state"), "position", _("Post")
    )

    scopes = ("priority", "presidency", "summit", "position")

    class Meta:
        model = Citation
        fields = ["priority", "presidency", "summit", "position"]
