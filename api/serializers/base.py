"""What every serializer of the API shares: the page URL, related records by slug, validation
through the model."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from modeltranslation import settings as modeltranslation_settings
from modeltranslation.utils import build_localized_fieldname
from rest_framework import serializers
from rest_framework.validators import UniqueValidator

from cstokb.labels import translated_fields

from .. import schema_rules
from ..errors import CONFLICT_CODES, Conflict, error_codes


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

    default_error_messages = {
        "null_characters": _("Null characters are not allowed."),
        "empty": _("Give a slug, or null for none."),
    }

    def run_validation(self, data=serializers.empty):
        # DRF reads "" as null for a related field (an HTML form's empty choice); in JSON,
        # null is null and "" names no record.
        if data == "":
            self.fail("empty")
        return super().run_validation(data)

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("null_characters")
        return super().to_internal_value(data)


# The default language first: its version is the one a model may require.
LANGUAGES = (
    modeltranslation_settings.DEFAULT_LANGUAGE,
    *(
        code
        for code in modeltranslation_settings.AVAILABLE_LANGUAGES
        if code != modeltranslation_settings.DEFAULT_LANGUAGE
    ),
)


def versions(name: str) -> list[str]:
    """A label's field per language (`name_en`, `name_ru`), the default language first."""
    return [build_localized_fieldname(name, code) for code in LANGUAGES]


def language_name(code: str) -> str:
    """The language's English name: the schema is written in English."""
    return get_language_info(code)["name"]


def slug_field(queryset, **kwargs) -> serializers.SlugRelatedField:
    return SlugReferenceField(slug_field="slug", queryset=queryset, **kwargs)


class RecordSerializer(serializers.ModelSerializer):
    """A record of the knowledge base as the API shows it: with its page on the site (`url`)."""

    url = PageURLField()


