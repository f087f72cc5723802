"""Small pieces of the importer: reading bytes, sentences, slugs, people."""

import pytest

from importer.analysis import InputError, decode_input, find_unknown_people, sentences
from importer.services import propose_slug


def test_decode_input():
    assert decode_input("\ufeffText".encode()) == "Text"
    for bad, message in [
        (b"", "empty"),
        (b"\n \t", "empty"),
        (b"ab\x00cd", "binary"),
        (b"\xff\xfe", "not UTF-8"),
        (b"a" * (2 * 1024 * 1024 + 1), "larger"),
    ]:
        with pytest.raises(InputError, match=message):
            decode_input(bad)


def test_sentences_are_substrings():
    text = (
        "MOSCOW, January 1. /TASS/. Russia aims high. Mr Sadyr Japarov spoke.\n\n"
        "“We will continue,” he said. The Nov. 27 meeting ended."
    )
    parts = sentences(text)
    assert all(p in text for p in parts)
    assert "Russia aims high." in parts
    assert "The Nov. 27 meeting ended." in parts


def test_unknown_people_high_precision():
    text = (
        "Foreign Minister Lena Varga met President of the Russian Federation Ivan Petrov. "
        "The Collective Security Council and Minister of Defence Affairs met. "
        "Secretary General Marat Usenov, Mr Smith."
    )
    assert find_unknown_people(text, [], []) == ["Lena Varga", "Ivan Petrov", "Marat Usenov"]


def test_slug_is_unique(seed):
    import datetime

    slug = propose_slug("CSTO summit", datetime.date(2025, 11, 27), "transcript", "")
    assert slug == "csto-summit-2025-11-27"
    assert propose_slug("", None, "statement", "TASS") == "tass-undated"
    from documents.models import Document

    Document.objects.create(slug=slug, kind="transcript", title="x", text="unique text here")
    assert propose_slug("CSTO summit", datetime.date(2025, 11, 27), "transcript", "") == (
        "csto-summit-2025-11-27-2"
    )


def test_seeds_have_no_unknown_people(seed):
    from pathlib import Path

    from importer.analysis import analyse

    for path in sorted((Path(__file__).parent.parent / "data" / "seeds").glob("*.txt")):
        assert analyse(path.read_text(encoding="utf-8")).unknown_people == [], path.name


class Person:
    """An official as the matcher sees it: a name and aliases (hashable, not saved)."""

    def __init__(self, name: str, *aliases: str):
        self.name, self.alias_list = name, list(aliases)

    def __repr__(self):
        return self.name


def test_speakers_and_mentioned():
    from importer.analysis import match_officials

    lavrov = Person("Sergey Lavrov", "Lavrov", "Foreign Minister Sergey Lavrov")
    putin = Person("Vladimir Putin", "Putin", "President Putin")
    rahmon = Person("Emomali Rahmon", "Rahmon")
    people = [lavrov, putin, rahmon]

    def speakers(text, **kw):
        found, mentioned, _spans = match_officials(text, people, **kw)
        return found, mentioned

    assert speakers("Lavrov said the CSTO will grow. Putin met Emomali Rahmon.") == (
        [lavrov],
        [putin, rahmon],
    )
    assert speakers("“We will act,” said Foreign Minister Sergey Lavrov.")[0] == [lavrov]
    assert speakers("The minister, Sergey Lavrov, had this to say: “…”")[0] == [lavrov]
    assert speakers("According to Putin, the work goes on.")[0] == [putin]
    assert speakers("Lavrov, the Russian minister, noted progress.")[0] == [lavrov]
    # Reported doings, thanks and addresses are mentions.
    assert speakers("President Putin reviewed the priorities. Lavrov had spoken before.") == (
        [],
        [putin, lavrov],
    )
    assert speakers("Dear colleague Sergey Lavrov, thank you. I thank Mr Rahmon.")[0] == []
    # A title names its author.
    title = "Foreign Minister Sergey Lavrov’s remarks at the meeting with Putin"
    assert speakers(title + "\n\nI greet you.", title_length=len(title)) == ([lavrov], [putin])
    title = "Interview with Vladimir Putin"
    assert speakers(title + "\n\nQuestion.", title_length=len(title))[0] == [putin]
    # A transcript's speakers are its speaker labels, not the participants listed.
    transcript = (
        "Taking part were Vladimir Putin, Emomali Rahmon and Sergey Lavrov.\n\n"
        "Vladimir Putin: Friends, colleagues.\n\nLavrov said nothing new."
    )
    assert speakers(transcript, transcript=True) == ([putin], [rahmon, lavrov])


def test_unknown_speakers():
    from importer.analysis import unknown_speakers

    text = "Ambassador Oleg Sverdlin met Foreign Minister Lena Varga. Varga said it went well."
    assert unknown_speakers(text, ["Oleg Sverdlin", "Lena Varga"]) == ["Lena Varga"]


