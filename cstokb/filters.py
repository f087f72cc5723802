"""Filters shared by the pages' and the API's FilterSets."""

import django_filters
from django import forms
from drf_spectacular.utils import extend_schema_field


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


YEAR_MIN, YEAR_MAX = 1, 9999


# The API's schema states the bounds (drf-spectacular reads no form field's min/max).
@extend_schema_field({"type": "integer", "minimum": YEAR_MIN, "maximum": YEAR_MAX})
class YearFilter(IntegerFilter):
    pass


ID_MAX = 2**63 - 1  # a bigint primary key


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": ID_MAX})
class IdFilter(IntegerFilter):
    """A record's id: a positive 64-bit integer, as the schema says."""

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=ID_MAX, **kwargs)


def year_filter(field_name: str, label: str, **kwargs) -> IntegerFilter:
    # Bounded: a year lookup builds dates, and year 0 or 99999 has none.
    return YearFilter(
        field_name=field_name, label=label, min_value=YEAR_MIN, max_value=YEAR_MAX, **kwargs
    )
