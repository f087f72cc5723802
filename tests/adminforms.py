"""POST data for admin forms: a form resubmitted as the editor loaded it (fields as shown), and
the document screen's add form with one citation."""


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


def statement_form(priority, *, title: str, text: str, quote: str, **overrides) -> dict:
    """The document add screen filled in: a statement of `priority`'s chairmanship, its text
    and one quote stating the priority (`overrides` replace or add fields)."""
    data = {
        "kind": "statement",
        "title": title,
        "slug": title.lower().replace(" ", "-"),
        "date": "2101-03-01",
        "publisher": "Ministry",
        "source_url": "",
        "language": "en",
        "speakers": [],
        "presidency": priority.presidency_id,
        "summit": "",
        "text": text,
        "raw_text": text,
        "editorial_note": "",
        "work": "",
        "version_role": "unstated",
        "translator": "",
        "citations-TOTAL_FORMS": "1",
        "citations-INITIAL_FORMS": "0",
        "citations-MIN_NUM_FORMS": "0",
        "citations-MAX_NUM_FORMS": "1000",
        "citations-0-quote": quote,
        "citations-0-role": "states",
        "citations-0-priority": priority.pk,
        "citations-0-summit": "",
        "citations-0-presidency": "",
        "citations-0-position": "",
        "citations-0-instrument": "",
        "citations-0-note": "",
    }
    data.update(overrides)
    return data
