"""choice_label says what get_FOO_display() says, in each language, translating each label
once per language instead of every label at every call."""

import pytest
from django.apps import apps
from django.utils import translation

from cstokb.labels import _choice_labels, choice_label
from documents.models import Document

KB_APPS = ("presidencies", "documents")


def _choice_fields():
    for app in KB_APPS:
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.concrete_fields:
                if field.choices and not model.__name__.startswith("Historical"):
                    yield model, field


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_choice_reads_as_get_display_gives_it_in_each_language(language):
    fields = list(_choice_fields())
    assert {(m.__name__, f.name) for m, f in fields} >= {("Document", "kind"), ("Summit", "status")}
    with translation.override(language):
        for model, field in fields:
            for value in [value for value, _ in field.flatchoices] + ["not-a-choice", ""]:
                record = model(**{field.attname: value})
                expected = getattr(record, f"get_{field.name}_display")()
                assert choice_label(record, field.name) == expected, (model, field.name, value)


def test_the_labels_follow_the_active_language():
    document = Document(kind="decision")
    with translation.override("en"):
        assert choice_label(document, "kind") == "Decision"
    with translation.override("ru"):
        assert choice_label(document, "kind") == "Решение"
    with translation.override("en"):
        assert choice_label(document, "kind") == "Decision"


def test_a_list_of_rows_translates_each_label_once(monkeypatch):
    calls = []
    real = translation._trans.gettext

    def counting(message):
        calls.append(message)
        return real(message)

    # Lazy labels translate through translation.gettext's backend at each str().
    monkeypatch.setattr(translation._trans, "gettext", counting)
    _choice_labels.cache_clear()
    documents = [Document(kind=kind) for kind in ("treaty", "decision", "statement") * 10]
    with translation.override("ru"):
        labels = {choice_label(document, "kind") for document in documents}
    kinds = len(Document._meta.get_field("kind").flatchoices)
    assert len(labels) == 3
    assert len(calls) == kinds  # each of the field's labels once, not once per row
