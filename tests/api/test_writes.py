"""Writing through API v1: editors only, validated by the models, nothing half-stored."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from knox.models import get_token_model
from rest_framework.test import APIClient

from documents.models import Citation, Document
from presidencies.models import Presidency, Priority, Theme

pytestmark = pytest.mark.django_db

NEW_PRESIDENCY = {
    "chair": "kazakhstan",
    "year": 2027,
    "start_date": "2027-01-01",
    "end_date": "2027-12-31",
    "motto": "A test motto",
}


@pytest.fixture
def open_ended_russia_closed(seed):
    # The seed's Russia 2026 is open-ended; close it so a 2027 chairmanship can follow.
    Presidency.objects.filter(slug="russia-2026").update(end_date="2026-12-31")


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("post", "/api/v1/themes/"),
        ("patch", "/api/v1/themes/peacekeeping/"),
        ("put", "/api/v1/presidencies/russia-2026/"),
        ("delete", "/api/v1/documents/tass-2026-01-01-lavrov-russia-csto-presidency/"),
    ],
)
def test_anonymous_writes_are_refused(seed, api, method, url):
    response = getattr(api, method)(url, {"name": "Hacked"}, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")
    assert not Document.objects.filter(title="Hacked").exists()


def test_a_user_without_the_permission_is_forbidden(seed, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x" * 12)
    client = APIClient()
    client.credentials(
        HTTP_AUTHORIZATION=f"Token {get_token_model().objects.create(user=user, name='tests')[1]}"
    )
    response = client.patch("/api/v1/themes/peacekeeping/", {"name_en": "Renamed"}, format="json")
    assert response.status_code == 403
    assert client.get("/api/v1/themes/peacekeeping/").json()["name"] != "Renamed"


def test_an_editor_creates_a_chairmanship_and_its_slug_follows(
    open_ended_russia_closed, editor_api
):
    response = editor_api.post("/api/v1/presidencies/", NEW_PRESIDENCY, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["slug"] == "kazakhstan-2027"
    assert response.json()["predecessor"] == "russia-2026"
    stored = Presidency.objects.get(slug="kazakhstan-2027")
    assert stored.history.first().history_user.username == "editor"


def test_end_before_start_is_a_field_error(open_ended_russia_closed, editor_api):
    body = {**NEW_PRESIDENCY, "end_date": "2026-06-01"}
    response = editor_api.post("/api/v1/presidencies/", body, format="json")
    assert response.status_code == 400
    assert "end_date" in response.json()
    assert not Presidency.objects.filter(year=2027).exists()


def test_overlapping_chairmanships_are_refused(seed, editor_api):
    # Russia 2026 is open-ended in the seed: a 2027 chairmanship would overlap it.
    response = editor_api.post("/api/v1/presidencies/", NEW_PRESIDENCY, format="json")
    assert response.status_code == 409
    assert "overlaps" in str(response.json()["start_date"])


def test_unknown_theme_is_a_field_error(seed, editor_api):
    body = {"presidency": "russia-2026", "theme": "astrology", "title_en": "Read the stars"}
    response = editor_api.post("/api/v1/priorities/", body, format="json")
    assert response.status_code == 409
    assert "theme" in response.json()
    assert not Priority.objects.filter(title="Read the stars").exists()


def test_a_quote_must_stand_in_the_document(seed, editor_api):
    priority = Priority.objects.filter(presidency__slug="russia-2026").first()
    document = "tass-2026-01-01-lavrov-russia-csto-presidency"
    bad = {"document": document, "priority": priority.pk, "quote": "Words nobody said."}
    response = editor_api.post("/api/v1/citations/", bad, format="json")
    assert response.status_code == 409
    assert "verbatim" in str(response.json()["quote"])
    text = Document.objects.get(slug=document).text
    good = {**bad, "quote": text.split("\n\n")[0][:60]}
    response = editor_api.post("/api/v1/citations/", good, format="json")
    assert response.status_code == 201, response.json()
    assert Citation.objects.filter(pk=response.json()["id"], priority=priority).exists()


def test_partial_update_keeps_other_fields_and_validates_the_whole(seed, editor_api):
    url = "/api/v1/presidencies/russia-2026/"
    before = editor_api.get(url).json()
    response = editor_api.patch(url, {"motto": "A new motto"}, format="json")
    assert response.status_code == 200, response.json()
    after = response.json()
    assert after["motto"] == "A new motto"
    assert after["start_date"] == before["start_date"]
    # Moving the end before the stored start is refused even though only one field is sent:
    # a conflict with what is stored, since the body alone breaks no rule.
    response = editor_api.patch(url, {"end_date": "2000-01-01"}, format="json")
    assert response.status_code == 409
    assert list(response.json()) == ["end_date"]
    assert editor_api.get(url).json()["end_date"] == before["end_date"]


def test_duplicate_slug_is_a_field_error(seed, editor_api):
    body = {"name_en": "Peacekeeping again", "slug": "peacekeeping"}
    response = editor_api.post("/api/v1/themes/", body, format="json")
    assert response.status_code == 409
    assert "slug" in response.json()


def test_same_text_twice_is_refused(seed, editor_api):
    # What is stored refuses it, not the body: a conflict, as for a taken slug.
    existing = Document.objects.exclude(text="").first()
    body = {"slug": "copy", "kind": "statement", "title": "Copy", "text": existing.text}
    response = editor_api.post("/api/v1/documents/", body, format="json")
    assert response.status_code == 409
    assert "text" in response.json()
    assert not Document.objects.filter(slug="copy").exists()


def test_document_with_speakers_is_created_in_one_go(seed, editor_api):
    body = {
        "slug": "new-statement",
        "kind": "statement",
        "title": "A new statement",
        "date": "2026-03-01",
        "presidency": "russia-2026",
        "speakers": ["sergey-lavrov"],
        "text": "First paragraph.\n\nSecond paragraph.",
    }
    response = editor_api.post("/api/v1/documents/", body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["speakers"] == ["sergey-lavrov"]
    document = Document.objects.get(slug="new-statement")
    assert list(document.speakers.values_list("slug", flat=True)) == ["sergey-lavrov"]


def test_unknown_speaker_stores_nothing(seed, editor_api):
    body = {"slug": "x-doc", "kind": "statement", "title": "X", "speakers": ["nobody"]}
    response = editor_api.post("/api/v1/documents/", body, format="json")
    assert response.status_code == 409
    assert "speakers" in response.json()
    assert not Document.objects.filter(slug="x-doc").exists()


def test_deleting_what_others_depend_on_is_a_conflict(seed, editor_api):
    response = editor_api.delete("/api/v1/presidencies/russia-2026/")
    assert response.status_code == 409
    assert "cannot be deleted" in response.json()["detail"]
    assert Presidency.objects.filter(slug="russia-2026").exists()


def test_an_editor_deletes_a_free_record(seed, editor_api):
    created = editor_api.post(
        "/api/v1/themes/", {"name_en": "Space", "slug": "space"}, format="json"
    )
    assert created.status_code == 201
    assert editor_api.delete("/api/v1/themes/space/").status_code == 204
    assert editor_api.get("/api/v1/themes/space/").status_code == 404


def test_session_editor_needs_csrf(seed, editor):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post("/api/v1/themes/", {"name_en": "Space", "slug": "space"}, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_method_not_allowed_is_405(seed, editor_api):
    response = editor_api.post("/api/v1/themes/peacekeeping/", {}, format="json")
    assert response.status_code == 405


def test_editors_group_has_no_user_management(seed, editor):
    perms = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    assert "add_theme" in perms and "change_presidency" in perms
    assert "add_user" not in perms and "change_group" not in perms


def test_a_write_based_on_a_stale_read_is_refused(seed, editor_api, api):
    url = "/api/v1/themes/peacekeeping/"
    read = api.get(url)["Last-Modified"]
    assert (
        editor_api.patch(
            url, {"description_en": "Fresh"}, HTTP_IF_UNMODIFIED_SINCE=read
        ).status_code
        == 200
    )
    Theme.objects.filter(slug="peacekeeping").update(
        description="Another editor's change",
        updated_at=timezone.now() + datetime.timedelta(seconds=5),
    )
    response = editor_api.patch(url, {"description_en": "Mine"}, HTTP_IF_UNMODIFIED_SINCE=read)
    assert response.status_code == 412
    assert "Read it again" in response.json()["detail"]
    assert Theme.objects.get(slug="peacekeeping").description == "Another editor's change"
    assert editor_api.delete(url, HTTP_IF_UNMODIFIED_SINCE=read).status_code == 412
