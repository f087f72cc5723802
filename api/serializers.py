"""Serializers of API v1: plain field names, related records by slug (priorities, citations
and posts by id), every item with its HTML page `url`.

Writes are validated by the models themselves (`full_clean`: field rules, `clean()` rules
that span rows such as overlapping chairmanships or a quote missing from its document, and
the `Meta.constraints`), so the API accepts exactly what the admin accepts.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from documents.models import Citation, Document, Work, text_fingerprint
from presidencies.models import MemberState, Official, Position, Presidency, Priority, Summit, Theme
from provenance import annotations


@extend_schema_field(OpenApiTypes.URI)
class PageURLField(serializers.Field):
    """The item's page on the site (absolute URL)."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, obj) -> str:
        request = self.context.get("request")
        url = obj.get_absolute_url()
        # Without a request (the bulk export) the configured site URL is the base.
        return (
            request.build_absolute_uri(url) if request else self.context.get("site_url", "") + url
        )


class SlugReferenceField(serializers.SlugRelatedField):
    """A related record named by its slug. A NUL character is refused before the lookup:
    PostgreSQL cannot compare text holding one, so the query itself would fail (a 500)."""

    default_error_messages = {"null_characters": "Null characters are not allowed."}

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("null_characters")
        return super().to_internal_value(data)


def slug_field(queryset, **kwargs) -> serializers.SlugRelatedField:
    return SlugReferenceField(slug_field="slug", queryset=queryset, **kwargs)


class ModelValidatedSerializer(serializers.ModelSerializer):
    """Runs the model's full_clean() on the record as it would be saved."""

    def prepare_candidate(self, candidate) -> None:
        """Fill what the model computes on save, so constraints see the final row."""

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        concrete = list(model._meta.concrete_fields)
        if self.instance is not None:
            candidate = model(**{f.attname: getattr(self.instance, f.attname) for f in concrete})
            candidate._state.adding = False
            candidate._state.db = self.instance._state.db
        else:
            candidate = model()
        m2m = {f.name for f in model._meta.many_to_many}
        for name, value in attrs.items():
            if name not in m2m:
                setattr(candidate, name, value)
        self.prepare_candidate(candidate)
        try:
            candidate.full_clean()
        except DjangoValidationError as exc:
            raise serializers.ValidationError(serializers.as_serializer_error(exc)) from exc
        return attrs


# --- Member states and themes ---------------------------------------------------------------


class MemberStateSerializer(ModelValidatedSerializer):
    url = PageURLField()

    class Meta:
        model = MemberState
        fields = ["slug", "url", "name", "iso_code", "created_at", "updated_at"]


class ThemeSerializer(ModelValidatedSerializer):
    url = PageURLField()
    priority_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Theme
        fields = [
            "slug",
            "url",
            "name",
            "description",
            "keywords",
            "priority_count",
            "created_at",
            "updated_at",
        ]


# --- Citations --------------------------------------------------------------------------------


class CitationBriefSerializer(serializers.ModelSerializer):
    """A quote as shown under what it backs: the document and the exact passage."""

    document = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    url = PageURLField(help_text="The highlighted passage in the document's page.")

    class Meta:
        model = Citation
        fields = ["id", "document", "quote", "role", "url"]


class CitationSerializer(ModelValidatedSerializer):
    url = PageURLField(help_text="The highlighted passage in the document's page.")
    document = slug_field(Document.objects.all())
    priority = serializers.PrimaryKeyRelatedField(
        queryset=Priority.objects.all(), required=False, allow_null=True
    )
    presidency = slug_field(Presidency.objects.all(), required=False, allow_null=True)
    summit = slug_field(Summit.objects.all(), required=False, allow_null=True)
    position = serializers.PrimaryKeyRelatedField(
        queryset=Position.objects.all(), required=False, allow_null=True
    )
    member_state = slug_field(MemberState.objects.all(), required=False, allow_null=True)
    instrument = slug_field(Document.objects.all(), required=False, allow_null=True)

    class Meta:
        model = Citation
        fields = [
            "id",
            "url",
            "document",
            "quote",
            "role",
            "note",
            *Citation.TARGETS,
            "created_at",
            "updated_at",
        ]


