"""Fixtures for the operations tests."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The page cache and kb_version live in the cache: no test sees another's pages.
    cache.clear()
    yield
    cache.clear()