class ModelValidatedSerializer(RecordSerializer):
    """Runs the model's full_clean() on the record as it would be saved.

    Input wrong on its own is a 400; input refused only by what is stored (a slug taken, a
    related record that does not exist, an overlapping period, a rule between fields that a
    partial update breaks through the values it keeps) a 409 with the same messages. A PUT
    replaces the record: a field it leaves out takes its default, as in a POST.

    A label with a version per language (modeltranslation: a theme's `name`) is written as
    `name_en` and `name_ru`, whatever the request's language, and read back the same way;
    the plain `name` is read-only, in the response's language (the Russian where there is
    one, else the English), as the pages show it.
    """

    def is_valid(self, *, raise_exception: bool = False) -> bool:
        valid = super().is_valid()
        if not valid and raise_exception:
            if error_codes(self.errors) <= CONFLICT_CODES:
                raise Conflict(self.errors)
            raise serializers.ValidationError(self.errors)
        return valid

    def to_internal_value(self, data):
        # DRF's CharField turns a number into its digits; the schema says a string.
        if isinstance(data, dict):
            wrong = [
                name
                for name, field in self.fields.items()
                if isinstance(field, serializers.CharField)
                and not field.read_only
                and data.get(name) is not None
                and not isinstance(data[name], str)
            ]
            if wrong:
                raise serializers.ValidationError(
                    {
                        name: [serializers.ErrorDetail(str(_("Not a string.")), code="invalid")]
                        for name in wrong
                    }
                )
            self.refuse_plain_labels(data)
        return super().to_internal_value(data)

    def refuse_plain_labels(self, data: dict) -> None:
        """A label written by its plain name alone (`name`) is refused: read-only, it shows
        the response's language, and a write has to say which version it sets. Beside its
        versions (a record read and sent back) it is ignored, as DRF ignores read-only fields."""
        plain = [
            name
            for name in self.translated()
            if name in data and not any(version in data for version in versions(name))
        ]
        if plain:
            raise serializers.ValidationError(
                {
                    name: [
                        serializers.ErrorDetail(
                            str(
                                _("Read-only, in the response's language: write %(versions)s.")
                                % {"versions": ", ".join(versions(name))}
                            ),
                            code="read_only",
                        )
                    ]
                    for name in plain
                }
            )

    def translated(self) -> tuple[str, ...]:
        """The model's labels with a version per language that this serializer shows."""
        return tuple(
            name
            for name in translated_fields(self.Meta.model)
            if name in self.Meta.fields and name not in self._declared_fields
        )

    def get_field_names(self, declared_fields, info):
        names = super().get_field_names(declared_fields, info)
        translated = self.translated()
        expanded = []
        for name in names:
            expanded.append(name)
            if name in translated:
                expanded += versions(name)
        return expanded

    def get_extra_kwargs(self):
        extra = super().get_extra_kwargs()
        for name in self.translated():
            required = not self.Meta.model._meta.get_field(name).blank
            default, *others = versions(name)
            extra[name] = {
                "read_only": True,
                "help_text": "In the response's language (Content-Language): the "
                + " or ".join(language_name(code) for code in LANGUAGES[1:])
                + f" where there is one, else the {language_name(LANGUAGES[0])}. Read-only: "
                f"write `{default}` and " + ", ".join(f"`{version}`" for version in others) + ".",
            }
            extra[default] = {
                "required": required,
                # A label the model may leave blank is stored as null where never written.
                "allow_null": not required,
                "help_text": f"In {language_name(LANGUAGES[0])}, whatever the request's language"
                + (" (required)." if required else "; may be empty or null."),
            }
            for code, version in zip(LANGUAGES[1:], others, strict=True):
                extra[version] = {
                    "required": False,
                    "allow_null": True,
                    "help_text": f"In {language_name(code)}, whatever the request's language; "
                    f"null (or empty) where there is none: the {language_name(LANGUAGES[0])} "
                    "is shown instead.",
                }
        return extra

    def get_uniqueness_extra_kwargs(self, field_names, declared_fields, extra_kwargs):
        extra, hidden = super().get_uniqueness_extra_kwargs(
            field_names, declared_fields, extra_kwargs
        )
        # DRF gives a nullable field of a unique rule a default of None; a required English
        # version has none (the column it fills is not null).
        for kwargs in extra.values():
            if kwargs.get("required"):
                kwargs.pop("default", None)
        return extra, hidden

    def build_standard_field(self, field_name, model_field):
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        # A taken value is the model's rule, said in its own words (cstokb.constraints.unique):
        # full_clean() checks it below. DRF's validator would answer first, in Django's
        # generic wording ("тема с таким slug уже существует.").
        validators = [v for v in kwargs.get("validators", []) if not isinstance(v, UniqueValidator)]
        if "validators" in kwargs:
            kwargs["validators"] = validators
        return field_class, kwargs

    def prepare_candidate(self, candidate) -> None:
        """Fill what the model computes on save, so constraints see the final row."""

    def replaced_defaults(self, attrs) -> dict:
        """The writable fields a PUT leaves out, at their defaults (what a POST stores)."""
        model = self.Meta.model
        defaults = {}
        for field in self.fields.values():
            if field.read_only or field.source == "*" or field.source in attrs:
                continue
            model_field = model._meta.get_field(field.source)
            defaults[field.source] = [] if model_field.many_to_many else model_field.get_default()
        return defaults

    def validate(self, attrs):
        if self.instance is not None and not self.partial:
            attrs = {**attrs, **self.replaced_defaults(attrs)}
        for name in self.translated():
            for version in versions(name)[1:]:
                # No version is null, not "": the per-language unique rules take any number
                # of missing versions, as the admin stores them.
                if attrs.get(version) == "":
                    attrs[version] = None
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
            # Each version is checked under its own name (`name_en`, `name_ru`); the plain
            # `name` would be read in the request's language, and is the English when saved.
            candidate.full_clean(exclude=translated_fields(model))
        except DjangoValidationError as exc:
            errors = serializers.as_serializer_error(exc)
            if self.partial and schema_rules.refused_by_stored(candidate, attrs):
                raise Conflict(errors) from exc
            raise serializers.ValidationError(errors) from exc
        return attrs
