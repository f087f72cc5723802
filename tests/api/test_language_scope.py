"""An API request in Russian leaves the thread's language as it found it."""

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_a_russian_api_request_does_not_leave_russian_active(seed, client):
    translation.activate("en")
    response = client.get("/api/v1/documents/?page_size=abc", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 400
    assert response["Content-Language"] == "ru"
    assert translation.get_language() == "en"