def test_find_place():
    from importer.analysis import find_place

    assert find_place("CSTO summit\n\nNovember 27, 2025, Bishkek\n\nText here.") == "Bishkek"
    assert find_place("MOSCOW, November 27. /TASS/. Lavrov said so.") == "Moscow"
    assert find_place("Title of it\n\nPublished: 2025-11-27 14:05\n\nThe text.") == ""
    assert find_place("1 December 202016:22\n\nTitle\n\nText.") == ""


def test_summit_needs_date_and_place(seed):
    import datetime

    from importer.analysis import find_summit

    day = datetime.date(2025, 11, 27)
    bishkek = "csc-2025-bishkek"

    def slug(text, place=""):
        summit = find_summit(day, text, place)
        return summit.slug if summit else None

    assert slug("The summit was held in Bishkek.") == bishkek
    assert slug("The leaders met in Bishkek.", place="Astana") == bishkek  # names it
    assert slug("Text of the Bishkek dateline.", place="Bishkek") == bishkek
    assert slug("On the sidelines of the summit, the ministers met.") == bishkek
    # From Moscow that day, and not about Bishkek: no meeting.
    assert slug("Lavrov spoke of the CSTO summit at a briefing.", place="Moscow") is None
    assert slug("At a briefing in Moscow, the CSTO summit was discussed.") is None
    assert slug("A statement on trade.") is None
    # A meeting whose city is not recorded: the text must name its kind.
    cfm = datetime.date(2020, 12, 1)
    assert find_summit(cfm, "at the Council of Foreign Ministers").slug == "cfm-2020-12-01"
    assert find_summit(cfm, "A statement on trade.") is None


def test_open_chairmanship_covers_its_year_only(seed):
    import datetime

    from importer.analysis import find_presidency, find_presidency_with_note

    def slug(day):
        found = find_presidency(day)
        return found.slug if found else None

    assert slug(datetime.date(2026, 1, 1)) == "russia-2026"
    assert slug(datetime.date(2026, 12, 31)) == "russia-2026"
    assert slug(datetime.date(2027, 1, 1)) is None
    assert slug(datetime.date(2027, 6, 1)) is None
    presidency, note = find_presidency_with_note(datetime.date(2027, 6, 1))
    assert presidency is None
    assert "Russia 2026 has no end date but is named for 2026" in note
    assert slug(datetime.date(2025, 12, 31)) == "kyrgyzstan-2025"
    assert slug(datetime.date(2019, 12, 1)) == "russia-2020"  # began on 28 November 2019


def test_chairmanship_named_in_text(seed):
    from importer.analysis import presidency_named_in

    def slug(text):
        found = presidency_named_in(text)[0]
        return found.slug if found else None

    assert slug("He spoke about Russia holding the 2026 CSTO Presidency.") == "russia-2026"
    assert slug("The Russian chairmanship of the CSTO in 2020 ended.") == "russia-2020"
    assert slug("Kyrgyzstan’s chairmanship in 2025 was a success.") == "kyrgyzstan-2025"
    # No year, a year far from the chairmanship, or two states: nothing is inferred.
    assert slug("Russia has assumed the presidency of the CSTO.") is None
    assert slug("The Russian chairmanship will build on the Strategy to 2025 and more.") is None
    assert slug("Russia took over the chairmanship from Kyrgyzstan in 2026.") is None
    # Several chairmanships named: none.
    text = "Russia held the chairmanship in 2020. Russia holds the chairmanship in 2026."
    found, note = presidency_named_in(text)
    assert found is None and "several chairmanships" in note


def test_crlf_text_analyses_like_lf(seed):
    from pathlib import Path

    from importer.analysis import analyse

    path = Path(__file__).parent.parent / "data" / "seeds" / "004_0cfcc865ddc53478.txt"
    lf = path.read_text(encoding="utf-8")
    crlf = lf.replace("\n", "\r\n")
    a, b = analyse(lf), analyse(crlf)
    assert b.raw == crlf
    assert (b.title, b.text, b.date, b.summit, b.officials) == (
        a.title,
        a.text,
        a.date,
        a.summit,
        a.officials,
    )


def test_raw_token_round_trip():
    from django.core.exceptions import ValidationError

    from importer.forms import sign_raw, unsign_raw

    raw = "\ufeffLine one\r\nLine two\rLine three\n\n  Москва  \r\n"
    assert unsign_raw(sign_raw(raw)) == raw
    token = sign_raw(raw)
    with pytest.raises(ValidationError, match="altered"):
        unsign_raw(token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    with pytest.raises(ValidationError, match="altered"):
        unsign_raw("not a token")
