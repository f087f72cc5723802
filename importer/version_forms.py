"""The review form's proposed work: the stored text the new one is a version of, attached
(with the new text's role and translator) only if the editor ticks it."""

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from documents.models import Document, VersionRole

from .proposal_forms import if_ticked


class VersionForm(forms.Form):
    version_of = forms.ModelChoiceField(
        queryset=Document.objects.sources().select_related("work"),
        required=False,
        widget=forms.HiddenInput,
    )
    work_reason = forms.CharField(required=False, max_length=1000, widget=forms.HiddenInput)
    attach_work = forms.BooleanField(required=False, label=_("Attach to this work"))
    version_role = forms.ChoiceField(
        choices=VersionRole.choices,
        initial=VersionRole.UNSTATED,
        required=False,
        label=_("this text is"),
    )
    translator = forms.CharField(max_length=200, required=False, label=_("translated by"))

    @cached_property
    def proposed_document(self):
        """The stored document proposed, for the review page (None if it is gone)."""
        value = self["version_of"].value()
        try:
            return self.fields["version_of"].to_python(value)
        except forms.ValidationError:
            return None

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("attach_work"):
            return cleaned
        stored = cleaned.get("version_of")
        role = cleaned.get("version_role") or VersionRole.UNSTATED
        cleaned["version_role"] = role
        if stored is None:
            if "version_of" not in self.errors:
                self.add_error("attach_work", gettext("No work was proposed."))
        elif (
            role == VersionRole.ORIGINAL
            and stored.work is not None
            and stored.work.versions.filter(version_role=VersionRole.ORIGINAL).exists()
        ):
            self.add_error("version_role", gettext("This work already has an original."))
        if cleaned.get("translator", "").strip() and role != VersionRole.TRANSLATION:
            self.add_error("translator", gettext("Only a translation has a translator."))
        return cleaned

    @if_ticked("attach_work")
    def version(self, data) -> dict:
        """What to attach the new document to (None when the proposal is dropped)."""
        return {
            "of": data["version_of"],
            "role": data["version_role"],
            "translator": data["translator"].strip(),
            "reason": data["work_reason"].strip(),
        }
