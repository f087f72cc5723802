"""Officials with their posts, and meetings with their participants."""

from rest_framework import serializers

from presidencies.models import Official, Position, Presidency, Summit

from .base import ModelValidatedSerializer, slug_field


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
    positions = PositionSerializer(many=True, read_only=True)

    class Meta:
        model = Official
        fields = ["slug", "url", "name", "aliases", "positions", "created_at", "updated_at"]


class SummitSerializer(ModelValidatedSerializer):
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
