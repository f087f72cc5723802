"""Filters shared by the pages' and the API's FilterSets."""

import django_filters
from django import forms


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


def year_filter(field_name: str, label: str, **kwargs) -> IntegerFilter:
    # Bounded: a year lookup builds dates, and year 0 or 99999 has none.
    return IntegerFilter(field_name=field_name, label=label, min_value=1, max_value=9999, **kwargs)
