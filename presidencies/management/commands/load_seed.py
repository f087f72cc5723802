"""Load the shipped fixtures into an empty knowledge base, with their first history rows.

`make run` calls it on every start: a knowledge base that already holds chairmanships is
left alone, so an editor's changes are never overwritten by the shipped data.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from presidencies.models import Presidency


class Command(BaseCommand):
    help = "Load fixtures/*.json unless the knowledge base already holds data."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Load them even over existing data."
        )

    def handle(self, *args, **options):
        if Presidency.objects.exists() and not options["force"]:
            self.stdout.write(
                "The knowledge base already holds data: fixtures not loaded (--force to reload)."
            )
            return
        fixtures = sorted(str(p) for p in (settings.BASE_DIR / "fixtures").glob("*.json"))
        call_command("loaddata", *fixtures, verbosity=0)
        # loaddata writes no history: give every loaded row its first version.
        call_command("record_missing_history", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Loaded {len(fixtures)} fixture files."))
