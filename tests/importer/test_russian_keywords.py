"""Russian theme keywords, maintained by editors beside the English ones."""

from django.urls import reverse

from importer.analysis import analyse
from importer.analysis.themes import theme_hits
from presidencies.models import Theme
from tests.adminforms import change_form_data
from tests.factories import ThemeFactory


def test_each_word_of_a_russian_keyword_stands_for_the_words_it_begins(db):
    theme = ThemeFactory(keywords="", keywords_ru="коллективн сил\nмиротвор")
    text = "Укрепление Коллективных сил и Коллективными силами; миротворческая миссия."
    assert [(h.theme, h.count) for h in theme_hits(text, [theme])] == [(theme, 3)]
    assert theme_hits("Силы коллективные. Изучение.", [theme]) == []


def test_russian_statement_gets_its_themes_from_the_russian_keywords(seed):
    result = analyse(
        "Заявление\n\nМосква, 10 января 2026 года\n\nМы продолжим борьбу с терроризмом и "
        "незаконным оборотом наркотиков."
    )
    assert [h.theme.slug for h in result.themes] == ["counter-terrorism", "drug-trafficking"]


def test_editor_edits_russian_keywords_in_the_admin_and_the_importer_uses_them(seed, editor_client):
    theme = Theme.objects.get(slug="peacekeeping")
    url = reverse("admin:presidencies_theme_change", args=[theme.pk])
    page = editor_client.get(url)
    assert 'name="keywords_ru"' in page.content.decode()
    saved = editor_client.post(url, change_form_data(page, keywords_ru="миротвор\nголуб кас"))
    assert saved.status_code == 302
    result = analyse("Заявление\n\nТекст о роли голубых касок в регионе и о мире.")
    assert [h.theme.slug for h in result.themes] == ["peacekeeping"]


def test_the_api_gives_the_russian_keywords(seed, client):
    response = client.get("/api/v1/themes/peacekeeping/")
    assert response.status_code == 200
    assert response.json()["keywords_ru"] == "миротвор"
