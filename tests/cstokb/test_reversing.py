"""fast_reverse gives what reverse() gives, in each language and under a script prefix."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import translation

from cstokb.reversing import fast_reverse


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_record_page_is_reversed_as_reverse_does_in_each_language(language):
    with translation.override(language):
        for slug in ("armenia-2026", "a_b-9", "2026"):
            assert fast_reverse("document-detail", slug) == reverse(
                "document-detail", kwargs={"slug": slug}
            )


def test_fixed_parts_and_an_integer_key_are_reversed_as_reverse_does():
    for fmt in ("ris", "bib", "json"):
        assert fast_reverse("provenance:cite-quote", 42, key="pk", fmt=fmt) == reverse(
            "provenance:cite-quote", kwargs={"pk": 42, "fmt": fmt}
        )


def test_the_script_prefix_is_kept():
    try:
        set_script_prefix("/kb/")
        assert fast_reverse("presidency-detail", "kz-2025") == "/kb/presidencies/kz-2025/"
    finally:
        set_script_prefix("/")
    assert fast_reverse("presidency-detail", "kz-2025") == "/presidencies/kz-2025/"


def test_a_value_the_pattern_refuses_fails_as_in_reverse():
    with pytest.raises(NoReverseMatch):
        fast_reverse("document-detail", "not a slug")
