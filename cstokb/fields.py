"""The fields the knowledge base's models declare, each rule said once.

"Optional" where the other record may be unknown: null in the database, blank in forms.
"""

from django.db import models
from django.db.models import ForeignKey
from django.utils.translation import gettext_lazy


def reference(to, verbose_name, related_name: str, *, optional=False, **options) -> ForeignKey:
    """A reference that protects what it points to (on_delete=PROTECT): a knowledge-base
    record never loses what it refers to, so that record is deleted only once nothing
    refers to it (a chairmanship's chair, a document's meeting)."""
    return _foreign_key(to, models.PROTECT, verbose_name, related_name, optional, options)


def part_of(to, verbose_name, related_name: str, *, optional=False, **options) -> ForeignKey:
    """A record that exists for the one it points to, and goes with it (on_delete=CASCADE):
    an official's post, a citation's backing of a priority."""
    return _foreign_key(to, models.CASCADE, verbose_name, related_name, optional, options)


def _foreign_key(to, on_delete, verbose_name, related_name, optional, options) -> ForeignKey:
    options.update(null=optional, blank=optional, verbose_name=verbose_name)
    return models.ForeignKey(to, on_delete, related_name=related_name, **options)


def related_records(to, verbose_name, related_name: str, **options) -> models.ManyToManyField:
    """Any number of other records, none as well (a document's speakers)."""
    return models.ManyToManyField(
        to, blank=True, related_name=related_name, verbose_name=verbose_name, **options
    )


INFERRED = gettext_lazy("What was inferred from context rather than stated, and why.")


def editorial_note(help_text=INFERRED) -> models.TextField:
    """The editors' own note on a record (optional): by default, what they inferred rather
    than read in its sources."""
    return models.TextField(gettext_lazy("editorial note"), blank=True, help_text=help_text)
