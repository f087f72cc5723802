"""A taken slug, name or year is refused through the API in the client's language
(Accept-Language), in words a reader understands."""

import pytest

from presidencies.models import Theme

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ru", "Этот slug (часть адреса страницы) уже занят другой темой."),
        ("en", "Another theme already has this slug."),
    ],
)
def test_the_api_refuses_a_taken_slug_in_the_clients_language(seed, editor_api, language, message):
    first, second = Theme.objects.order_by("pk")[:2]
    response = editor_api.patch(
        f"/api/v1/themes/{second.slug}/",
        {"slug": first.slug},
        format="json",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 409
    assert response.json() == {"slug": [message]}
    assert response["Content-Language"] == language


def test_the_api_refuses_a_second_chairmanship_for_a_year(seed, editor_api):
    body = {"chair": "belarus", "year": 2026, "slug": "belarus-2026-again"}
    ru = editor_api.post("/api/v1/presidencies/", body, format="json", HTTP_ACCEPT_LANGUAGE="ru")
    assert ru.status_code in (400, 409)
    assert "Председательство на этот год уже есть." in ru.json()["year"]
    en = editor_api.post("/api/v1/presidencies/", body, format="json", HTTP_ACCEPT_LANGUAGE="en")
    assert "There is already a chairmanship for this year." in en.json()["year"]
