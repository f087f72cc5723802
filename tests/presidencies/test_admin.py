"""The editors' admin as an editor who is not a superuser: what they may open, list and filter."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_editors_group_has_exactly_the_editing_permissions():
    perms = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    models = ["memberstate", "presidency", "theme", "priority", "official", "position", "summit"]
    models += ["document", "citation", "work"]
    assert perms == {f"{a}_{m}" for m in models for a in ("add", "change", "delete", "view")}
    assert not Permission.objects.filter(group__name="Editors", content_type__app_label="auth")


def test_editor_sees_the_knowledge_base_but_not_user_management(editor_client):
    index = editor_client.get(reverse("admin:index"))
    assert index.status_code == 200
    assert b"Chairmanships" in index.content
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403


@pytest.mark.parametrize(
    "name",
    [
        "presidencies_presidency",
        "presidencies_priority",
        "presidencies_official",
        "presidencies_summit",
        "presidencies_theme",
        "documents_document",
        "documents_citation",
    ],
)
def test_every_changelist_with_search_and_filters_works(editor_client, seed, name):
    response = editor_client.get(reverse(f"admin:{name}_changelist"), {"q": "security"})
    assert response.status_code == 200


def test_autocomplete_for_relations(editor_client, seed):
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "russia-20",
            "app_label": "documents",
            "model_name": "document",
            "field_name": "presidency",
        },
    )
    assert response.status_code == 200
    assert {r["text"] for r in response.json()["results"]} == {"Russia 2020", "Russia 2026"}


def kb_admins():
    from django.contrib import admin

    return sorted(
        f"{model._meta.app_label}_{model._meta.model_name}"
        for model in admin.site._registry
        if model._meta.app_label in {"presidencies", "documents"}
    )


@pytest.mark.parametrize("name", kb_admins())
def test_an_editor_opens_every_changelist_and_add_form(editor_client, seed, name):
    assert editor_client.get(reverse(f"admin:{name}_changelist")).status_code == 200
    assert editor_client.get(reverse(f"admin:{name}_add")).status_code == 200


def test_every_model_of_the_knowledge_base_has_an_admin():
    from django.apps import apps

    models = [
        f"{m._meta.app_label}_{m._meta.model_name}"
        for app in ("presidencies", "documents")
        for m in apps.get_app_config(app).get_models()
        if not m.__name__.startswith("Historical") and m.__name__ != "KnowledgeBaseRevision"
    ]
    assert sorted(models) == kb_admins()


@pytest.mark.parametrize("name", ["auth_user", "auth_group"])
def test_editors_cannot_manage_users_or_groups(editor_client, editor, name):
    assert editor_client.get(reverse(f"admin:{name}_changelist")).status_code == 403
    assert editor_client.get(reverse(f"admin:{name}_add")).status_code == 403
    if name == "auth_user":
        change = reverse("admin:auth_user_change", args=[editor.pk])
        assert editor_client.get(change).status_code == 403


@pytest.mark.parametrize("name", kb_admins())
def test_every_filter_and_date_hierarchy_choice_works(editor_client, seed, name):
    changelist_url = reverse(f"admin:{name}_changelist")
    changelist = editor_client.get(changelist_url).context["cl"]
    choices = [c for spec in changelist.filter_specs for c in spec.choices(changelist)]
    assert choices
    for choice in choices:
        response = editor_client.get(changelist_url + choice["query_string"])
        assert response.status_code == 200, choice
    if changelist.date_hierarchy:
        field = changelist.date_hierarchy
        rows = changelist.root_queryset.exclude(**{f"{field}__isnull": True})
        first = rows.values_list(field, flat=True)[:1]
        if first:
            year = first[0].year
            response = editor_client.get(changelist_url, {f"{field}__year": year})
            assert response.status_code == 200
            assert response.context["cl"].result_count >= 1


@pytest.mark.parametrize(
    ("name", "filters", "hierarchy"),
    [
        ("memberstate", {"chaired"}, None),
        ("theme", {"has_priorities", "priorities__presidency__id__exact"}, None),
        ("official", {"positions__member_state__id__exact", "speaker"}, None),
        ("position", {"member_state__id__exact", "ended__exact"}, "start_date"),
        ("priority", {"status__exact"}, "updated_at"),
        ("citation", {"role__exact", "document__presidency__id__exact"}, "document__date"),
    ],
)
def test_editors_filter_and_browse_by_date(editor_client, seed, name, filters, hierarchy):
    app = "documents" if name == "citation" else "presidencies"
    changelist = editor_client.get(reverse(f"admin:{app}_{name}_changelist")).context["cl"]
    parameters = {p for spec in changelist.filter_specs for p in spec.expected_parameters()}
    assert filters <= parameters
    assert changelist.date_hierarchy == hierarchy


def test_the_chaired_filter_lists_the_states_that_chaired(editor_client, seed):
    url = reverse("admin:presidencies_memberstate_changelist")
    chaired = editor_client.get(url, {"chaired": "yes"}).context["cl"].result_list
    assert {s.slug for s in chaired} == {"russia", "kyrgyzstan", "tajikistan"}
    others = editor_client.get(url, {"chaired": "no"}).context["cl"].result_list
    assert {s.slug for s in others} == {"belarus", "kazakhstan"}
