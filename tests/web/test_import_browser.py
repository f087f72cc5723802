"""An editor imports a raw seed text through the admin in a real browser."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from documents.models import Citation, Document
from presidencies.models import Presidency

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED = Path(__file__).parent.parent / "data" / "seeds" / "001_51ad7cf4dc28d3f3.txt"
SLUG = "news-lavrov-message-russia-2026-csto-presidency"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor_login(live_site, editors_group, django_user_model):
    user = django_user_model.objects.create_user(
        username="editor", password=PASSWORD, is_staff=True
    )
    user.groups.add(editors_group)
    return user


def test_editor_pastes_reviews_and_saves_a_seed_text(live_site, editor_login, page):
    # The fixtures hold this seed already: take it out so that it can be imported anew.
    stored = Document.objects.get(slug=SLUG)
    Citation.objects.filter(document=stored).delete()
    stored.delete()
    raw = SEED.read_text(encoding="utf-8")
    admin = f"{live_site.url}/{settings.ADMIN_URL}"

    page.goto(admin + "login/?next=/" + settings.ADMIN_URL)
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Documents", exact=True).first.click()
    page.get_by_role("link", name="Import statement").click()
    expect(page.get_by_role("heading", name="Import statement")).to_be_visible()

    page.get_by_label("Text as copied from the page").fill(raw)
    page.get_by_role("button", name="Analyse").click()

    # The review: no date in the text, the chairmanship it states, Lavrov speaking and the
    # people it only mentions apart, unticked.
    expect(page.locator(".breadcrumbs")).to_contain_text("Review")
    expect(page.get_by_label("Date")).to_have_value("")
    russia_2026 = Presidency.objects.get(slug="russia-2026")
    expect(page.get_by_label("Chairmanship")).to_have_value(str(russia_2026.pk))
    expect(page.locator(".messagelist")).to_contain_text("Russia holding the 2026 CSTO")
    expect(page.get_by_role("checkbox", name="Sergey Lavrov")).to_be_checked()
    mentioned = page.locator("#mentioned")
    expect(mentioned.get_by_role("checkbox", name="Vladimir Putin")).not_to_be_checked()
    expect(mentioned.get_by_role("checkbox", name="Emomali Rahmon")).not_to_be_checked()
    # Themes are editable: drop one.
    partnerships = page.get_by_role("checkbox", name="Partnerships with states and organisations")
    expect(partnerships).to_be_checked()
    partnerships.uncheck()
    # Cite the quote on biological threats and information security for its priority.
    quote = page.locator(".form-row", has_text="special attention to cooperation in protection")
    quote.get_by_role("checkbox", name="Cite").check()
    page.get_by_role("button", name="Save").click()

    expect(page).to_have_url(re.compile(r"/documents/document/\d+/change/$"))
    expect(page.locator(".messagelist")).to_contain_text("with 1 citation.")

    document = Document.objects.get(text_hash=stored.text_hash)
    assert document.raw_text == raw  # the browser's CRLF line breaks undone
    assert document.date is None
    assert document.presidency == russia_2026
    assert [o.slug for o in document.speakers.all()] == ["sergey-lavrov"]
    assert "Partnerships" not in document.editorial_note
    assert "Peace, stability and collective security" in document.editorial_note
    assert document.history.first().history_user == editor_login

    # The new document is in the admin's list and on the public site.
    page.goto(admin + "documents/document/")
    expect(page.locator("#result_list")).to_contain_text(document.display_title)
    page.goto(live_site.url + document.get_absolute_url())
    expect(page.locator("main")).to_contain_text("we will not allow any chaos")
