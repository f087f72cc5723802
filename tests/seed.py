"""The shipped fixtures, loaded as `manage.py loaddata fixtures/*.json` loads them."""

from django.conf import settings
from django.core.management import call_command


def fixture_files() -> list[str]:
    return sorted(str(p) for p in (settings.BASE_DIR / "fixtures").glob("*.json"))


def load_fixtures() -> list[str]:
    """Load every shipped fixture; the files loaded, in order."""
    files = fixture_files()
    call_command("loaddata", *files, verbosity=0)
    return files
