"""Integrity rules: named database constraints, triggers and the models' clean()."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from documents.models import Citation, Document
from presidencies.models import Presidency
from tests.factories import (
    CitationFactory,
    DocumentFactory,
    MemberStateFactory,
    PositionFactory,
    PresidencyFactory,
    PriorityFactory,
    SummitFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date


def test_presidency_end_before_start_is_rejected_by_the_database():
    with (
        pytest.raises(IntegrityError, match="presidency_end_on_or_after_start"),
        transaction.atomic(),
    ):
        PresidencyFactory(start_date=D(2101, 5, 1), end_date=D(2101, 4, 1))


def test_presidency_end_before_start_is_a_form_error():
    presidency = PresidencyFactory.build(
        chair=MemberStateFactory(), start_date=D(2101, 5, 1), end_date=D(2101, 4, 1)
    )
    with pytest.raises(ValidationError) as excinfo:
        presidency.full_clean()
    assert "end_date" in excinfo.value.message_dict


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ((D(2101, 1, 1), D(2101, 12, 31)), (D(2101, 6, 1), D(2102, 5, 31))),  # partial overlap
        ((D(2101, 1, 1), D(2101, 12, 31)), (D(2101, 3, 1), D(2101, 4, 1))),  # inside
        ((D(2101, 1, 1), D(2101, 12, 31)), (D(2101, 12, 31), D(2102, 12, 30))),  # shared day
        ((D(2101, 1, 1), None), (D(2105, 1, 1), D(2105, 12, 31))),  # first still open
    ],
)
def test_two_chairmanships_never_overlap(first, second):
    PresidencyFactory(year=2101, start_date=first[0], end_date=first[1])
    clashing = PresidencyFactory.build(
        chair=MemberStateFactory(), year=2102, start_date=second[0], end_date=second[1]
    )
    clashing.slug = f"{clashing.chair.slug}-2102"
    with pytest.raises(ValidationError, match="overlaps"):
        clashing.full_clean()
    with pytest.raises(IntegrityError, match="presidency_no_overlap"), transaction.atomic():
        clashing.save()
    assert Presidency.objects.filter(year=2102).count() == 0


def test_an_update_that_creates_an_overlap_is_rejected():
    PresidencyFactory(year=2101, start_date=D(2101, 1, 1), end_date=D(2101, 12, 31))
    later = PresidencyFactory(year=2102, start_date=D(2102, 1, 1), end_date=D(2102, 12, 31))
    later.start_date = D(2101, 12, 1)
    with pytest.raises(IntegrityError, match="presidency_no_overlap"), transaction.atomic():
        later.save()


def test_adjacent_chairmanships_and_unknown_dates_are_allowed():
    PresidencyFactory(year=2101, start_date=D(2101, 1, 1), end_date=D(2101, 12, 31))
    PresidencyFactory(year=2102, start_date=D(2102, 1, 1), end_date=None)
    PresidencyFactory(year=2099, start_date=None, end_date=None, concluded=True)
    assert Presidency.objects.count() == 3


def test_one_chairmanship_per_year():
    PresidencyFactory(year=2101)
    with (
        pytest.raises(IntegrityError, match="presidency_one_per_year|UNIQUE"),
        transaction.atomic(),
    ):
        PresidencyFactory(year=2101, start_date=None, end_date=None)


def test_presidency_slug_must_be_state_and_year():
    presidency = PresidencyFactory.build(chair=MemberStateFactory(slug="ruritania"), year=2101)
    presidency.slug = "ruritania-2100"
    with pytest.raises(ValidationError) as excinfo:
        presidency.full_clean()
    assert "ruritania-2101" in str(excinfo.value.message_dict["slug"])


def test_concluded_with_an_end_date_is_rejected():
    with (
        pytest.raises(IntegrityError, match="presidency_concluded_only_without_end_date"),
        transaction.atomic(),
    ):
        PresidencyFactory(concluded=True, start_date=D(2101, 1, 1), end_date=D(2101, 12, 31))


def test_predecessor_and_successor_follow_the_years():
    a = PresidencyFactory(year=2101)
    b = PresidencyFactory(year=2103)
    c = PresidencyFactory(year=2102)
    assert (b.predecessor, c.predecessor, c.successor, a.predecessor) == (c, a, b, None)


def test_citation_without_quote_is_rejected_everywhere():
    citation = CitationFactory()
    citation.quote = ""
    with pytest.raises(ValidationError) as excinfo:
        citation.full_clean()
    assert "quote" in excinfo.value.message_dict
    with pytest.raises(IntegrityError, match="citation_quote_not_empty"), transaction.atomic():
        citation.save()


def test_citation_quote_must_stand_verbatim_in_the_document():
    citation = CitationFactory()
    citation.quote = "words the document never said"
    with pytest.raises(ValidationError, match="verbatim"):
        citation.full_clean()


def test_a_quote_must_stand_within_one_paragraph():
    """The page highlights and anchors quotes paragraph by paragraph."""
    document = DocumentFactory(text="First paragraph ends here.\n\nSecond one starts here.")
    across = Citation(
        document=document, priority=PriorityFactory(), quote="ends here.\n\nSecond one"
    )
    assert across.quote in document.text and document.paragraph_of(across.quote) is None
    with pytest.raises(ValidationError) as excinfo:
        across.full_clean()
    assert "within a single paragraph" in str(excinfo.value.message_dict["quote"])
    for quote in ("First paragraph ends here.", "Second one"):
        within = Citation(document=document, priority=across.priority, quote=quote)
        within.full_clean()
        assert document.paragraph_of(quote) in (1, 2)


def test_a_quote_across_a_blank_line_with_spaces_is_refused_too():
    document = DocumentFactory(text="One paragraph.\n   \nAnother paragraph.")
    across = Citation(
        document=document, priority=PriorityFactory(), quote="paragraph.\n   \nAnother"
    )
    with pytest.raises(ValidationError, match="single paragraph"):
        across.full_clean()


def test_citation_must_back_something():
    document = DocumentFactory()
    orphan = Citation(document=document, quote=document.paragraphs()[0])
    with pytest.raises(ValidationError, match="backs"):
        orphan.full_clean()
    with pytest.raises(IntegrityError, match="citation_has_a_subject"), transaction.atomic():
        orphan.save()


def test_the_same_cleaned_text_is_never_stored_twice():
    original = DocumentFactory(text="One statement.\n\nTwo paragraphs.")
    copy = DocumentFactory.build(text="One   statement.\n\n\nTwo paragraphs.  ")
    with pytest.raises(ValidationError, match="same text"):
        copy.full_clean()
    with pytest.raises(IntegrityError, match="document_unique_text|UNIQUE"), transaction.atomic():
        copy.save()
    assert Document.objects.get().pk == original.pk


def test_instruments_without_text_may_share_an_empty_text():
    DocumentFactory(kind="decision", text="", title="Decision one")
    DocumentFactory(kind="decision", text="", title="Decision two")
    assert Document.objects.instruments().count() == 2


def test_a_document_needs_a_title_or_a_text():
    with pytest.raises(IntegrityError, match="document_title_or_text"), transaction.atomic():
        DocumentFactory(title="", text="")


def test_unknown_kinds_and_statuses_are_rejected_by_the_database():
    with pytest.raises(IntegrityError, match="document_kind_valid"), transaction.atomic():
        DocumentFactory(kind="poem")
    with pytest.raises(IntegrityError, match="priority_status_valid"), transaction.atomic():
        PriorityFactory(status="forgotten")
    with pytest.raises(IntegrityError, match="summit_status_valid"), transaction.atomic():
        SummitFactory(status="imagined")


def test_priority_titles_are_unique_within_a_chairmanship():
    priority = PriorityFactory()
    with pytest.raises(IntegrityError, match="priority_unique_title|UNIQUE"), transaction.atomic():
        PriorityFactory(presidency=priority.presidency, title=priority.title)
    PriorityFactory(title=priority.title)  # another chairmanship may reuse it


def test_unique_slugs_are_named_constraints():
    theme = ThemeFactory()
    with pytest.raises(IntegrityError, match="theme_unique_slug|UNIQUE"), transaction.atomic():
        ThemeFactory(slug=theme.slug)


def test_position_end_before_start_is_rejected():
    with (
        pytest.raises(IntegrityError, match="position_end_on_or_after_start"),
        transaction.atomic(),
    ):
        PositionFactory(start_date=D(2020, 1, 1), end_date=D(2019, 1, 1))


def test_a_meeting_outside_its_chairmanship_is_a_form_error():
    presidency = PresidencyFactory(year=2101, start_date=D(2101, 1, 1), end_date=D(2101, 12, 31))
    summit = SummitFactory.build(presidency=presidency, date=D(2102, 6, 1))
    with pytest.raises(ValidationError) as excinfo:
        summit.full_clean()
    assert "presidency" in excinfo.value.message_dict


def test_current_chairmanship_is_the_one_in_office_today(settings, monkeypatch):
    open_one = PresidencyFactory(year=2024, start_date=D(2024, 1, 1), end_date=None)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: D(2030, 1, 1))
    assert Presidency.objects.current() == open_one
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: D(2023, 1, 1))
    assert Presidency.objects.current() is None
