"""The editors' admin in Russian: every label an editor reads there (the app, the model, each
field's name and help text, fieldsets, columns, filters, inlines) has its Russian version,
and the changelist and change form pages show it."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets, help_text_for_field, label_for_field
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst

pytestmark = pytest.mark.django_db

# Written the same in both languages: names, not words.
SAME_IN_BOTH = {"ID", "JSON API"}
RU = {"HTTP_ACCEPT_LANGUAGE": "ru"}


def project_admins() -> dict[str, admin.ModelAdmin]:
    """The admins of this project's apps, by URL name (third-party apps bring their own
    catalogues, Django's among them)."""
    return {
        f"{model._meta.app_label}_{model._meta.model_name}": model_admin
        for model, model_admin in admin.site._registry.items()
        if Path(model._meta.app_config.path).parent == Path(settings.BASE_DIR)
    }


def form_labels(model_admin, request) -> dict[str, str]:
    """The fieldsets' titles and every field's name and help text, of the form and its inlines."""
    labels = {}
    admins = [model_admin, *model_admin.get_inline_instances(request)]
    for part in admins:
        model = part.model
        fieldsets = part.get_fieldsets(request)
        for title, _options in fieldsets:
            if title:
                labels[f"{model.__name__} fieldset"] = str(title)
        for name in flatten_fieldsets(fieldsets):
            labels[f"{model.__name__}.{name}"] = str(label_for_field(name, model, part))
            if help_text := help_text_for_field(name, model):
                labels[f"{model.__name__}.{name} help"] = str(help_text)
    return labels


def labels(model_admin, request) -> dict[str, str]:
    """Everything the admin names the model with, read in the active language."""
    model, options = model_admin.model, model_admin.model._meta
    columns = {
        f"column {name}": str(label_for_field(name, model, model_admin))
        for name in model_admin.get_list_display(request)
    }
    return {
        "app": str(options.app_config.verbose_name),
        "model": str(options.verbose_name),
        "models": str(options.verbose_name_plural),
        **columns,
        **form_labels(model_admin, request),
    }


@pytest.fixture
def admin_request(admin_user):
    request = RequestFactory().get("/")
    request.user = admin_user
    return request


def test_the_walk_covers_every_admin_of_the_project():
    assert set(project_admins()) == {
        "presidencies_memberstate",
        "presidencies_presidency",
        "presidencies_theme",
        "presidencies_priority",
        "presidencies_official",
        "presidencies_position",
        "presidencies_summit",
        "documents_document",
        "documents_citation",
        "documents_work",
        "api_apitoken",
    }


@pytest.mark.parametrize("name", sorted(project_admins()))
def test_every_admin_label_has_its_russian(admin_request, name):
    model_admin = project_admins()[name]
    with translation.override("en"):
        english = labels(model_admin, admin_request)
    with translation.override("ru"):
        russian = labels(model_admin, admin_request)
    assert english.keys() == russian.keys()
    untranslated = {
        key: text
        for key, text in english.items()
        if russian[key] == text and text not in SAME_IN_BOTH
    }
    assert not untranslated, f"No Russian in locale/ru/LC_MESSAGES/django.po for {untranslated}"


def kb_admins() -> list[str]:
    """The admins an editor works in (API tokens are a superuser's)."""
    return sorted(name for name in project_admins() if not name.startswith("api_"))


def filter_titles(response) -> list[str]:
    with translation.override(response["Content-Language"]):
        return [str(spec.title) for spec in response.context["cl"].filter_specs]


@pytest.mark.parametrize("name", kb_admins())
def test_the_changelist_is_in_russian(editor_client, seed, admin_request, name):
    url = reverse(f"admin:{name}_changelist")
    english, russian = editor_client.get(url), editor_client.get(url, **RU)
    html = russian.content.decode()
    assert '<html lang="ru"' in html
    titles = filter_titles(russian)
    for title, in_english in zip(titles, filter_titles(english), strict=True):
        assert title != in_english and title in html, title
    with translation.override("ru"):
        columns = labels(project_admins()[name], admin_request)
    for key, text in columns.items():
        if key.startswith("column "):
            assert capfirst(text) in html, key


@pytest.mark.parametrize("name", kb_admins())
def test_the_change_form_is_in_russian(editor_client, seed, admin_request, name):
    model_admin = project_admins()[name]
    row = model_admin.model._default_manager.first()
    assert row is not None
    response = editor_client.get(reverse(f"admin:{name}_change", args=[row.pk]), **RU)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ru"' in html
    with translation.override("ru"):
        shown = form_labels(model_admin, admin_request)
    missing = {key: text for key, text in shown.items() if capfirst(text) not in html}
    assert not missing


# simple_history's own texts, which its ru_RU catalogue and ours translate.
HISTORY_IN_ENGLISH = ("Change history", "Changed by", "Change reason", "Date/time", "Changes")


@pytest.mark.parametrize(
    "name", [n for n in kb_admins() if hasattr(project_admins()[n], "history_view")]
)
def test_the_history_is_in_russian(editor_client, seed, name):
    row = project_admins()[name].model._default_manager.first()
    response = editor_client.get(reverse(f"admin:{name}_history", args=[row.pk]), **RU)
    assert response.status_code == 200
    html = response.content.decode()
    assert "История изменений" in html and "Кем изменено" in html
    assert not [text for text in HISTORY_IN_ENGLISH if text in html]
