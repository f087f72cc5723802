"""Registering the editorial labels that have English and Russian versions (modeltranslation).

Each app's translation.py names its models' labels; a model and its history table are
registered together, so the history carries every version of a label.
"""

from django.conf import settings
from django.db import models
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
