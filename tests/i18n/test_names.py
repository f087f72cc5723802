"""Names on the Russian pages: member states as the CSTO writes them, people, posts, meetings and
their places in Russian (modeltranslation), in the search facets too; English pages unchanged."""

import re

import pytest

from tests.web.pages import text_of

pytestmark = pytest.mark.django_db

RU = {"HTTP_ACCEPT_LANGUAGE": "ru"}


def test_officials_posts_and_states_in_russian(client, seed):
    russian = text_of(client.get("/ru/officials/"))
    assert "Сергей Лавров" in russian
    assert "Министр иностранных дел, Российская Федерация" in russian
    assert "Президент, Кыргызская Республика" in russian
    assert "Генеральный секретарь, ОДКБ" in russian
    assert "Sergey Lavrov" not in russian and "Kyrgyzstan" not in russian
    english = text_of(client.get("/officials/"))
    assert "Minister of Foreign Affairs, Russia" in english and "Сергей" not in english


def test_meetings_their_places_and_dates_in_russian(client, seed):
    russian = text_of(client.get("/ru/summits/"))
    assert "Сессия Совета коллективной безопасности ОДКБ, Бишкек, 27 ноября 2025 года" in russian
    assert ">27 ноября 2025</time>" in russian
    assert "В узком и расширенном составах" in russian
    assert "Bishkek" not in russian and "Restricted" not in russian
    assert "Session of the CSTO Collective Security Council, Bishkek" in text_of(
        client.get("/summits/")
    )


def test_chairmanships_are_named_for_the_state_in_russian(client, seed):
    page = text_of(client.get("/ru/presidencies/"))
    assert "Республика Таджикистан 2021" in page and "Tajikistan 2021" not in page


def labels(page: str) -> str:
    """The facets and the hits' meta lines: the knowledge base's labels, not the snippets,
    which quote the sources in their own language."""
    facets = re.findall(r'<details class="search-facets">.*?</details>', page, re.S)
    metas = re.findall(r'<p class="search-hit-meta">.*?</p>', page, re.S)
    return "".join(facets + metas)


def test_search_facets_name_states_and_speakers_in_russian(client, seed):
    page = labels(text_of(client.get("/ru/search/", {"q": "security"})))
    assert "Российская Федерация 2026" in page and "Сергей Лавров" in page
    assert "Russia 2026" not in page and "Sergey Lavrov" not in page
    english = labels(text_of(client.get("/search/", {"q": "security"})))
    assert "Russia 2026" in english and "Sergey Lavrov" in english


def test_document_filter_labels_in_russian(client, seed):
    page = text_of(client.get("/ru/documents/"))
    assert '<label for="id_kind">Вид</label>' in page
    assert '<label for="id_publisher">Издатель</label>' in page


def test_the_api_names_states_in_the_clients_language(client, seed):
    russian = client.get("/api/v1/member-states/kyrgyzstan/", **RU).json()
    assert russian["name"] == "Кыргызская Республика"
    assert client.get("/api/v1/member-states/kyrgyzstan/").json()["name"] == "Kyrgyzstan"
