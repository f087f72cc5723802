"""The editorial wording on works and documents, in English and Russian (modeltranslation).

A document's title and text are its source's and stay as published; only the notes the
editors write, and a work's editorial title, have a Russian version.
"""

from modeltranslation.translator import TranslationOptions, translator

from .models import Document, Work

LABELS = {
    Work: ("title", "editorial_note"),
    Document: ("editorial_note",),
}

for model, labels in LABELS.items():
    options = type(f"{model.__name__}Labels", (TranslationOptions,), {"fields": labels})
    translator.register([model, model.history.model], options)
