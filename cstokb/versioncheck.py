"""Optimistic version check for the editors' admin: a second save never silently overwrites.

The change form carries the object's `updated_at` as it was when the form was loaded, in a
hidden field; if the row changed since (another editor saved it), the form is refused with
an error that names who changed it and when, and nothing is written. The editor reloads,
sees the other change (and the history) and applies theirs again.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

VERSION_FIELD = "loaded_version"


class VersionCheckedForm(forms.ModelForm):
    loaded_version = forms.CharField(
        label=gettext_lazy("version loaded"), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and hasattr(self.instance, "updated_at"):
            # Read the stored row, not the instance: the history view's "revert" form is
            # built on an old version whose updated_at is not the current one.
            current = (
                type(self.instance)
                ._default_manager.filter(pk=self.instance.pk)
                .values_list("updated_at", flat=True)
                .first()
            )
            if current is not None:
                self.fields[VERSION_FIELD].initial = current.isoformat()

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self.check_version(cleaned.get(VERSION_FIELD) or "")
        return cleaned

    def check_version(self, loaded: str) -> None:
        model = type(self.instance)
        # Lock the row until the admin's transaction ends, so two saves cannot both pass.
        current = (
            model._default_manager.select_for_update()
            .filter(pk=self.instance.pk)
            .values_list("updated_at", flat=True)
            .first()
        )
        if current is None:
            raise ValidationError(_("This record was deleted by someone else since you opened it."))
        loaded_at = parse_datetime(loaded) if loaded else None
        if loaded_at is None or loaded_at != current:
            changed = date_format(timezone.localtime(current), "j E Y H:i:s")
            raise ValidationError(
                _(
                    "Someone else saved this record at %(time)s UTC, after you opened it. "
                    "Your changes were not saved: reload the page to see the current version "
                    "(and its history), then apply your changes again."
                )
                % {"time": changed},
                code="stale",
            )


class VersionCheckAdminMixin:
    """Put first in a ModelAdmin's bases, before SimpleHistoryAdmin."""

    form = VersionCheckedForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        present = any(VERSION_FIELD in opts.get("fields", ()) for _name, opts in fieldsets)
        if obj is not None and not present:
            fieldsets.append((None, {"fields": [VERSION_FIELD], "classes": ["hidden"]}))
        if obj is None:
            fieldsets = [
                (name, {**opts, "fields": [f for f in opts["fields"] if f != VERSION_FIELD]})
                for name, opts in fieldsets
            ]
        return fieldsets
