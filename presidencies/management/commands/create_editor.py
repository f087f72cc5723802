"""Create (or update) an editor account: staff, in the Editors group, not a superuser."""

import getpass
import os

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from rest_framework.authtoken.models import Token

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
            "--token", action="store_true", help="Also create and print an API token."
        )

    def handle(self, *args, username: str, email: str, token: bool, **options):
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
            key = Token.objects.get_or_create(user=user)[0].key if token else None
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} editor “{username}”."))
        if key:
            self.stdout.write(f"API token: {key}")

    def _ask_password(self) -> str:
        if not os.isatty(0):
            raise CommandError("Set EDITOR_PASSWORD, or run the command in a terminal.")
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The passwords do not match.")
        return first
