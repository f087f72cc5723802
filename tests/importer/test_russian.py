"""Russian-language statements (written for the tests): date, language, title, furniture,
chairmanship and officials, as for English."""

import datetime
from pathlib import Path

import pytest

from importer.analysis import analyse, find_date, full_dates, sentences

DATA = Path(__file__).parent / "data" / "ru"


def read(name: str):
    return analyse((DATA / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10 января 2026 года", datetime.date(2026, 1, 10)),
        ("27 ноября 2025 г.", datetime.date(2025, 11, 27)),
        ("1 Декабря 2020 года", datetime.date(2020, 12, 1)),
        ("31 мая 2024", datetime.date(2024, 5, 31)),
        ("03.12.2020", datetime.date(2020, 12, 3)),
    ],
)
def test_russian_dates(text, expected):
    assert [d for _s, _e, d in full_dates(text)] == [expected]


def test_russian_sentences_are_split():
    assert sentences("Первое предложение. Второе предложение! Третье?") == [
        "Первое предложение.",
        "Второе предложение!",
        "Третье?",
    ]


def test_dated_statement(seed):
    result = read("01_mfa_dated.txt")
    assert result.language == "ru"
    assert result.date == datetime.date(2026, 1, 10)
    assert (
        result.title == "Заявление Министра иностранных дел о приоритетах председательства в ОДКБ"
    )
    assert result.presidency.slug == "russia-2026"
    assert [o.slug for o in result.officials + result.mentioned] == ["sergey-lavrov"]
    for furniture in ("Поделиться", "ВКонтакте", "Версия для печати", "Читайте также",
                      "Вернуться к списку", "Все права защищены", "Главная"):  # fmt: skip
        assert furniture not in result.text
    assert result.text.startswith("Министр иностранных дел Российской Федерации Сергей Лавров")
    assert "незаконному обороту наркотиков" in result.text  # nothing of the statement lost


def test_undated_statement_names_its_chairmanship(seed):
    result = read("02_undated_chairmanship.txt")
    assert result.date is None
    assert result.language == "ru"
    assert result.presidency.slug == "kyrgyzstan-2025"
    assert "Итоги председательства Кыргызстана" in " ".join(result.notes)
    assert "sadyr-japarov" in {o.slug for o in result.officials + result.mentioned}
    assert not result.unknown_people


def test_summit_remarks(seed):
    result = read("03_summit_remarks.txt")
    assert find_date((DATA / "03_summit_remarks.txt").read_text(encoding="utf-8")) == (
        datetime.date(2025, 11, 27)
    )
    assert result.presidency.slug == "kyrgyzstan-2025"
    assert result.title.startswith("Выступление Президента Республики Казахстан")
    slugs = {o.slug for o in result.officials + result.mentioned}
    assert {"kassym-jomart-tokayev", "sadyr-japarov", "emomali-rahmon"} <= slugs
    assert "Поделиться" not in result.text


def test_english_stays_english(seed):
    assert analyse("Statement of the Ministry.\n\nThe ministers met in Minsk.").language == "en"


def test_language_is_saved(seed, editor_client):
    from documents.models import Document
    from tests.importer.test_admin import URL, review_data

    raw = (DATA / "01_mfa_dated.txt").read_text(encoding="utf-8")
    response = editor_client.post(URL, {"step": "source", "raw_text": raw})
    assert response.context["form"]["language"].value() == "ru"
    response = editor_client.post(URL, review_data(response))
    assert response.status_code == 302
    document = Document.objects.get(title__startswith="Заявление Министра иностранных дел")
    assert document.language == "ru"
    assert document.date == datetime.date(2026, 1, 10)