class WebAnnotationSerializer(serializers.Serializer):
    """A citation as a W3C Web Annotation (JSON-LD, `@context` http://www.w3.org/ns/anno.jsonld).

    The fields below name its shape for the schema; the document is built by
    provenance.annotations and also carries `@context`.
    """

    id = serializers.URLField(read_only=True)
    type = serializers.CharField(read_only=True, help_text="`Annotation`.")
    motivation = serializers.CharField(read_only=True, help_text="`linking`.")
    body = serializers.DictField(
        read_only=True, help_text="`id`: the fact's page in the knowledge base; `label`."
    )
    target = serializers.ListField(
        child=serializers.DictField(),
        read_only=True,
        help_text="SpecificResources: the official page (TextQuoteSelector) and the stored "
        "text (TextQuoteSelector and TextPositionSelector in code points), with language "
        "and date.",
    )
    canonical = serializers.URLField(read_only=True, help_text="The passage's page.")
    created = serializers.DateTimeField(read_only=True)
    modified = serializers.DateTimeField(read_only=True)

    def to_representation(self, instance):
        return annotations.annotation(self.context["request"], instance)


# --- Priorities -------------------------------------------------------------------------------


class PrioritySerializer(ModelValidatedSerializer):
    url = PageURLField()
    presidency = slug_field(Presidency.objects.all())
    theme = slug_field(Theme.objects.all())
    instruments = slug_field(
        Document.objects.all(),
        many=True,
        required=False,
        help_text="Slugs of the decisions, strategies or plans that carry it out.",
    )
    citations = CitationBriefSerializer(many=True, read_only=True)

    class Meta:
        model = Priority
        fields = [
            "id",
            "url",
            "presidency",
            "theme",
            "title",
            "summary",
            "order",
            "status",
            "status_note",
            "instruments",
            "citations",
            "created_at",
            "updated_at",
        ]


class PresidencyPrioritySerializer(serializers.ModelSerializer):
    """A priority inside its chairmanship: theme, quotes, follow-through."""

    url = PageURLField()
    theme = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    theme_name = serializers.CharField(source="theme.name", read_only=True)
    instruments = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    citations = CitationBriefSerializer(many=True, read_only=True)

    class Meta:
        model = Priority
        fields = [
            "id",
            "url",
            "theme",
            "theme_name",
            "title",
            "summary",
            "status",
            "status_note",
            "instruments",
            "citations",
        ]


# --- Chairmanships ----------------------------------------------------------------------------


