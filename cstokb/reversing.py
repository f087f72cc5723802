"""reverse() for the URLs a page prints many times: a record's page, a quote's downloads.

A chairmanship's page links hundreds of records, and each reverse() walks the URL patterns
again. The address of "document-detail" differs from one document to the next only by its
slug, so the rest is reversed once per language, script prefix and URL configuration and
the slug put in. A value with characters reverse() would quote or refuse goes through reverse()
itself, so the result is always reverse()'s.
"""

import re
from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# Matches the slug and int converters alike, and nothing else in a URL of this site.
_PLACEHOLDER = "918273645546372819"
# The slug converter's characters (the int converter's are a subset): none is ever quoted.
_PLAIN = re.compile(r"[-a-zA-Z0-9_]+")


@lru_cache(maxsize=512)
def _around(viewname: str, key: str, fixed: tuple, language, prefix: str, urlconf) -> tuple:
    url = reverse(viewname, urlconf=urlconf, kwargs={key: _PLACEHOLDER, **dict(fixed)})
    head, found, tail = url.partition(_PLACEHOLDER)
    if not found or _PLACEHOLDER in tail:
        raise ValueError(f"{viewname}: {key} is not in its path once")
    return head, tail


def fast_reverse(viewname: str, value: str | int, *, key: str = "slug", **fixed: str) -> str:
    """reverse(viewname, kwargs={key: value, **fixed}), the pattern reversed once."""
    text = str(value)
    if not _PLAIN.fullmatch(text):
        return reverse(viewname, kwargs={key: value, **fixed})
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    head, tail = _around(
        viewname, key, tuple(sorted(fixed.items())), get_language(), get_script_prefix(), urlconf
    )
    return f"{head}{text}{tail}"
