"""Search tests: the database in use, a fresh cache, no page cache."""

import pytest
from django.db import connection


@pytest.fixture(autouse=True)
def views_not_the_page_cache(render_every_time):
    """Test the search views themselves."""


@pytest.fixture
def vendor(db) -> str:
    return connection.vendor
