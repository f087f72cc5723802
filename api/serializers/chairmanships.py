"""Member states, themes, priorities and chairmanships."""

from rest_framework import serializers

from documents.models import Document
from presidencies.models import MemberState, Presidency, Priority, Theme

from .base import ModelValidatedSerializer, RecordSerializer, slug_field
from .citations import CitationBriefSerializer


class MemberStateSerializer(ModelValidatedSerializer):
    class Meta:
        model = MemberState
        fields = ["slug", "url", "name", "iso_code", "created_at", "updated_at"]


class ThemeSerializer(ModelValidatedSerializer):
    priority_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Theme
        fields = [
            "slug",
            "url",
            "name",
            "description",
            "keywords",
            "keywords_ru",
            "priority_count",
            "created_at",
            "updated_at",
        ]


class PrioritySerializer(ModelValidatedSerializer):
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


class PresidencyPrioritySerializer(RecordSerializer):
    """A priority inside its chairmanship: theme, quotes, follow-through."""

    theme = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    theme_name = serializers.CharField(source="theme.name", read_only=True)
    instruments = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    citations = CitationBriefSerializer(many=True, read_only=True)

    class Meta(PrioritySerializer.Meta):
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


def neighbour_field(source: str, help_text: str) -> serializers.SlugField:
    """The slug of the chairmanship before or after (null for the first or the newest)."""
    return serializers.SlugField(
        source=source, read_only=True, allow_null=True, help_text=help_text
    )


class PresidencySerializer(ModelValidatedSerializer):
    chair = slug_field(MemberState.objects.all(), help_text="The chair state's slug.")
    chair_name = serializers.CharField(source="chair.name", read_only=True)
    predecessor = neighbour_field("predecessor_slug", "The previous chairmanship's slug.")
    successor = neighbour_field("successor_slug", "The next chairmanship's slug.")
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

    def validate(self, attrs):
        # The slug follows from chair and year (`russia-2026`); set before the model's
        # validation, so its unique constraint sees the row as it will be saved.
        chair = attrs.get("chair", getattr(self.instance, "chair", None))
        year = attrs.get("year", getattr(self.instance, "year", None))
        if chair and year:
            attrs["slug"] = Presidency.slug_for(chair, year)
        return super().validate(attrs)


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
