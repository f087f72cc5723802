"""Documents, their versions and the works that group them."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from documents.models import Document, Work, text_fingerprint
from presidencies.models import Official, Presidency, Summit

from .base import ModelValidatedSerializer, RecordSerializer, slug_field
from .citations import CitationBriefSerializer


class VersionSerializer(RecordSerializer):
    """A document as one version of its work: its language, and original or translation."""

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
    title = serializers.CharField(
        max_length=400, required=False, allow_blank=True, help_text="As the source gives it."
    )
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
