"""Known officials in other transliterations and in Cyrillic, and no false matches."""

import pytest

from importer import names
from importer.analysis import analyse


@pytest.mark.parametrize(
    ("word", "known"),
    [
        ("Zhaparov", "Japarov"),
        ("Жапаров", "Japarov"),
        ("Жапарова", "Japarov"),
        ("Tokaev", "Tokayev"),
        ("Токаевым", "Tokayev"),
        ("Rakhmon", "Rahmon"),
        ("Рахмон", "Rahmon"),
        ("Lukashenka", "Lukashenko"),
        ("Лукашенко", "Lukashenko"),
        ("Лавров", "Lavrov"),
    ],
)
def test_same_name(word, known):
    assert names.same_name(word, known)


@pytest.mark.parametrize(
    ("word", "known"),
    [("Lavrentiev", "Lavrov"), ("Putilin", "Putin"), ("Rahimov", "Rahmon"), ("Japan", "Japarov")],
)
def test_different_names(word, known):
    assert not names.same_name(word, known)


def test_variants_in_a_statement(seed):
    result = analyse(
        "BISHKEK, November 27, 2025. President Sadyr Zhaparov met President Kassym-Jomart "
        "Tokaev and President Emomali Rakhmon at the CSTO summit.\n\n"
        "Zhaparov said the member states would strengthen their collective security."
    )
    slugs = {o.slug for o in result.officials + result.mentioned}
    assert {"sadyr-japarov", "kassym-jomart-tokayev", "emomali-rahmon"} <= slugs
    assert "sadyr-japarov" in {o.slug for o in result.officials}  # he speaks
    assert not result.unknown_people  # none of them proposed as new people


def test_cyrillic_statement(seed):
    result = analyse(
        "Президент Кыргызстана Садыр Жапаров провел переговоры с Президентом Казахстана "
        "Касым-Жомартом Токаевым и Президентом Таджикистана Эмомали Рахмоном."
    )
    slugs = {o.slug for o in result.officials + result.mentioned}
    assert {"sadyr-japarov", "kassym-jomart-tokayev", "emomali-rahmon"} <= slugs
    assert "vladimir-putin" not in slugs
