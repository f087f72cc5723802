"""The rules of Meta.constraints the models share, each written once; and the period rule
as clean() checks it, beside the constraint that holds it in the database."""

import datetime
import functools
import operator

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy

# A period (start_date, end_date, either unknown): where both are known, the end is not
# before the start. The database holds the rule as a constraint, clean() as the editor's error.
END_BEFORE_START = gettext_lazy("The end date is before the start date.")


def end_on_or_after_start(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(start_date__isnull=True)
        | Q(end_date__isnull=True)
        | Q(end_date__gte=F("start_date")),
        name=name,
    )


def ends_before_it_starts(start: datetime.date | None, end: datetime.date | None) -> bool:
    return bool(start and end and end < start)


# The constraint helpers below name their rule after the model: Django fills in %(class)s
# (the model's name in lower case) when the model is defined, so `summit_title_not_empty`
# is written once for every model whose text may not be blank.


def unique(*fields: str, message, name: str = "") -> models.UniqueConstraint:
    """A uniqueness rule that says, in the reader's language, what is already taken.

    Django's default names the model and the field's label ("тема с таким slug уже
    существует."). Code "unique" keeps a one-field error on its field, as Django's own does.
    Without a name, the rule is `<model>_unique_<fields>`.
    """
    return models.UniqueConstraint(
        fields=list(fields),
        name=name or f"%(class)s_unique_{'_'.join(fields)}",
        violation_error_message=message,
        violation_error_code="unique",
    )


def not_blank(*fields: str, name: str = "") -> models.CheckConstraint:
    """Each of the text fields holds some text: `<model>_<field>_not_empty` without a name."""
    return models.CheckConstraint(
        condition=functools.reduce(operator.and_, (~Q(**{field: ""}) for field in fields)),
        name=name or f"%(class)s_{'_'.join(fields)}_not_empty",
    )


def one_of(field: str, choices: type[models.Choices]) -> models.CheckConstraint:
    """The field holds one of its choices, whatever wrote the row: `<model>_<field>_valid`."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__in": choices.values}), name=f"%(class)s_{field}_valid"
    )
