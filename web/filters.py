"""django-filter FilterSet for the documents list."""

import django_filters
from django import forms

from documents.models import Document, DocumentKind
from presidencies.models import Official, Presidency


class DocumentFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=DocumentKind.choices, empty_label="Any kind")
    year = django_filters.NumberFilter(
        field_name="date__year", label="Year", widget=forms.NumberInput(attrs={"min": 1992})
    )
    presidency = django_filters.ModelChoiceFilter(
        queryset=Presidency.objects.select_related("chair"),
        to_field_name="slug",
        label="Chairmanship",
        empty_label="Any chairmanship",
    )
    speaker = django_filters.ModelChoiceFilter(
        field_name="speakers",
        queryset=Official.objects.all(),
        to_field_name="slug",
        label="Speaker",
        empty_label="Anyone",
    )
    publisher = django_filters.ChoiceFilter(choices=[], empty_label="Any publisher")

    class Meta:
        model = Document
        fields = ["kind", "year", "presidency", "speaker", "publisher"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        publishers = (
            Document.objects.exclude(publisher="")
            .order_by("publisher")
            .values_list("publisher", flat=True)
            .distinct()
        )
        self.filters["publisher"].extra["choices"] = [(p, p) for p in publishers]
