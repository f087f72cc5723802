"""Forms of the admin's "Import statement" page: the raw text, then the review."""

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from documents.models import Document, DocumentKind
from presidencies.models import Official, Priority, Theme

from .analysis import MAX_BYTES, InputError, decode_input
from .fetch import FetchError, fetch
from .proposal_forms import ProposalsForm, ticked
from .services import ImportData, already_stored, duplicate_of
from .version_forms import VersionForm

MAX_ITEMS = 200
# Rows the review offers at most: each sends up to three fields, and a request may carry
# DATA_UPLOAD_MAX_NUMBER_FIELDS (1000) in all.
MAX_QUOTES = 200
MAX_PEOPLE = 100
RAW_SALT = "importer.review.raw-text"
MAX_MB = MAX_BYTES // 1024 // 1024


def sign_raw(raw: str) -> str:
    """The raw text for the review form's hidden field, exactly as received.

    Not in a textarea: HTML parsing turns CR and CRLF into LF, and a browser sends every
    line break of a form field as CRLF, so a text would not come back byte for byte.
    Compressed (the review form also carries the cleaned text) and signed, so that what
    is saved is what was received.
    """
    return signing.dumps(raw, salt=RAW_SALT, compress=True)


def unsign_raw(token: str) -> str:
    try:
        return signing.loads(token, salt=RAW_SALT)
    except signing.BadSignature as exc:
        raise ValidationError(gettext("The raw text was altered; start the import again.")) from exc


class PriorityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.presidency} – {obj.title}"


