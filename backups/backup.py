"""What a backup of the knowledge base holds, and how it is checked before a restore.

The export keeps primary keys (the history tables refer to rows by id) and writes foreign
keys to users, groups and content types by natural key, so a restore into any freshly
migrated database finds them whatever their ids there.
"""

import datetime

from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from knox.models import get_token_model


def add_backup_arguments(parser, file_help: str, accounts_help: str) -> None:
    """export_kb's and import_kb's: the file, and --with-accounts, since the editors'
    accounts go in a backup only when asked for."""
    parser.add_argument("file", help=file_help)
    parser.add_argument("--with-accounts", action="store_true", help=accounts_help)


# Bookkeeping, not knowledge: the revision counter is bumped by the import itself.
NOT_EXPORTED = {settings.KB_REVISION_MODEL.lower()}


def kb_models() -> list[type[models.Model]]:
    """Every model of the knowledge base's apps: records, history tables and M2M history."""
    return [
        m
        for label in settings.KB_APPS
        for m in apps.get_app_config(label).get_models()
        if m._meta.label_lower not in NOT_EXPORTED
    ]


def user_models() -> list[type[models.Model]]:
    """Editors' groups (with their permissions), accounts, API token digests, the admin's log."""
    return [Group, get_user_model(), get_token_model(), LogEntry]


def user_labels() -> set[str]:
    return {model_label(m) for m in user_models()}


def forget_users(objects: list[dict]) -> None:
    """Drop the history's references to accounts that are not carried (they would dangle)."""
    for obj in objects:
        fields = obj.get("fields")
        if isinstance(fields, dict) and "history_user" in fields:
            fields["history_user"] = None


# Written without their own ids: migrations create them (the Editors group), and a restore
# matches them by name instead of clashing with the new database's ids.
NATURAL_PRIMARY_KEYS = {"auth.group"}


class ExactJSONEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder as in fixtures, but times keep their microseconds (ECMA-262 cuts them
    to milliseconds, so a restore changed every timestamp that had them)."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


def model_label(model: type[models.Model]) -> str:
    return model._meta.label_lower


def kb_row_count() -> int:
    return sum(model._default_manager.count() for model in kb_models())


def through_models(model_list) -> list[type[models.Model]]:
    """Auto-created M2M tables: serialised inside their owner, compared on their own in tests."""
    return [
        field.remote_field.through
        for model in model_list
        for field in model._meta.local_many_to_many
        if field.remote_field.through._meta.auto_created
    ]
