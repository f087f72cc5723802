"""Write the bulk downloads (JSON and CSV archives) served under /api/v1/bulk/."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from api.bulk import export


class Command(BaseCommand):
    help = "Write the whole knowledge base as zipped JSON and CSV, one file per resource."

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, help="Output folder (default: BULK_DATA_DIR).")
        parser.add_argument(
            "--site-url",
            default=settings.SITE_URL,
            help="Base of the page URLs in the files, e.g. https://cstokb.example.org "
            "(default: CSTOKB_SITE_URL).",
        )

    def handle(self, *args, **options):
        try:
            index = export(options["dir"], site_url=options["site_url"].rstrip("/"))
        except OSError as exc:
            raise CommandError(f"Could not write the bulk data: {exc}") from exc
        for entry in index["files"]:
            self.stdout.write(f"{entry['dated_name']}: {entry['size']} bytes")
        total = sum(index["counts"].values())
        self.stdout.write(self.style.SUCCESS(f"{total} records in {len(index['counts'])} files"))