class SourceForm(forms.Form):
    """Step 1: paste the page's text or HTML, or upload a .txt or .html file."""

    raw_text = forms.CharField(
        label=_("Text as copied from the page"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 20, "cols": 100}),
    )
    upload = forms.FileField(label=_("…or a .txt or .html file"), required=False)
    url = forms.URLField(
        label=_("…or the page's address (URL)"),
        required=False,
        max_length=500,
        assume_scheme="https",
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        url = cleaned.get("url")
        cleaned["source_url"] = ""
        if self.errors:
            return cleaned
        if url and (upload or (cleaned.get("raw_text") or "").strip()):
            raise ValidationError(gettext("Give the text, a file or an address, not several."))
        if url:
            try:
                page = fetch(url)
            except FetchError as exc:
                raise ValidationError(str(exc)) from None
            cleaned["raw"], cleaned["source_url"] = page.text, page.url
            return cleaned
        if upload:
            if upload.size > MAX_BYTES:
                raise ValidationError(
                    gettext("The file is larger than %(size)s MB.") % {"size": MAX_MB}
                )
            # A file is kept byte for byte, CRLF and all.
            data = upload.read(MAX_BYTES + 1)
        else:
            # A browser sends a textarea's line breaks as CRLF whatever was pasted (the
            # clipboard's own line ends never reach the server): undoing that gives the
            # text the editor pasted, as the textarea held it.
            data = (cleaned.get("raw_text") or "").replace("\r\n", "\n").encode("utf-8")
        try:
            cleaned["raw"] = decode_input(data)
        except InputError as exc:
            raise ValidationError(str(exc)) from None
        return cleaned


class ReviewForm(ProposalsForm, VersionForm):
    """Step 2: everything the analysis proposes, for the editor to correct."""

    # The chairmanship and meeting fields (ProposalsForm) after these, as declared before.
    field_order = [
        "title",
        "slug",
        "date",
        "kind",
        "publisher",
        "language",
        "source_url",
        "text",
        "raw_token",
        "officials",
        "mentioned",
        "mentioned_ids",
    ]

    limits: list[str] = []  # what the review leaves out (review_form_for)

    title = forms.CharField(label=_("Title"), max_length=400, required=False)
    slug = forms.SlugField(label=_("Slug"), max_length=200)
    date = forms.DateField(
        label=_("Date"),
        required=False,
        help_text=_("YYYY-MM-DD; empty when the source gives none."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    publisher = forms.CharField(label=_("Publisher"), max_length=200, required=False)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("en", _("English")), ("ru", _("Russian"))]
    )
    source_url = forms.URLField(
        label=_("Source URL"), max_length=500, required=False, assume_scheme="https"
    )
    text = forms.CharField(
        label=_("Cleaned text"), widget=forms.Textarea(attrs={"rows": 30, "cols": 70})
    )
    raw_token = forms.CharField(widget=forms.HiddenInput)
    officials = ticked(
        Official.objects.all(),
        label=_("Speakers"),
        help_text=_("Ticked: the officials the text has speak or quotes as authors."),
    )
    mentioned = ticked(
        Official.objects.none(),
        label=_("Only mentioned"),
        help_text=_("Named in the text but not speaking; tick to add as a speaker."),
    )
    mentioned_ids = forms.CharField(widget=forms.HiddenInput, required=False)
    themes = ticked(
        Theme.objects.all(),
        label=_("Themes"),
        help_text=_("Recorded in the editorial note, with the themes of the cited priorities."),
    )
    editorial_note = forms.CharField(
        label=_("Editorial note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 70}),
        help_text=_("What was inferred from context rather than stated, and why."),
    )
    people_count = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=MAX_ITEMS)
    quote_count = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=MAX_ITEMS)

    def __init__(self, *args, people_count=0, quote_count=0, mentioned=(), **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            people_count = _count(self.data.get("people_count"))
            quote_count = _count(self.data.get("quote_count"))
            mentioned_ids = _ids(self.data.get("mentioned_ids"))
        else:
            mentioned_ids = [o.pk for o in mentioned]
            self.initial["mentioned_ids"] = ",".join(str(pk) for pk in mentioned_ids)
        # The people the text only mentions are listed apart from the speakers, unticked.
        self.fields["mentioned"].queryset = Official.objects.filter(pk__in=mentioned_ids)
        self.fields["officials"].queryset = Official.objects.exclude(pk__in=mentioned_ids)
        self.people_count, self.quote_count = people_count, quote_count
        for i in range(people_count):
            self.fields[f"person_{i}_create"] = forms.BooleanField(
                required=False, label=_("Create as new official")
            )
            self.fields[f"person_{i}_name"] = forms.CharField(max_length=150, required=False)
            self.fields[f"person_{i}_post"] = forms.CharField(
                max_length=200, required=False, label=_("post")
            )
            self.fields[f"person_{i}_speaker"] = forms.BooleanField(
                required=False, label=_("as a speaker")
            )
        priorities = Priority.objects.select_related("presidency__chair")
        for i in range(quote_count):
            self.fields[f"quote_{i}_use"] = forms.BooleanField(required=False, label=_("Cite"))
            self.fields[f"quote_{i}_text"] = forms.CharField(
                required=False, widget=forms.Textarea(attrs={"rows": 3, "cols": 70})
            )
            self.fields[f"quote_{i}_priority"] = PriorityChoiceField(
                queryset=priorities, required=False, label=_("for priority")
            )

    def people_rows(self):
        return [
            (
                self[f"person_{i}_create"],
                self[f"person_{i}_name"],
                self[f"person_{i}_post"],
                self[f"person_{i}_speaker"],
            )
            for i in range(self.people_count)
        ]

    def quote_rows(self):
        return [
            (self[f"quote_{i}_use"], self[f"quote_{i}_text"], self[f"quote_{i}_priority"])
            for i in range(self.quote_count)
        ]

    def raw_text(self) -> str:
        """The raw text, for display beside the cleaned one."""
        token = self["raw_token"].value() or ""
        try:
            return unsign_raw(token)
        except ValidationError:
            return ""

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if Document.objects.filter(slug=slug).exists():
            raise ValidationError(gettext("Another document already has this slug."))
        return slug

    def clean_raw_token(self):
        raw = unsign_raw(self.cleaned_data["raw_token"])
        if len(raw.encode("utf-8")) > MAX_BYTES:
            raise ValidationError(
                gettext("The text is larger than %(size)s MB.") % {"size": MAX_MB}
            )
        return raw

    def clean_text(self):
        text = self.cleaned_data["text"].replace("\r\n", "\n")
        existing = duplicate_of(text)
        if existing:
            raise ValidationError(already_stored(existing))
        return text

    def clean_editorial_note(self):
        return self.cleaned_data["editorial_note"].replace("\r\n", "\n").strip()

    def clean(self):
        cleaned = super().clean()
        for i in range(self.people_count):
            name = cleaned.get(f"person_{i}_name", "")
            if cleaned.get(f"person_{i}_create") and not name.strip():
                self.add_error(f"person_{i}_name", gettext("Give the name of the new official."))
        for i in range(self.quote_count):
            if not cleaned.get(f"quote_{i}_use"):
                continue
            if not cleaned.get(f"quote_{i}_priority"):
                self.add_error(
                    f"quote_{i}_priority", gettext("Choose the priority this quote backs.")
                )
            if not cleaned.get(f"quote_{i}_text", "").strip():
                self.add_error(f"quote_{i}_text", gettext("The quote is empty."))
        return cleaned

    def _people(self, speaking: bool) -> list[str]:
        return [
            self.cleaned_data[f"person_{i}_name"].strip()
            for i in range(self.people_count)
            if self.cleaned_data.get(f"person_{i}_create")
            and bool(self.cleaned_data.get(f"person_{i}_speaker")) == speaking
        ]

    def new_officials(self) -> list[str]:
        """New officials to create as speakers."""
        return self._people(speaking=True)

    def new_mentioned(self) -> list[str]:
        """New officials to create who only are mentioned."""
        return self._people(speaking=False)

    def posts(self) -> dict[str, str]:
        """The post of each new official, where the editor kept or wrote one."""
        return {
            self.cleaned_data[f"person_{i}_name"].strip(): self.cleaned_data[
                f"person_{i}_post"
            ].strip()
            for i in range(self.people_count)
            if self.cleaned_data.get(f"person_{i}_create")
            and self.cleaned_data.get(f"person_{i}_post", "").strip()
        }

    def speakers(self) -> list:
        chosen = [*self.cleaned_data["officials"], *self.cleaned_data["mentioned"]]
        return list(dict.fromkeys(chosen))

    def citations(self) -> list[tuple[str, Priority]]:
        return [
            (
                self.cleaned_data[f"quote_{i}_text"].replace("\r\n", "\n"),
                self.cleaned_data[f"quote_{i}_priority"],
            )
            for i in range(self.quote_count)
            if self.cleaned_data.get(f"quote_{i}_use")
        ]

    def import_data(self) -> ImportData:
        data = self.cleaned_data
        return ImportData(
            title=data["title"],
            slug=data["slug"],
            date=data["date"],
            kind=data["kind"],
            publisher=data["publisher"],
            language=data["language"],
            source_url=data["source_url"],
            text=data["text"],
            raw_text=data["raw_token"],
            officials=self.speakers(),
            new_officials=self.new_officials(),
            new_mentioned=self.new_mentioned(),
            posts=self.posts(),
            new_presidency=self.new_presidency(),
            new_summit=self.new_summit(),
            version=self.version(),
            presidency=data["presidency"],
            summit=data["summit"],
            citations=self.citations(),
            themes=list(data["themes"]),
            editorial_note=data["editorial_note"],
        )


def _count(value) -> int:
    try:
        return max(0, min(int(value), MAX_ITEMS))
    except (TypeError, ValueError):
        return 0


def _ids(value) -> list[int]:
    return [int(x) for x in (value or "").split(",") if x.strip().isdigit()][:MAX_ITEMS]
