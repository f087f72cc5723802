"""POST data that resubmits an admin form as the editor loaded it (fields as shown)."""


def _form_data(form) -> dict:
    data = {}
    for bound in form:
        value = bound.value()
        if value is None:
            value = ""
        if value is False:
            continue  # an unticked checkbox is not submitted
        if value is True:
            value = "on"
        data[bound.html_name] = value
    return data


def change_form_data(response, **changes) -> dict:
    """The loaded change (or history revert) form with its inlines, `changes` applied."""
    context = response.context
    data = _form_data(context["adminform"].form)
    for inline in context.get("inline_admin_formsets", []):
        formset = inline.formset
        data.update(_form_data(formset.management_form))
        for form in formset.forms:
            data.update(_form_data(form))
    data.update(changes)
    return data
