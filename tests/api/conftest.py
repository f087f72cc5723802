"""API tests: a DRF client, an editor's token, and no throttling or response cache between tests."""

import pytest
from django.core.cache import cache
from knox.models import get_token_model
from rest_framework.test import APIClient


@pytest.fixture(autouse=True)
def fresh_cache():
    # The throttle's counters live in the cache too: each test is a fresh server.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def editor_api(editor):
    client = APIClient()
    _, token = get_token_model().objects.create(user=editor, name="tests")
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client
