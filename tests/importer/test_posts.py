"""People not yet known, introduced by their post, proposed with it and saved with it."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from importer.analysis import analyse
from importer.analysis.posts import people_by_post
from presidencies.models import Official

NOT_NAMES = {"Collective", "Security", "Treaty", "Organization", "Saint"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "MOSCOW, March 3. Presidential Aide Yuri Ushakov told reporters the talks went well.",
            [("Yuri Ushakov", "Presidential Aide")],
        ),
        (
            "Speaking at the meeting, the country's permanent representative to the CSTO, "
            "Marat Syzdykov, said the exercises would go ahead.",
            [("Marat Syzdykov", "country's permanent representative to the CSTO")],
        ),
        (
            "Marat Syzdykov, the permanent representative of Kazakhstan to the CSTO, said the "
            "exercises would go ahead.",
            [("Marat Syzdykov", "permanent representative of Kazakhstan to the CSTO")],
        ),
        (
            "Kremlin spokesman Dmitry Peskov declined to comment.",
            [("Dmitry Peskov", "Kremlin spokesman")],
        ),
        (
            "Deputy Foreign Minister Andrei Rudenko met the delegation in Minsk.",
            [("Andrei Rudenko", "Deputy Foreign Minister")],
        ),
    ],
)
def test_post_before_or_after_the_name(text, expected):
    assert people_by_post(text, [], NOT_NAMES) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The meeting in Saint Petersburg was held on Monday.",
        "Talks were held in Nur-Sultan, and John Smith attended.",  # no post: not proposed here
        "Collective Security Treaty Organization members agreed.",
    ],
)
def test_no_post_no_proposal(text):
    assert people_by_post(text, [], NOT_NAMES) == []


TEXT = (
    "MOSCOW, March 3, 2026. Presidential Aide Yuri Ushakov told reporters that the CSTO "
    "summit would be held in the autumn.\n\n"
    "The country's permanent representative to the CSTO, Marat Syzdykov, said the joint "
    "exercises would go ahead as planned."
)


def test_analysis_proposes_them_with_their_posts(seed):
    result = analyse(TEXT)
    assert "Yuri Ushakov" in result.unknown_people
    assert "Marat Syzdykov" in result.unknown_people
    assert result.posts["Yuri Ushakov"] == "Presidential Aide"
    assert result.posts["Marat Syzdykov"] == "country's permanent representative to the CSTO"


def test_known_official_with_a_post_is_not_new(seed):
    official = Official.objects.first()
    result = analyse(f"MOSCOW, March 3, 2026. Special envoy {official.name} arrived in Minsk.")
    assert official.name not in result.unknown_people


def test_saved_with_their_posts(seed, tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text(TEXT, encoding="utf-8")
    out = StringIO()
    call_command("import_statement", str(path), "--json", "--save", "--create-people", stdout=out)
    payload = json.loads(out.getvalue())
    assert payload["posts"]["Yuri Ushakov"] == "Presidential Aide"
    ushakov = Official.objects.get(name="Yuri Ushakov")
    assert [p.title for p in ushakov.positions.all()] == ["Presidential Aide"]


def test_review_offers_the_post_and_saves_it(seed, editor_client):
    from tests.importer.test_admin import URL, review_data

    response = editor_client.post(URL, {"step": "source", "raw_text": TEXT})
    form = response.context["form"]
    names = {form[f"person_{i}_name"].value(): i for i in range(form.people_count)}
    i = names["Marat Syzdykov"]
    assert form[f"person_{i}_post"].value() == "country's permanent representative to the CSTO"
    data = review_data(response)
    data[f"person_{i}_create"] = "on"
    data[f"person_{i}_post"] = "Permanent Representative of Kazakhstan to the CSTO"  # edited
    response = editor_client.post(URL, data)
    assert response.status_code == 302
    syzdykov = Official.objects.get(name="Marat Syzdykov")
    assert [p.title for p in syzdykov.positions.all()] == [
        "Permanent Representative of Kazakhstan to the CSTO"
    ]
    assert not Official.objects.filter(name="Yuri Ushakov").exists()  # not ticked
