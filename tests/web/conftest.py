"""Browser fixtures: Debian's Chromium driven by Playwright against pytest-django's live server."""

import os
import pathlib

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; Django must allow ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = pathlib.Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not pathlib.Path(CHROMIUM).exists():
        pytest.fail(
            f"Browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)"
        )
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe-core is injected by evaluate(); the site's CSP would otherwise refuse it.
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture
def live_site(live_server, settings, transactional_db):
    """The live server with the seed data, serving unhashed static files from the finders."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    fixtures = sorted(str(p) for p in (settings.BASE_DIR / "fixtures").glob("*.json"))
    call_command("loaddata", *fixtures, verbosity=0)
    ARTIFACTS.mkdir(exist_ok=True)
    return live_server


@pytest.fixture
def artifacts() -> pathlib.Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(autouse=True)
def render_every_time(settings):
    """Measure the views, not the whole-page cache in front of them (tested in tests/pagecache)."""
    settings.PAGE_CACHE_ENABLED = False
