"""Create (or update) an editor account: staff, in the Editors group, not a superuser."""

import getpass
import os

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from knox.models import get_token_model

EDITORS_GROUP = "Editors"


class Command(BaseCommand):
    help = (
        "Create an editor account for the admin and the API. The password is read from "
        "the EDITOR_PASSWORD environment variable or asked for interactively."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--token",
            action="store_true",
            help="Also make an API token and print it (once: only its digest is stored).",
        )
        parser.add_argument(
            "--token-name", default="create_editor", help="What the token is for (its name)."
        )

    def handle(self, *args, username: str, email: str, token: bool, token_name: str, **options):
        try:
            group = Group.objects.get(name=EDITORS_GROUP)
        except Group.DoesNotExist as exc:
            raise CommandError(
                "The Editors group is missing: run `manage.py migrate` first."
            ) from exc
        password = os.environ.get("EDITOR_PASSWORD") or self._ask_password()
        User = get_user_model()
        user = User(username=username, email=email)
        try:
            password_validation.validate_password(password, user)
        except ValidationError as exc:
            raise CommandError("Password rejected: " + " ".join(exc.messages)) from exc
        with transaction.atomic():
            user, created = User.objects.get_or_create(username=username, defaults={"email": email})
            user.is_staff = True
            user.is_superuser = False
            user.set_password(password)
            user.save()
            user.groups.add(group)
            key = None
            if token:
                row, key = get_token_model().objects.create(
                    user=user, expiry=settings.REST_KNOX["TOKEN_TTL"], name=token_name
                )
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} editor “{username}”."))
        if key:
            self.stdout.write(f"API token: {key}")
            self.stdout.write(
                f"It expires on {row.expiry:%Y-%m-%d %H:%M} UTC and is not shown again: "
                "keep it now. List and revoke tokens at /api/v1/tokens/."
            )

    def _ask_password(self) -> str:
        if not os.isatty(0):
            raise CommandError("Set EDITOR_PASSWORD, or run the command in a terminal.")
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The passwords do not match.")
        return first
