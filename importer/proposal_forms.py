"""The review form's chairmanship and meeting: an existing one, or the one the text states
and the knowledge base lacks, created only if the editor ticks it."""

import functools

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from presidencies.models import MemberState, Official, Presidency, Summit, SummitKind


def ticked(queryset, **kwargs) -> forms.ModelMultipleChoiceField:
    """Records offered as checkboxes, any number ticked (none too): speakers, themes, people."""
    return forms.ModelMultipleChoiceField(
        queryset=queryset, required=False, widget=forms.CheckboxSelectMultiple, **kwargs
    )


def if_ticked(checkbox: str):
    """A proposal's values, built by the method from the cleaned data, when the editor ticked
    `checkbox`; None (nothing created or attached) when not."""

    def decorate(build):
        @functools.wraps(build)
        def proposal(form) -> dict | None:
            data = form.cleaned_data
            return build(form, data) if data.get(checkbox) else None

        return proposal

    return decorate


MEETING_FIELDS = (
    "new_summit_title",
    "new_summit_kind",
    "new_summit_city",
    "new_summit_date",
    "new_summit_quote",
    "new_summit_instruments",
    "new_summit_participants",
)


class ProposalsForm(forms.Form):
    """The chairmanship and meeting fields, their checks, and what to create of them."""

    presidency = forms.ModelChoiceField(
        queryset=Presidency.objects.select_related("chair"), required=False, label=_("Chairmanship")
    )
    summit = forms.ModelChoiceField(
        queryset=Summit.objects.all(), required=False, label=_("Meeting")
    )
    # A chairmanship the text states and the knowledge base lacks: created only if ticked.
    create_presidency = forms.BooleanField(required=False, label=_("Create this chairmanship"))
    proposal_chair = forms.ModelChoiceField(
        queryset=MemberState.objects.all(), required=False, widget=forms.HiddenInput
    )
    proposal_year = forms.IntegerField(
        required=False, min_value=1992, max_value=2200, widget=forms.HiddenInput
    )
    proposal_start = forms.DateField(required=False, label=_("starting"))
    proposal_quote = forms.CharField(
        required=False, label=_("as the text states it"), widget=forms.Textarea(attrs={"rows": 3})
    )
    # A meeting the text states as held and the knowledge base lacks: created only if ticked.
    meeting_proposed = forms.BooleanField(required=False, widget=forms.HiddenInput)
    create_summit = forms.BooleanField(required=False, label=_("Create this meeting"))
    new_summit_title = forms.CharField(max_length=250, required=False, label=_("title"))
    new_summit_kind = forms.ChoiceField(
        choices=[("", "---------"), *SummitKind.choices], required=False, label=_("kind")
    )
    new_summit_city = forms.CharField(max_length=100, required=False, label=_("city"))
    new_summit_date = forms.DateField(required=False, label=_("held on"))
    new_summit_quote = forms.CharField(
        required=False, label=_("as the text states it"), widget=forms.Textarea(attrs={"rows": 3})
    )
    new_summit_instruments = forms.CharField(
        required=False,
        label=_("instruments signed or adopted"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One sentence of the text per line; each is cited as attesting the meeting."),
    )
    new_summit_participants = ticked(Official.objects.all(), label=_("participants"))

    def meeting_fields(self) -> list:
        """The proposed meeting's fields, for the review page."""
        return [self[name] for name in MEETING_FIELDS]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("create_presidency"):
            self._check_new_presidency(cleaned)
        if cleaned.get("create_summit"):
            self._check_new_summit(cleaned)
        return cleaned

    def _check_new_presidency(self, cleaned) -> None:
        chair, year = cleaned.get("proposal_chair"), cleaned.get("proposal_year")
        if chair is None or year is None:
            self.add_error("create_presidency", gettext("No chairmanship was proposed."))
        elif cleaned.get("presidency"):
            self.add_error(
                "create_presidency", gettext("Choose an existing chairmanship or this one.")
            )
        elif Presidency.objects.filter(year=year).exists():
            self.add_error(
                "create_presidency",
                gettext("A chairmanship for %(year)s exists already.") % {"year": year},
            )

    @if_ticked("create_presidency")
    def new_presidency(self, data) -> dict:
        return {
            "chair": data["proposal_chair"],
            "year": data["proposal_year"],
            "start_date": data["proposal_start"],
            "quote": data["proposal_quote"].replace("\r\n", "\n").strip(),
        }

    def _check_new_summit(self, cleaned) -> None:
        kind, day = cleaned.get("new_summit_kind"), cleaned.get("new_summit_date")
        for name in ("new_summit_title", "new_summit_kind", "new_summit_city", "new_summit_date"):
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(name, gettext("Required to create the meeting."))
        if cleaned.get("summit"):
            self.add_error("create_summit", gettext("Choose an existing meeting or this one."))
        elif kind and day and Summit.objects.filter(kind=kind, date=day).exists():
            self.add_error(
                "create_summit",
                gettext("A meeting of this kind on %(date)s exists already.")
                % {"date": day.isoformat()},
            )

    @if_ticked("create_summit")
    def new_summit(self, data) -> dict:
        instruments = data["new_summit_instruments"].replace("\r\n", "\n").splitlines()
        return {
            "title": data["new_summit_title"].strip(),
            "kind": data["new_summit_kind"],
            "city": data["new_summit_city"].strip(),
            "date": data["new_summit_date"],
            "quote": data["new_summit_quote"].replace("\r\n", "\n").strip(),
            "instruments": [s.strip() for s in instruments if s.strip()],
            "participants": list(data["new_summit_participants"]),
        }
