"""Abstract building blocks shared by the knowledge base's apps."""

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy
from simple_history.models import HistoricalRecords

from .reversing import fast_reverse

# The code of a validation error caused by what is stored, not by the input alone (a period
# overlapping another row's, a quote absent from its document's text): the API answers 409.
CONFLICT = "conflict"


class TimeStampedModel(models.Model):
    """Records when a row was created and last changed; the API's incremental sync reads it."""

    created_at = models.DateTimeField(gettext_lazy("created at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(gettext_lazy("updated at"), auto_now=True, db_index=True)

    class Meta:
        abstract = True


def one_per_line(text: str) -> list[str]:
    """The entries of a field written one per line, blank lines left out."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def long_date(value: datetime.date) -> str:
    """A date written out in the reader's language: "1 January 2026", "1 января 2026"."""
    return date_format(value, "j E Y")


class NamedModel(models.Model):
    """A record known by its name (each declares its own `name`): listed and shown by it, with
    its history kept (each subclass gets its own history table).

    A subclass that writes its own Meta keeps the order as `class Meta(NamedModel.Meta)`.
    """

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


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


class RecordPageModel(EditorialLabelsModel):
    """A record with a page of its own, found by its slug: the URL `<model>-detail` (the names
    web's record_pages() gives)."""

    class Meta:
        abstract = True

    def get_absolute_url(self) -> str:
        return fast_reverse(f"{self._meta.model_name}-detail", self.slug)


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
