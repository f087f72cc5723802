"""The admin's filters on chairmanships, states and posts name each option in the editor's
language; an option whose label has no Russian version shows the English marked lang="en"
(as the public pages mark it), and filters the same rows in either language."""

import lxml.html
import pytest
from django.urls import reverse

from presidencies.models import MemberState, Position

pytestmark = pytest.mark.django_db
RU = {"HTTP_ACCEPT_LANGUAGE": "ru"}


def options(response, parameter: str) -> dict[str, tuple[str | None, str]]:
    """The options of the filter on `parameter`: name -> (its lang mark, its link)."""
    tree = lxml.html.document_fromstring(response.content.decode())
    found = {}
    for link in tree.xpath(f"//details//li/a[contains(@href, '{parameter}=')]"):
        marks = link.xpath("./span/@lang")
        found[" ".join(link.text_content().split())] = (
            marks[0] if marks else None,
            link.get("href"),
        )
    assert found, parameter
    return found


def test_a_chairmanship_whose_chair_has_no_russian_name_is_marked_english(editor_client, seed):
    MemberState.objects.filter(slug="russia").update(name_ru="")
    url = reverse("admin:presidencies_priority_changelist")
    russian = options(editor_client.get(url, **RU), "presidency__id__exact")
    assert russian["Russia 2026"][0] == "en"
    assert russian["Кыргызская Республика 2025"][0] is None
    english = options(editor_client.get(url), "presidency__id__exact")
    assert {mark for mark, _link in english.values()} == {None}
    assert "Kyrgyzstan 2025" in english


def test_the_states_filter_names_states_in_russian(editor_client, seed):
    url = reverse("admin:presidencies_presidency_changelist")
    russian = options(editor_client.get(url, **RU), "chair__id__exact")
    assert russian["Российская Федерация"][0] is None
    assert "Russia" not in russian


def test_a_post_without_its_russian_title_is_marked_english_and_filters_alike(editor_client, seed):
    Position.objects.filter(title_en="Secretary General").update(title_ru="")
    url = reverse("admin:presidencies_official_changelist")
    russian = options(editor_client.get(url, **RU), "positions__title_en")
    mark, link = russian["Secretary General"]
    assert mark == "en"
    assert russian["Министр иностранных дел"][0] is None
    assert "Minister of Foreign Affairs" not in russian
    # The option's key is the English title, so it finds the same officials in Russian.
    in_russian = editor_client.get(url + link, **RU).context["cl"].result_list
    in_english = editor_client.get(url + link).context["cl"].result_list
    holders = set(
        Position.objects.filter(title_en="Secretary General").values_list("official", flat=True)
    )
    assert {o.pk for o in in_russian} == {o.pk for o in in_english} == holders


def test_an_organisation_is_named_in_russian_and_filters_in_russian(editor_client, seed):
    url = reverse("admin:presidencies_position_changelist")
    response = editor_client.get(url, **RU)
    mark, link = options(response, "organisation_en")["ОДКБ"]
    assert mark is None
    rows = editor_client.get(url + link, **RU).context["cl"].result_list
    assert rows and {p.organisation_en for p in rows} == {"CSTO"}
