"""'Did you mean' for a search that finds nothing, on both databases.

PostgreSQL looks an unknown word up by trigram similarity (pg_trgm) in the documents'
vocabulary, kept by a trigger; SQLite (no pg_trgm) by difflib in a vocabulary cached per
revision. Both offer the same near spellings for these texts.
"""

import pytest
from django.utils import translation

from search.engine import search
from search.query import parse
from search.suggest import suggest
from tests.factories import ThemeFactory

from .builders import document

pytestmark = pytest.mark.django_db


def spelling(query: str) -> str | None:
    assert search(query).total == 0
    return suggest(parse(query)).spelling


def test_a_misspelt_name_is_offered_with_its_spelling():
    document("Meeting with Tokayev", "Kassym-Jomart Tokayev received the Secretary General.")
    assert spelling("tokaev") == "tokayev"
    assert spelling("kasym jomart") == "kassym jomart"
    found = search("tokayev")
    assert [hit.title for hit in found.hits] == ["Meeting with Tokayev"]


def test_only_the_unknown_words_are_replaced_and_operators_kept():
    document("Peacekeeping", "Peacekeeping forces in the region.")
    assert spelling('"peacekeeping forcse" -navy') == '"peacekeeping forces" -navy'


def test_an_edit_is_in_the_vocabulary_at_once():
    airlift = document("Airlift", "Helicopters and aircraft.")
    assert spelling("helicoptres") == "helicopters"
    # An editor's save: on PostgreSQL the trigger adds the words, on SQLite the revision
    # changes and the cached vocabulary with it.
    airlift.text = "Paratroopers and aircraft."
    airlift.save()
    assert spelling("paratropers") == "paratroopers"


def test_a_russian_misspelling_is_offered_in_russian():
    document("Заявление", "Борьба с незаконным оборотом наркотиков.", language="ru")
    assert spelling("наркотеков") == "наркотиков"


def test_nothing_near_offers_no_spelling_only_the_themes():
    document("Peacekeeping", "Peacekeeping forces.")
    assert spelling("xylophone") is None
    assert suggest(parse("zzqqj")).spelling is None


def test_the_themes_offered_are_named_in_the_readers_language():
    ThemeFactory(name_en="Peacekeeping", name_ru="Миротворческая деятельность", slug="peacekeeping")
    with translation.override("en"):
        english = suggest(parse("zzqqj")).themes
    with translation.override("ru"):
        russian = suggest(parse("zzqqj")).themes
    assert [name for name, _ in english] == ["Peacekeeping"]
    assert [name for name, _ in russian] == ["Миротворческая деятельность"]
    assert russian[0][1].startswith("/ru/") and not english[0][1].startswith("/ru/")
