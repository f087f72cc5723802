"""The "Editors" group: exactly the permissions that editing the knowledge base needs.

Editors add, change, delete and view the knowledge base's records; they cannot manage
users, groups or permissions.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"
EDITED_MODELS = {
    "presidencies": ["memberstate", "presidency", "theme", "priority", "official", "position", "summit"],
    "documents": ["document", "citation"],
}
ACTIONS = ("add", "change", "delete", "view")


def create_group(apps, schema_editor):
    # Permissions are normally created after migrate; create them now so the group can use them.
    for label in EDITED_MODELS:
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    codenames = [f"{a}_{m}" for models in EDITED_MODELS.values() for m in models for a in ACTIONS]
    perms = Permission.objects.filter(
        content_type__app_label__in=EDITED_MODELS, codename__in=codenames
    )
    group.permissions.add(*perms)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("presidencies", "0002_presidency_no_overlap"),
        ("documents", "0002_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_group, remove_group)]
