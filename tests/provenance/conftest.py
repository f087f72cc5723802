"""Provenance tests: a DRF client and no response cache or throttle carried between tests."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

ANNOTATION = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()
