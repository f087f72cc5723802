"""API tests: a DRF client, an editor's token, and no throttling or response cache between tests."""

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


@pytest.fixture(autouse=True)
def fresh_cache(monkeypatch):
    from api.throttling import AnonWindowThrottle, LocalCounts

    cache.clear()
    # The throttle's per-process counts too: each test is a fresh server.
    monkeypatch.setattr(AnonWindowThrottle, "local", LocalCounts())
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
