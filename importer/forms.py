"""Forms of the admin's "Import statement" page: the raw text, then the review."""

from django import forms
from django.core.exceptions import ValidationError

from documents.models import Document, DocumentKind
from presidencies.models import Official, Presidency, Priority, Summit

from .analysis import MAX_BYTES, InputError, decode_input
from .services import duplicate_of

MAX_ITEMS = 200


class PriorityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.presidency} – {obj.title}"


class SourceForm(forms.Form):
    """Step 1: paste the page's text or upload a .txt file."""

    raw_text = forms.CharField(
        label="Text as copied from the page",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 20, "cols": 100}),
    )
    upload = forms.FileField(label="…or a .txt file", required=False)

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        if upload:
            if upload.size > MAX_BYTES:
                raise ValidationError(f"The file is larger than {MAX_BYTES // 1024 // 1024} MB.")
            data = upload.read(MAX_BYTES + 1)
        else:
            # Browsers send a textarea's line breaks as CRLF.
            data = (cleaned.get("raw_text") or "").replace("\r\n", "\n").encode("utf-8")
        try:
            cleaned["raw"] = decode_input(data)
        except InputError as exc:
            raise ValidationError(str(exc)) from None
        return cleaned


class ReviewForm(forms.Form):
    """Step 2: everything the analysis proposes, for the editor to correct."""

    title = forms.CharField(max_length=400, required=False)
    slug = forms.SlugField(max_length=200)
    date = forms.DateField(
        required=False, help_text="YYYY-MM-DD; empty when the source gives none."
    )
    kind = forms.ChoiceField(choices=DocumentKind.choices)
    publisher = forms.CharField(max_length=200, required=False)
    text = forms.CharField(
        label="Cleaned text", widget=forms.Textarea(attrs={"rows": 30, "cols": 70})
    )
    raw_text = forms.CharField(
        label="Raw text (as received)",
        strip=False,
        widget=forms.Textarea(attrs={"rows": 30, "cols": 70, "readonly": "readonly"}),
    )
    officials = forms.ModelMultipleChoiceField(
        queryset=Official.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Speakers",
    )
    presidency = forms.ModelChoiceField(
        queryset=Presidency.objects.select_related("chair"), required=False, label="Chairmanship"
    )
    summit = forms.ModelChoiceField(queryset=Summit.objects.all(), required=False, label="Meeting")
    people_count = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=MAX_ITEMS)
    quote_count = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=MAX_ITEMS)

    def __init__(self, *args, people_count=0, quote_count=0, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            people_count = _count(self.data.get("people_count"))
            quote_count = _count(self.data.get("quote_count"))
        self.people_count, self.quote_count = people_count, quote_count
        for i in range(people_count):
            self.fields[f"person_{i}_create"] = forms.BooleanField(
                required=False, label="Create as new official"
            )
            self.fields[f"person_{i}_name"] = forms.CharField(max_length=150, required=False)
        priorities = Priority.objects.select_related("presidency__chair")
        for i in range(quote_count):
            self.fields[f"quote_{i}_use"] = forms.BooleanField(required=False, label="Cite")
            self.fields[f"quote_{i}_text"] = forms.CharField(
                required=False, widget=forms.Textarea(attrs={"rows": 3, "cols": 70})
            )
            self.fields[f"quote_{i}_priority"] = PriorityChoiceField(
                queryset=priorities, required=False, label="for priority"
            )

    def people_rows(self):
        return [
            (self[f"person_{i}_create"], self[f"person_{i}_name"]) for i in range(self.people_count)
        ]

    def quote_rows(self):
        return [
            (self[f"quote_{i}_use"], self[f"quote_{i}_text"], self[f"quote_{i}_priority"])
            for i in range(self.quote_count)
        ]

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if Document.objects.filter(slug=slug).exists():
            raise ValidationError("A document with this slug already exists.")
        return slug

    def clean_raw_text(self):
        raw = self.cleaned_data["raw_text"].replace("\r\n", "\n")
        if len(raw.encode("utf-8")) > MAX_BYTES:
            raise ValidationError(f"The text is larger than {MAX_BYTES // 1024 // 1024} MB.")
        return raw

    def clean_text(self):
        text = self.cleaned_data["text"].replace("\r\n", "\n")
        existing = duplicate_of(text)
        if existing:
            raise ValidationError(f"This text is already stored as {existing.slug}.")
        return text

    def clean(self):
        cleaned = super().clean()
        for i in range(self.people_count):
            name = cleaned.get(f"person_{i}_name", "")
            if cleaned.get(f"person_{i}_create") and not name.strip():
                self.add_error(f"person_{i}_name", "Give the name of the new official.")
        for i in range(self.quote_count):
            if not cleaned.get(f"quote_{i}_use"):
                continue
            if not cleaned.get(f"quote_{i}_priority"):
                self.add_error(f"quote_{i}_priority", "Choose the priority this quote backs.")
            if not cleaned.get(f"quote_{i}_text", "").strip():
                self.add_error(f"quote_{i}_text", "The quote is empty.")
        return cleaned

    def new_officials(self) -> list[str]:
        return [
            self.cleaned_data[f"person_{i}_name"].strip()
            for i in range(self.people_count)
            if self.cleaned_data.get(f"person_{i}_create")
        ]

    def citations(self) -> list[tuple[str, Priority]]:
        return [
            (
                self.cleaned_data[f"quote_{i}_text"].replace("\r\n", "\n"),
                self.cleaned_data[f"quote_{i}_priority"],
            )
            for i in range(self.quote_count)
            if self.cleaned_data.get(f"quote_{i}_use")
        ]


def _count(value) -> int:
    try:
        return max(0, min(int(value), MAX_ITEMS))
    except (TypeError, ValueError):
        return 0


def initial_from(analysis, slug: str) -> dict:
    initial = {
        "title": analysis.title,
        "slug": slug,
        "date": analysis.date,
        "kind": analysis.kind,
        "publisher": analysis.publisher,
        "text": analysis.text,
        "raw_text": analysis.raw,
        "officials": [o.pk for o in analysis.officials],
        "presidency": analysis.presidency.pk if analysis.presidency else None,
        "summit": analysis.summit.pk if analysis.summit else None,
        "people_count": len(analysis.unknown_people),
        "quote_count": len(analysis.priorities),
    }
    for i, name in enumerate(analysis.unknown_people):
        initial[f"person_{i}_name"] = name
        initial[f"person_{i}_create"] = False
    for i, candidate in enumerate(analysis.priorities):
        initial[f"quote_{i}_text"] = candidate.quote
        initial[f"quote_{i}_use"] = False
        initial[f"quote_{i}_priority"] = candidate.priority.pk if candidate.priority else None
    return initial
