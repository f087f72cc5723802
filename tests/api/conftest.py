"""API tests: a DRF client, an editor's token, and no throttling or response cache between tests."""

import pytest
from knox.models import get_token_model
from rest_framework.test import APIClient


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def editor_api(editor):
    client = APIClient()
    _, token = get_token_model().objects.create(user=editor, name="tests")
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client