class PresidencySerializer(ModelValidatedSerializer):
    url = PageURLField()
    chair = slug_field(MemberState.objects.all(), help_text="The chair state's slug.")
    chair_name = serializers.CharField(source="chair.name", read_only=True)
    predecessor = serializers.SlugField(
        source="predecessor_slug",
        read_only=True,
        allow_null=True,
        help_text="The previous chairmanship's slug.",
    )
    successor = serializers.SlugField(
        source="successor_slug",
        read_only=True,
        allow_null=True,
        help_text="The next chairmanship's slug.",
    )
    priority_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Presidency
        fields = [
            "slug",
            "url",
            "chair",
            "chair_name",
            "year",
            "start_date",
            "end_date",
            "concluded",
            "motto",
            "website",
            "summary",
            "predecessor",
            "successor",
            "priority_count",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["slug"]

    def prepare_candidate(self, candidate) -> None:
        # The slug follows from chair and year (`russia-2026`).
        if candidate.chair_id and candidate.year:
            candidate.slug = Presidency.slug_for(candidate.chair, candidate.year)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        chair = attrs.get("chair", getattr(self.instance, "chair", None))
        year = attrs.get("year", getattr(self.instance, "year", None))
        if chair and year:
            attrs["slug"] = Presidency.slug_for(chair, year)
        return attrs


class PresidencyDetailSerializer(PresidencySerializer):
    priorities = PresidencyPrioritySerializer(many=True, read_only=True)
    summits = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    citations = CitationBriefSerializer(
        many=True, read_only=True, help_text="Quotes that attest the chairmanship itself."
    )

    class Meta(PresidencySerializer.Meta):
        fields = [
            *PresidencySerializer.Meta.fields,
            "editorial_note",
            "priorities",
            "summits",
            "citations",
        ]


# --- Officials --------------------------------------------------------------------------------


class PositionSerializer(serializers.ModelSerializer):
    # Null for a post in an organisation (the CSTO Secretary General) rather than a state.
    member_state = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    period = serializers.CharField(source="period_label", read_only=True)

    class Meta:
        model = Position
        fields = [
            "id",
            "title",
            "member_state",
            "organisation",
            "start_date",
            "end_date",
            "ended",
            "period",
        ]


class OfficialSerializer(ModelValidatedSerializer):
    url = PageURLField()
    positions = PositionSerializer(many=True, read_only=True)

    class Meta:
        model = Official
        fields = ["slug", "url", "name", "aliases", "positions", "created_at", "updated_at"]


# --- Meetings ---------------------------------------------------------------------------------


class SummitSerializer(ModelValidatedSerializer):
    url = PageURLField()
    presidency = slug_field(Presidency.objects.all(), required=False, allow_null=True)
    participants = slug_field(
        Official.objects.all(), many=True, required=False, help_text="Officials' slugs."
    )
    documents = serializers.SlugRelatedField(
        slug_field="slug",
        many=True,
        read_only=True,
        help_text="Documents it adopted or that report on it.",
    )
    format = serializers.CharField(
        source="format_label", read_only=True, help_text="Attendance and sitting, where stated."
    )

    class Meta:
        model = Summit
        fields = [
            "slug",
            "url",
            "kind",
            "title",
            "date",
            "city",
            "venue",
            "attendance",
            "sitting",
            "format",
            "status",
            "presidency",
            "participants",
            "documents",
            "editorial_note",
            "created_at",
            "updated_at",
        ]


# --- Documents and works ----------------------------------------------------------------------


class VersionSerializer(serializers.ModelSerializer):
    """A document as one version of its work: its language, and original or translation."""

    url = PageURLField()
    display_title = serializers.CharField(read_only=True)

    class Meta:
        model = Document
        fields = [
            "slug",
            "url",
            "display_title",
            "language",
            "version_role",
            "translator",
            "publisher",
            "date",
        ]


class WorkSerializer(ModelValidatedSerializer):
    url = PageURLField()
    versions = VersionSerializer(
        many=True, read_only=True, help_text="Its texts: the original and the translations."
    )

    class Meta:
        model = Work
        fields = [
            "slug",
            "url",
            "title",
            "original_language",
            "editorial_note",
            "versions",
            "created_at",
            "updated_at",
        ]


@extend_schema_field(serializers.ListField(child=serializers.SlugField()))
class SiblingVersionsField(serializers.Field):
    """The slugs of the other versions of the document's work (empty without a work)."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, obj) -> list[str]:
        if obj.work_id is None:
            return []
        return [v.slug for v in obj.work.versions.all() if v.pk != obj.pk]


class DocumentSerializer(ModelValidatedSerializer):
    url = PageURLField()
    title = serializers.CharField(
        max_length=400, required=False, allow_blank=True, help_text="As the source gives it."
    )
    display_title = serializers.CharField(read_only=True)
    speakers = slug_field(
        Official.objects.all(), many=True, required=False, help_text="Officials' slugs."
    )
    presidency = slug_field(Presidency.objects.all(), required=False, allow_null=True)
    summit = slug_field(Summit.objects.all(), required=False, allow_null=True)
    work = slug_field(
        Work.objects.all(),
        required=False,
        allow_null=True,
        help_text="The work (statement) this text is a version of (slug).",
    )
    versions = SiblingVersionsField(help_text="Slugs of the work's other versions.")

    class Meta:
        model = Document
        fields = [
            "slug",
            "url",
            "kind",
            "title",
            "display_title",
            "date",
            "publisher",
            "source_url",
            "language",
            "speakers",
            "presidency",
            "summit",
            "work",
            "version_role",
            "translator",
            "versions",
            "created_at",
            "updated_at",
        ]
        # The model's full_clean() checks "one original per work" and says so on the field;
        # DRF's generic unique-together validator would only say "must make a unique set".
        validators = []

    def prepare_candidate(self, candidate) -> None:
        candidate.text_hash = text_fingerprint(candidate.text)


class DocumentDetailSerializer(DocumentSerializer):
    text = serializers.CharField(
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        help_text="The cleaned text; paragraphs separated by a blank line.",
    )
    citations = CitationBriefSerializer(
        many=True, read_only=True, help_text="Passages of this document that the KB cites."
    )

    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "text", "editorial_note", "citations"]
