"""Form widgets of the public pages' filter forms."""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

OPTION = '\n  <option value="{}"{}>{}</option>'


def html_attributes(attrs: dict) -> SafeString:
    """As django/forms/widgets/attrs.html writes them: `name="value"`, `name` for True,
    nothing for False."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


class PlainSelect(forms.Select):
    """Django's <select>, its options written here instead of one template render each.

    The documents list's speaker and publisher menus hold hundreds of options; rendering
    select_option.html for each took most of the page's time. Same choices and selection
    (Select.optgroups), same markup as Django's templates.
    """

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            html = format_html_join(
                "", OPTION, ((o["value"], html_attributes(o["attrs"]), o["label"]) for o in options)
            )
            if group_name:
                html = format_html('\n  <optgroup label="{}">{}\n  </optgroup>', group_name, html)
            groups.append(html)
        return format_html(
            '<select name="{}"{}>{}\n</select>',
            widget["name"],
            html_attributes(widget["attrs"]),
            format_html_join("", "{}", ((group,) for group in groups)),
        )
