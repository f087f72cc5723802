"""Template helpers for the public pages."""

import json

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from cstokb.labels import choice_label, falls_back, in_default_language
from web.errors import ERROR_PAGES, ErrorPage

register = template.Library()

# Same escaping as Django's json_script: the JSON can never close the script element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def jsonld(context, data) -> str:
    if not data:
        return ""
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    nonce = getattr(context.get("request"), "csp_nonce", "")
    return format_html(
        '<script type="application/ld+json" nonce="{}">{}</script>',
        nonce,
        mark_safe(payload),  # noqa: S308 - JSON with <, > and & escaped above
    )


@register.filter
def subject_link(citation):
    """(url, label) of what a citation backs."""
    if citation.priority_id:
        p = citation.priority
        return p.get_absolute_url(), f"{p.title} ({p.presidency})"
    if citation.presidency_id:
        return citation.presidency.get_absolute_url(), _("Chairmanship: %(presidency)s") % {
            "presidency": citation.presidency
        }
    if citation.summit_id:
        return citation.summit.get_absolute_url(), citation.summit.title
    if citation.position_id:
        pos = citation.position
        return pos.official.get_absolute_url(), f"{pos.official.name}: {pos.title}"
    if citation.member_state_id:
        return citation.member_state.get_absolute_url(), _("Member state: %(state)s") % {
            "state": citation.member_state
        }
    if citation.instrument_id:
        return citation.instrument.get_absolute_url(), citation.instrument.display_title
    return "", ""


@register.filter
def error_page(status: int) -> ErrorPage:
    """The texts of the error page for an HTTP status."""
    return ERROR_PAGES[status]


@register.filter
def unreported(summit) -> bool:
    """A meeting still planned (or proposed) in the data after its date: not known as held."""
    return bool(summit.date and summit.status != "held" and summit.date < timezone.localdate())


@register.simple_tag(takes_context=True)
def language_versions(context) -> list[dict]:
    """This page in each language: code, own name, absolute URL, whether it is the current one.

    For the switcher and the hreflang alternates; the query string is kept, so a search
    switches language with its words and filters.
    """
    request = context.get("request")
    if request is None:
        return []
    current = get_language()
    path = request.get_full_path()
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": request.build_absolute_uri(translate_url(path, code)),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


@register.filter
def language_name(code: str) -> str:
    """A language code as its name in the reader's language ("en" -> "English" / "английский")."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def _in_language(value, language: str) -> str:
    """`value`, escaped, in a span marked with its language where the page's is another; so
    that screen readers pronounce it and translators know it is not the page's language."""
    if language and language != get_language():
        return format_html('<span lang="{}">{}</span>', language, value)
    return conditional_escape(value)


@register.filter
def label(obj, field: str) -> str:
    """An editorial label in the page's language; where its Russian is missing, the English
    (modeltranslation's fallback), marked as English."""
    value = getattr(obj, field)
    if not value:
        return ""
    if falls_back(obj, field):
        return in_default_language(value)
    return conditional_escape(value)


# `{{ record|choice_label:"kind" }}`: get_kind_display()'s label, for a page that names a
# choice on every row.
register.filter("choice_label", choice_label)


@register.filter
def source_text(value, document) -> str:
    """A document's own words (its title, its text, a quote's passage) as its source wrote
    them: marked with the document's language where the page is in another."""
    return _in_language(value, document.language)
