"""Search tests: link targets that other branches own, and the database in use."""

import pytest
from django.db import connection

from .urls import missing_names


@pytest.fixture(autouse=True)
def linked_pages(settings):
    """Use stand-ins for the document/chairmanship/theme pages while they are missing."""
    if missing_names():
        settings.ROOT_URLCONF = "tests.search.urls"


@pytest.fixture
def vendor(db) -> str:
    return connection.vendor


@pytest.fixture(autouse=True)
def empty_cache():
    """A fresh cache per test: cached vocabularies and API throttling start from zero."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
