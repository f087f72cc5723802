"""The general rules the evaluation set called for, each on a text of its own."""

import datetime

from importer.analysis import clean, find_date, find_publisher, yearless_date
from importer.analysis.meetings import propose_meeting
from importer.analysis.posts import russian_people_by_post

BODY = "The ministers met to discuss the situation on the borders of the member states."


def test_yearless_russian_dateline_takes_the_year_the_text_names():
    raw = f"МОСКВА, 11 ноября. /ТАСС/. Сессия пройдет в 2026 году. {BODY}"
    day, note = yearless_date(raw)
    assert day == datetime.date(2026, 11, 11)
    assert "11 ноября" in note


def test_a_date_opening_a_sentence_is_not_the_dateline():
    raw = f"News\n\nС 1 января 2026 года председательство перешло к России. {BODY}"
    assert find_date(raw) is None
    assert find_date(f"Title of the news item\n\nASTANA, 3 March 2026 – {BODY}") == (
        datetime.date(2026, 3, 3)
    )


def test_posted_on_line_is_a_dateline_not_a_paragraph():
    raw = f"Blog name\n\nPosted on 2 December 2020 by A. Writer\n\nA title here\n\n{BODY}"
    assert find_date(raw) == datetime.date(2020, 12, 2)
    assert "Posted on" not in clean(raw)


def test_publisher_from_the_site_heading_or_the_copyright_line():
    assert find_publisher(f"Steppe News\nHome > World\nA title here\n{BODY}") == "Steppe News"
    raw = f"{BODY}\n© 2005–2020 The Ministry of Foreign Affairs. All rights reserved."
    assert find_publisher(raw) == "The Ministry of Foreign Affairs"
    assert find_publisher(f"МОСКВА, 11 ноября. /ТАСС/. {BODY}") == "ТАСС"


def test_share_bar_one_network_per_line_is_removed_but_a_lone_name_stays():
    raw = f"A title here\n{BODY}\nShare:\nFacebook\nTelegram\nComments (2)\nMost read"
    assert clean(raw) == BODY
    lone = f"A title here\n{BODY}\nTelegram\n{BODY}"
    assert "Telegram" in clean(lone)


def test_wire_credit_line_is_removed():
    raw = f"A title here\n{BODY}\n(Reporting by A. Writer; editing by B. Editor)"
    assert clean(raw) == BODY


def test_meeting_held_is_proposed_with_its_sentence():
    text = "The session of the Collective Security Council was held in Astana on 28 November 2024."
    proposal = propose_meeting(text, None)
    assert (proposal.kind, proposal.city, proposal.date) == (
        "csc",
        "Astana",
        datetime.date(2024, 11, 28),
    )
    assert proposal.quote == text


def test_meeting_in_russian_city_is_recorded_in_english():
    text = "23 ноября 2023 года в Минске состоялась сессия Совета коллективной безопасности ОДКБ."
    proposal = propose_meeting(text, None)
    assert (proposal.kind, proposal.city) == ("csc", "Minsk")


def test_announced_meeting_proposes_nothing():
    for text in (
        "The next session of the Council will be held in Bishkek on 27 November 2025.",
        "We intend to hold the session of the Collective Security Council in Astana.",
        "Сессия Совета коллективной безопасности состоится в Москве 11 ноября 2026 года.",
    ):
        assert propose_meeting(text, datetime.date(2025, 1, 10)) is None, text


def test_meeting_of_yesterday_is_the_day_before_the_text():
    text = "Yesterday the leaders met in Minsk for the session of the Collective Security Council."
    proposal = propose_meeting(text, datetime.date(2023, 11, 24))
    assert proposal.date == datetime.date(2023, 11, 23)


def test_meeting_in_two_cities_or_without_a_date_proposes_nothing():
    text = "The leaders met in Minsk and Moscow for the session of the Collective Security Council."
    assert propose_meeting(text, datetime.date(2023, 11, 24)) is None
    assert propose_meeting("The summit was held in Minsk.", None) is None


def test_russian_people_by_their_post_in_the_nominative():
    text = (
        "Об этом сообщил помощник президента Юрий Ушаков. Официальный представитель МИД "
        "России Мария Захарова заявила об этом. Благодарим Генерального секретаря Станислава "
        "Зася."
    )
    assert russian_people_by_post(text, []) == [
        ("Юрий Ушаков", "помощник президента"),
        ("Мария Захарова", "Официальный представитель МИД России"),
    ]


def test_russian_speakers_told_apart_from_people_mentioned(seed):
    from importer.analysis import analyse

    result = analyse(
        "Стенограммы /\n\nЗаседание Совета\n\n11 ноября 2026 года\n\n"
        "В заседании приняли участие Президент Белоруссии Александр Лукашенко и Президент "
        "Таджикистана Эмомали Рахмон.\n\n"
        "В.Путин: Уважаемые коллеги! Благодарю Садыра Жапарова за работу.\n\n"
        "К.Токаев: Благодарю российских друзей за гостеприимство."
    )
    assert result.kind == "transcript"
    assert [o.slug for o in result.officials] == ["vladimir-putin", "kassym-jomart-tokayev"]
    assert {o.slug for o in result.mentioned} == {
        "alexander-lukashenko",
        "emomali-rahmon",
        "sadyr-japarov",
    }


def test_russian_speech_verbs_and_genre_titles(seed):
    from importer.analysis import analyse

    said = analyse(
        "Новости\n\nО работе организации\n\nГенеральный секретарь ОДКБ Имангали "
        "Тасмагамбетов отметил, что работа продолжится. Президент Кыргызстана Садыр Жапаров "
        "прибыл в Москву."
    )
    assert [o.slug for o in said.officials] == ["imangali-tasmagambetov"]
    assert [o.slug for o in said.mentioned] == ["sadyr-japarov"]
    authored = analyse(
        "Выступление Министра иностранных дел России С.В.Лаврова на заседании СМИД\n\n"
        "Уважаемые коллеги! Предлагаем принять заявление о борьбе с терроризмом."
    )
    assert [o.slug for o in authored.officials] == ["sergey-lavrov"]
