"""Provenance tests: DRF clients, anonymous and with an editor's token."""

import pytest
from knox.models import get_token_model
from rest_framework.test import APIClient

ANNOTATION = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def editor_api(editor):
    client = APIClient()
    _, token = get_token_model().objects.create(user=editor, name="tests")
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client
