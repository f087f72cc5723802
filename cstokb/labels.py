"""Registering the editorial labels that have English and Russian versions (modeltranslation).

Each app's translation.py names its models' labels; a model and its history table are
registered together, so the history carries every version of a label.
"""

from django.db import models
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
