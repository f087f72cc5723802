"""The editorial wording on works and documents, in English and Russian (modeltranslation).

A document's title and text are its source's and stay as published; only the notes the
editors write, and a work's editorial title, have a Russian version.
"""

from cstokb.labels import register_labels

from .models import Document, Work

LABELS = {
    Work: ("title", "editorial_note"),
    Document: ("editorial_note",),
}

register_labels(LABELS)
