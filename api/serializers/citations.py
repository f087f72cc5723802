"""Quotes: brief under what they back, in full, and as W3C Web Annotations."""

from rest_framework import serializers

from documents.models import Citation, Document
from presidencies.models import MemberState, Position, Presidency, Priority, Summit
from provenance import annotations

from .base import ModelValidatedSerializer, PageURLField, RecordSerializer, slug_field


class QuotedVersionSerializer(serializers.ModelSerializer):
    """Which version of its statement a quote is taken from: a quote is worded as its version
    is, so a reader needs its language and whether it is the original or a translation."""

    class Meta:
        model = Document
        fields = ["language", "version_role", "translator"]
        read_only_fields = fields
        extra_kwargs = {
            "language": {"help_text": "The language of the quoted text (ISO 639-1: en, ru)."},
            "version_role": {
                "help_text": "`original` or `translation` of its work; `unstated` when the "
                "sources do not say, or the document is no version of a work."
            },
            "translator": {"help_text": "Who translated it, where the source says; else empty."},
        }


def quoted_version():
    return QuotedVersionSerializer(
        source="document",
        read_only=True,
        help_text="The quoted document as a version: its language, role and translator.",
    )


class CitationBriefSerializer(RecordSerializer):
    """A quote as shown under what it backs: the document and the exact passage."""

    document = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    version = quoted_version()
    url = PageURLField(help_text="The highlighted passage in the document's page.")

    class Meta:
        model = Citation
        fields = ["id", "document", "version", "quote", "role", "url"]


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
    version = quoted_version()

    class Meta:
        model = Citation
        fields = [
            "id",
            "url",
            "document",
            "version",
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
