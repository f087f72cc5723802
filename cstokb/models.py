"""Abstract building blocks shared by the knowledge base's apps."""

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy

# The code of a validation error caused by what is stored, not by the input alone (a period
# overlapping another row's, a quote absent from its document's text): the API answers 409.
CONFLICT = "conflict"


class TimeStampedModel(models.Model):
    """Records when a row was created and last changed; the API's incremental sync reads it."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True


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


def unique(*fields: str, name: str, message) -> models.UniqueConstraint:
    """A uniqueness rule that says, in the reader's language, what is already taken.

    Django's default names the model and the field's label ("тема с таким slug уже
    существует."). Code "unique" keeps a one-field error on its field, as Django's own does.
    """
    return models.UniqueConstraint(
        fields=list(fields),
        name=name,
        violation_error_message=message,
        violation_error_code="unique",
    )


def long_date(value: datetime.date) -> str:
    """A date written out in the reader's language: "1 January 2026", "1 января 2026"."""
    return date_format(value, "j E Y")


def ends_before_it_starts(start: datetime.date | None, end: datetime.date | None) -> bool:
    return bool(start and end and end < start)


class EditorialLabelsModel(TimeStampedModel):
    """A model whose editorial labels have English and Russian versions (modeltranslation).

    The unsuffixed column of each translated field keeps the English: the search index's
    triggers and the backups read it. modeltranslation's attribute reads the active language's
    version, so a save under Russian would otherwise write the Russian (or a blank) there.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            super().save(*args, **kwargs)


# RFC 3986: the characters a URI may hold, and % only as the start of an escape. Django's
# URLValidator also takes `<`, `"`, spaces' cousins and non-ASCII text, which the API's
# schema (format `uri`) does not allow.
URI_CHARACTERS = re.compile(r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*")


def validate_uri_characters(value: str) -> None:
    if not URI_CHARACTERS.fullmatch(value):
        raise ValidationError(
            gettext(
                "Enter the address as a URI: ASCII only, with other characters "
                "percent-encoded (%%3C for <, %%20 for a space)."
            )
            % {},
            code="invalid",
        )
