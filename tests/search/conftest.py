"""Search tests: the database in use, a fresh cache, no page cache."""

import pytest
from django.db import connection


@pytest.fixture(autouse=True)
def render_every_time(settings):
    """Test the search views themselves, not the whole-page cache in front of them."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def vendor(db) -> str:
    return connection.vendor
