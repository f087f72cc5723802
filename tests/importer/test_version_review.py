"""The proposed work on the admin's review page and in import_statement: accepted, the new
document becomes a version of the work in the same transaction; dropped or refused, nothing
of it is stored."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from documents.models import Document, Work
from tests.importer.test_admin import URL, review_data

DATA = Path(__file__).resolve().parent.parent / "data"
TASS_RU = DATA / "versions" / "tass_2026_lavrov_ru.txt"
WORK = "lavrov-message-russia-csto-presidency-2026"
ENGLISH_REMARKS = DATA / "evaluation" / "04_mfa_statement.html"
RUSSIAN_REMARKS = DATA / "evaluation" / "18_mfa_ru.html"


def review(editor_client, path: Path):
    response = editor_client.post(URL, {"step": "source", "raw_text": path.read_text()})
    assert response.status_code == 200
    return response, review_data(response)


def test_the_review_page_proposes_the_work_with_its_reason(seed, editor_client):
    response, data = review(editor_client, TASS_RU)
    page = response.content.decode()
    section = page[page.index('id="proposed-work"') : page.index("<h2>Text</h2>")]
    assert "same speaker (Sergey Lavrov) and date (2026-01-01); in another language (en)" in section
    assert (
        "(work: Sergey Lavrov’s message on the start of Russia’s 2026 CSTO presidency)" in section
    )
    assert 'name="attach_work"' in section and "checked" not in section
    assert "attach_work" not in data  # offered, not ticked


def test_accepting_attaches_the_translation_to_the_work(seed, editor_client):
    _response, data = review(editor_client, TASS_RU)
    data.update(attach_work="on", version_role="translation", translator="TASS")
    response = editor_client.post(URL, data)
    assert response.status_code == 302, response.context["form"].errors
    document = Document.objects.get(slug=data["slug"])
    assert (document.work.slug, document.language) == (WORK, "ru")
    assert (document.version_role, document.translator) == ("translation", "TASS")
    page = editor_client.get(f"/works/{WORK}/").content.decode()
    assert page.count('<section class="version"') == 3 and '<div class="text" lang="ru">' in page


def test_dropping_the_proposal_stores_the_document_on_its_own(seed, editor_client):
    _response, data = review(editor_client, TASS_RU)
    response = editor_client.post(URL, data)
    assert response.status_code == 302
    document = Document.objects.get(slug=data["slug"])
    assert document.work is None and document.version_role == "unstated"


def test_accepting_groups_two_texts_without_a_work_in_a_new_one(seed, editor_client):
    _response, data = review(editor_client, ENGLISH_REMARKS)
    assert editor_client.post(URL, data).status_code == 302
    english = Document.objects.get(slug=data["slug"])
    _response, data = review(editor_client, RUSSIAN_REMARKS)
    assert data["version_of"] == str(english.pk)
    data.update(attach_work="on", version_role="original")
    assert editor_client.post(URL, data).status_code == 302
    russian = Document.objects.get(slug=data["slug"])
    english.refresh_from_db()
    assert russian.work == english.work and russian.work is not None
    work = russian.work
    assert (russian.version_role, english.version_role) == ("original", "unstated")
    assert work.original_language == "ru" and work.title == english.title
    assert work.editorial_note.startswith("Grouped on import, as the importer proposed it: ")
    assert "same speaker (Sergey Lavrov) and date (2020-12-01)" in work.editorial_note


@pytest.mark.parametrize(
    "change, field",
    [
        ({"version_role": "translation", "translator": "x", "version_of": "999999"}, "version_of"),
        ({"version_role": "unstated", "translator": "Someone"}, "translator"),
        ({"version_role": "nonsense"}, "version_role"),
    ],
)
def test_bad_input_is_a_form_error_with_nothing_stored(seed, editor_client, change, field):
    _response, data = review(editor_client, TASS_RU)
    data.update(attach_work="on", **change)
    before = Document.objects.count(), Work.objects.count()
    response = editor_client.post(URL, data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    page = response.content.decode()
    assert "Nothing was stored." in page
    assert response.context["form"].errors[field][0] in page.replace("&quot;", '"')
    assert (Document.objects.count(), Work.objects.count()) == before


def test_a_second_original_is_refused_and_nothing_is_written(seed, editor_client):
    Document.objects.filter(slug="tass-2026-01-01-lavrov-russia-csto-presidency").update(
        version_role="original"
    )
    _response, data = review(editor_client, TASS_RU)
    data.update(attach_work="on", version_role="original")
    before = Document.objects.count(), Document.objects.filter(work__slug=WORK).count()
    response = editor_client.post(URL, data)
    assert response.status_code == 200
    assert response.context["form"].errors["version_role"] == ["This work already has an original."]
    assert (Document.objects.count(), Document.objects.filter(work__slug=WORK).count()) == before


def run(*args) -> str:
    out = StringIO()
    call_command("import_statement", *[str(a) for a in args], stdout=out)
    return out.getvalue()


def test_the_command_reports_the_proposal_in_json(seed):
    payload = json.loads(run(TASS_RU, "--json"))
    proposal = payload["proposed_work"]
    assert proposal["work"] == WORK
    assert proposal["document"] == "tass-2026-01-01-lavrov-russia-csto-presidency"
    assert proposal["measure"] == "anchors" and proposal["score"] >= 0.5
    assert proposal["reason"].startswith("same speaker (Sergey Lavrov) and date (2026-01-01)")
    assert "Sergey Lavrov" in proposal["shared"]


def test_the_command_attaches_with_save_and_refuses_what_it_cannot(seed):
    with pytest.raises(CommandError, match="only apply with --save"):
        run(TASS_RU, "--attach-work")
    with pytest.raises(CommandError, match="only applies with --attach-work"):
        run(TASS_RU, "--save", "--version-role", "translation")
    payload = json.loads(
        run(TASS_RU, "--json", "--save", "--attach-work", "--version-role", "translation")
    )
    assert payload["work"] == WORK
    document = Document.objects.get(slug=payload["saved"])
    assert (document.work.slug, document.version_role, document.language) == (
        WORK,
        "translation",
        "ru",
    )


def test_the_command_refuses_attach_work_without_a_proposal(seed):
    before = Document.objects.count()
    with pytest.raises(CommandError, match="no work is proposed"):
        run(DATA / "evaluation" / "12_portal_widgets.txt", "--save", "--attach-work")
    assert Document.objects.count() == before
