"""One middleware chooses each request's language by its path: a public page by its address,
the API and the admin by the reader's cookie or browser; and gives the thread's back after."""

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db

RU = {"HTTP_ACCEPT_LANGUAGE": "ru"}


def test_a_public_page_keeps_the_language_of_its_address(client, seed, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    english = client.get("/themes/", **RU)
    assert '<html lang="en">' in english.content.decode()
    assert english["Content-Language"] == "en"
    russian = client.get("/ru/themes/", HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="ru">' in russian.content.decode()
    assert russian["Content-Language"] == "ru"


def test_the_api_takes_the_cookie_before_the_browser(api, seed, settings):
    api.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    missing = api.get("/api/v1/no-such-resource/", HTTP_ACCEPT_LANGUAGE="en")
    assert missing.json()["detail"] == "Не найдено."
    assert missing["Content-Language"] == "ru"
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in missing["Vary"].split(",")}


def test_an_unsupported_language_falls_back_to_english(api, seed):
    missing = api.get("/api/v1/no-such-resource/", HTTP_ACCEPT_LANGUAGE="de")
    assert missing.json()["detail"] == "Not found."
    assert missing["Content-Language"] == "en"


def test_the_admin_login_follows_the_browser(client, settings):
    page = client.get(f"/{settings.ADMIN_URL}login/", **RU)
    assert page["Content-Language"] == "ru"
    assert '<html lang="ru"' in page.content.decode()
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in page["Vary"].split(",")}


@pytest.mark.parametrize("path", ["/ru/themes/", "/api/v1/themes/"])
def test_a_request_gives_the_thread_its_language_back(client, seed, path):
    translation.activate("en")
    assert client.get(path, **RU)["Content-Language"] == "ru"
    assert translation.get_language() == "en"
