"""The schema's URL pattern against the validators the API runs (Django's URLValidator and
validate_uri_characters): what the pattern takes, they take; the usual URLs it takes."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from hypothesis import given, settings
from hypothesis import strategies as st

from api.schema import URL_PATTERN
from cstokb.models import validate_uri_characters

PATTERN = re.compile(URL_PATTERN)


def api_takes(url: str) -> bool:
    try:
        URLValidator()(url)
        validate_uri_characters(url)
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize(
    "url",
    [
        "https://cstorussia2020.mid.ru/",
        "https://odkb-csto.org/news/news_odkb/?ELEMENT_ID=12345#top",
        "http://www.kremlin.ru/events/president/news/78636",
        "HTTPS://EXAMPLE.ORG/A%20B",
        "ftp://files.example.org:2121/pub/file.txt",
        "https://xn--e1afmkfd.xn--p1ai/%D0%B7%D0%B0%D1%8F%D0%B2%D0%BB%D0%B5%D0%BD%D0%B8%D0%B5",
        "https://user:secret@example.org/",
        "http://127.0.0.1:8000/api/",
        "http://[2001:db8:0:0:0:0:0:1]/",
        "http://localhost/",
        "https://example.org./path;params?q=a/b?c",
    ],
)
def test_the_pattern_takes_the_usual_urls_and_so_does_the_api(url):
    assert PATTERN.match(url), url
    assert api_takes(url), url


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/<script>alert(1)</script>",
        'https://example.org/a"onmouseover="x',
        "https://example.org/100%",
        "https://пример.рф/заявление",
        "javascript:alert(1)",
        "mailto:press@example.org",
        "https://" + "a" * 64 + ".org/",  # a label over 63 characters
        "https://example." + "b" * 64 + "/",  # a top-level domain over 63
        "https://-example.org/",
        "https://example.org-/",
        "https://example.1a/",
        "http://256.1.1.1/",
        "http://[::1::]/",
        "https://exa mple.org/",
        "https://example.org/a\tb",
        "",
    ],
)
def test_what_the_api_refuses_the_pattern_refuses(url):
    assert not api_takes(url), url
    assert not PATTERN.match(url), url


@settings(max_examples=200, deadline=None)
@given(st.from_regex(URL_PATTERN, fullmatch=True).filter(lambda url: len(url) <= 500))
def test_every_url_the_pattern_takes_the_api_takes(url):
    assert api_takes(url), url
