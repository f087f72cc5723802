"""The labels pages show in the reader's language: the editorial labels that have English and
Russian versions (modeltranslation), and the labels of a field's choices.

Each app's translation.py names its models' labels; a model and its history table are
registered together, so the history carries every version of a label.
"""

from functools import lru_cache

from django.conf import settings
from django.db import models
from django.utils.hashable import make_hashable
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from modeltranslation.translator import TranslationOptions, translator


def register_labels(labels: dict[type[models.Model], tuple[str, ...]]) -> None:
    for model, fields in labels.items():
        options = type(f"{model.__name__}Labels", (TranslationOptions,), {"fields": fields})
        translator.register([model, model.history.model], options)


def translated_fields(model: type[models.Model]) -> tuple[str, ...]:
    """The model's fields that have a version per language (`name` for `name_en`, `name_ru`)."""
    if model not in translator.get_registered_models():
        return ()
    return tuple(translator.get_options_for_model(model).all_fields)


def falls_back(obj: models.Model, field: str) -> bool:
    """Whether `obj`'s label `field` reads in the default language (English) because the
    active language's version is missing: modeltranslation's fallback."""
    language = get_language()
    translated = f"{field}_{language}"
    return (
        language != settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        and hasattr(obj, translated)
        and not getattr(obj, translated)
        and bool(getattr(obj, field))
    )


def in_default_language(text: str) -> SafeString:
    """`text`, escaped, marked as written in the default language (for screen readers)."""
    return format_html(
        '<span lang="{}">{}</span>', settings.MODELTRANSLATION_DEFAULT_LANGUAGE, text
    )


@lru_cache(maxsize=256)
def _choice_labels(field, language) -> dict:
    return {make_hashable(value): str(label) for value, label in field.flatchoices}


def choice_label(record: models.Model, field_name: str) -> str:
    """What `record.get_<field_name>_display()` says (the label of the value in the active
    language, or the value itself when it is not a choice), from the field's labels
    translated once per language.

    Django's builds a dict of all the field's choices at every call, and hashing each lazy
    label translates it: a list of twenty documents translated the fifteen kinds twenty
    times. Pages and fragments that name a choice for every row call this instead.
    """
    field = record._meta.get_field(field_name)
    value = getattr(record, field.attname)
    return _choice_labels(field, get_language()).get(make_hashable(value), value)
