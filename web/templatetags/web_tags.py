"""Template helpers for the public pages."""

import json

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

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
        return citation.presidency.get_absolute_url(), f"Chairmanship: {citation.presidency}"
    if citation.summit_id:
        return citation.summit.get_absolute_url(), citation.summit.title
    if citation.position_id:
        pos = citation.position
        return pos.official.get_absolute_url(), f"{pos.official.name}: {pos.title}"
    if citation.member_state_id:
        return citation.member_state.get_absolute_url(), f"Member state: {citation.member_state}"
    if citation.instrument_id:
        return citation.instrument.get_absolute_url(), citation.instrument.display_title
    return "", ""


@register.filter
def unreported(summit) -> bool:
    """A meeting still planned (or proposed) in the data after its date: not known as held."""
    return bool(summit.date and summit.status != "held" and summit.date < timezone.localdate())
