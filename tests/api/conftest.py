"""API tests: a DRF client, an editor's token, and no throttling or response cache between tests."""

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
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
    token = Token.objects.create(user=editor)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client
