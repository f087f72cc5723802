"""Integrity rules of chairmanships, priorities, posts and meetings: named database constraints,
triggers and the models' clean()."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from presidencies.models import Presidency
from tests.factories import (
    MemberStateFactory,
    PositionFactory,
    PresidencyFactory,
    PriorityFactory,
    SummitFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date


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


def test_priority_titles_are_unique_within_a_chairmanship():
    priority = PriorityFactory()
    with pytest.raises(IntegrityError, match="priority_unique_title|UNIQUE"), transaction.atomic():
        PriorityFactory(presidency=priority.presidency, title=priority.title)
    PriorityFactory(title=priority.title)  # another chairmanship may reuse it


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
