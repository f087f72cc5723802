"""The seed fixtures: every quote verbatim, every fact of the five source texts present."""

import datetime
import io
import pathlib
import re

import pytest
from django.core.management import call_command

from documents.models import Citation, Document, text_fingerprint
from presidencies.models import MemberState, Official, Presidency, Priority, Summit, Theme
from tests.seed import load_fixtures

pytestmark = pytest.mark.django_db

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "data" / "seeds"
MOTTO = "Collective Security in a Multipolar World: Common Goal, Shared Responsibility"


def dump() -> str:
    out = io.StringIO()
    # The revision counter is bookkeeping, not content: it counts the second load too.
    call_command(
        "dumpdata",
        "presidencies",
        "documents",
        exclude=["presidencies.KnowledgeBaseRevision"],
        stdout=out,
        indent=0,
    )
    return out.getvalue()


def test_every_quote_stands_verbatim_in_its_documents_cleaned_text(seed):
    citations = list(Citation.objects.select_related("document"))
    assert len(citations) > 100
    missing = [c.pk for c in citations if c.quote not in c.document.text]
    assert missing == []


def test_every_citation_passes_model_validation(seed):
    for citation in Citation.objects.select_related("document"):
        citation.full_clean()


def test_loading_the_fixtures_twice_changes_nothing(seed):
    before = dump()
    load_fixtures()
    assert dump() == before


def test_raw_texts_are_kept_as_received(seed):
    raws = {p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    stored = set(Document.objects.sources().values_list("raw_text", flat=True))
    assert stored == raws


@pytest.mark.parametrize(
    "boilerplate",
    [
        "date 2026-01-01",
        "Further Reading",
        "en-GB1",
        "Additional materials",
        "General Information",
        "Diplomatic and consular missions",
        "View settings",
        "Font size:",
        "Site colours:",
        "Official website of the President of Russia",
        "Transcripts",
        "* * *",
        "202016:22",
        "\xa0",
    ],
)
def test_cleaned_texts_hold_no_page_boilerplate(seed, boilerplate):
    for document in Document.objects.sources():
        assert boilerplate not in document.text, document.slug


def test_text_fingerprints_match_the_cleaned_texts(seed):
    for document in Document.objects.all():
        assert document.text_hash == text_fingerprint(document.text)


def test_four_chairmanships_in_order_with_neighbours(seed):
    slugs = list(Presidency.objects.values_list("slug", flat=True))
    assert slugs == ["russia-2020", "tajikistan-2021", "kyrgyzstan-2025", "russia-2026"]
    russia_2026 = Presidency.objects.get(slug="russia-2026")
    assert russia_2026.motto == MOTTO
    assert russia_2026.start_date == datetime.date(2026, 1, 1)
    assert russia_2026.is_open
    assert russia_2026.predecessor.slug == "kyrgyzstan-2025"
    assert russia_2026.successor is None
    assert Presidency.objects.get(slug="russia-2020").successor.slug == "tajikistan-2021"


def test_russia_2020_began_in_bishkek_on_28_november_2019_with_a_note(seed):
    russia_2020 = Presidency.objects.get(slug="russia-2020")
    assert russia_2020.start_date == datetime.date(2019, 11, 28)
    assert russia_2020.website == "https://cstorussia2020.mid.ru/"
    assert "2019 follows from context" in russia_2020.editorial_note
    assert russia_2020.citations.filter(quote__contains="in Bishkek on November 28").exists()


def test_kyrgyz_chairmanship_ended_when_russias_began(seed):
    kyrgyzstan = Presidency.objects.get(slug="kyrgyzstan-2025")
    assert kyrgyzstan.end_date == datetime.date(2025, 12, 31)
    assert kyrgyzstan.start_date is None
    assert "recently concluded" in kyrgyzstan.editorial_note


def test_the_chairmanship_in_office_on_a_date(seed):
    in_office = Presidency.objects.in_office_on
    assert in_office(datetime.date(2026, 6, 1)).get().slug == "russia-2026"
    assert in_office(datetime.date(2020, 3, 1)).count() == 0  # Russia 2020's end is unknown
    assert in_office(datetime.date(2019, 11, 28)).get().slug == "russia-2020"
    assert in_office(datetime.date(2025, 12, 31)).count() == 0  # Kyrgyzstan's start is unknown


@pytest.mark.parametrize(
    ("presidency", "documents", "count"),
    [
        ("russia-2026", {"tass", "news", "kremlin"}, 18),
        ("russia-2020", {"press-release", "remarks"}, 13),
    ],
)
def test_each_chairmanships_priorities_cite_its_texts(seed, presidency, documents, count):
    priorities = Priority.objects.filter(presidency__slug=presidency).with_related()
    assert len(priorities) == count
    kinds = {"tass": "news_report", "news": "news_report", "kremlin": "transcript"}
    kinds |= {"press-release": "press_release", "remarks": "remarks"}
    cited_kinds = {c.document.kind for p in priorities for c in p.citations.all()}
    assert {kinds[d] for d in documents} <= cited_kinds
    for priority in priorities:
        assert priority.citations.all(), priority.title


def test_russia_2026_priorities_are_stated_by_lavrov_twice_and_by_putin(seed):
    """Both versions of Lavrov's message and Putin's speech back the shared priorities."""
    information_security = Priority.objects.get(
        presidency__slug="russia-2026", theme__slug="information-security"
    )
    sources = set(information_security.citations.values_list("document__slug", flat=True))
    assert sources == {
        "tass-2026-01-01-lavrov-russia-csto-presidency",
        "news-lavrov-message-russia-2026-csto-presidency",
        "kremlin-csto-summit-bishkek-2025-11-27",
    }


def test_themes_compare_priorities_across_chairmanships(seed):
    shared = {
        t.slug
        for t in Theme.objects.all()
        if {p.presidency.slug for p in t.priorities.select_related("presidency")}
        >= {"russia-2020", "russia-2026"}
    }
    assert {
        "information-security",
        "counter-terrorism",
        "drug-trafficking",
        "peacekeeping",
        "biological-security",
        "collective-forces",
    } <= shared


def test_follow_through_links_priorities_to_instruments(seed):
    drugs = Priority.objects.get(presidency__slug="russia-2026", theme__slug="drug-trafficking")
    assert set(drugs.instruments.values_list("slug", flat=True)) == {
        "csc-decision-anti-drug-strategy-2026-2030",
        "csc-statement-illegal-drug-trafficking-2025",
    }
    strategy = Priority.objects.get(
        presidency__slug="russia-2020", instruments__slug="csto-collective-security-strategy-2025"
    )
    assert strategy.status == Priority.Status.IN_PROGRESS
    assert strategy.citations.filter(role=Citation.Role.PROGRESS).exists()


def test_officials_and_their_posts(seed):
    posts = {
        (p.official.name, p.title, p.member_state.name if p.member_state else p.organisation)
        for o in Official.objects.prefetch_related("positions__member_state")
        for p in o.positions.all()
    }
    assert posts == {
        ("Sergey Lavrov", "Minister of Foreign Affairs", "Russia"),
        ("Vladimir Putin", "President", "Russia"),
        ("Alexander Lukashenko", "President", "Belarus"),
        ("Kassym-Jomart Tokayev", "President", "Kazakhstan"),
        ("Sadyr Japarov", "President", "Kyrgyzstan"),
        ("Emomali Rahmon", "President", "Tajikistan"),
        ("Imangali Tasmagambetov", "Secretary General", "CSTO"),
    }
    secretary = Official.objects.get(slug="imangali-tasmagambetov").positions.get()
    assert secretary.ended and secretary.end_date is None
    assert all(p.citations.exists() for o in Official.objects.all() for p in o.positions.all())


def test_member_states_named_in_the_texts(seed):
    assert set(MemberState.objects.values_list("iso_code", flat=True)) == {
        "RU",
        "BY",
        "KZ",
        "KG",
        "TJ",
    }


def test_meetings_with_status_format_and_participants(seed):
    bishkek = Summit.objects.get(slug="csc-2025-bishkek")
    assert bishkek.date == datetime.date(2025, 11, 27)
    assert bishkek.venue == "Yntymak Ordo government residence"
    assert bishkek.sitting == "Restricted and expanded formats"
    assert bishkek.presidency.slug == "kyrgyzstan-2025"
    assert bishkek.participants.count() == 6
    video = Summit.objects.get(date=datetime.date(2020, 12, 2))
    assert video.attendance == Summit.Attendance.VIDEOCONFERENCE
    assert video.status == Summit.Status.PLANNED
    moscow = Summit.objects.get(date=datetime.date(2026, 11, 11))
    assert (moscow.city, moscow.status) == ("Moscow", Summit.Status.PLANNED)
    forum = Summit.objects.get(kind=Summit.Kind.FORUM)
    assert forum.status == Summit.Status.PROPOSED and forum.date is None
    assert Summit.objects.get(kind=Summit.Kind.DEFENCE_MINISTERS).date is None
    assert all(s.citations.exists() for s in Summit.objects.all())


def test_instruments_signed_in_bishkek(seed):
    adopted = set(
        Document.objects.instruments()
        .filter(summit__slug="csc-2025-bishkek")
        .values_list("title", flat=True)
    )
    assert "Declaration of the CSTO Collective Security Council" in adopted
    assert (
        "Decision of the CSTO Collective Security Council on the anti-drug strategy of the "
        "CSTO member states for 2026–2030" in adopted
    )
    assert len(adopted) == 7
    assert all(d.attesting_citations.exists() for d in Document.objects.instruments())


@pytest.mark.parametrize(
    ("slug", "date", "publisher", "speakers", "presidency", "summit"),
    [
        (
            "tass-2026-01-01-lavrov-russia-csto-presidency",
            datetime.date(2026, 1, 1),
            "TASS",
            {"sergey-lavrov"},
            "russia-2026",
            None,
        ),
        (
            "news-lavrov-message-russia-2026-csto-presidency",
            None,
            "",
            {"sergey-lavrov"},
            "russia-2026",
            None,
        ),
        (
            "lavrov-opening-remarks-cfm-2020-12-01",
            datetime.date(2020, 12, 1),
            "",
            {"sergey-lavrov"},
            "russia-2020",
            "cfm-2020-12-01",
        ),
        (
            "press-release-russia-csto-chairmanship-2020",
            None,
            "",
            set(),
            "russia-2020",
            "csc-2019-bishkek",
        ),
        (
            "kremlin-csto-summit-bishkek-2025-11-27",
            datetime.date(2025, 11, 27),
            "Official website of the President of Russia",
            {"vladimir-putin"},
            "kyrgyzstan-2025",
            "csc-2025-bishkek",
        ),
    ],
)
def test_the_five_texts_as_documents(seed, slug, date, publisher, speakers, presidency, summit):
    document = Document.objects.get(slug=slug)
    assert document.date == date
    assert document.publisher == publisher
    assert set(document.speakers.values_list("slug", flat=True)) == speakers
    assert document.presidency.slug == presidency
    assert (document.summit.slug if document.summit else None) == summit
    assert len(document.paragraphs()) >= 8


def test_a_works_note_quotes_only_what_its_versions_say(seed):
    """The editorial note on the 2026 versions cites their own words, nothing else."""
    from documents.models import Work

    work = Work.objects.get(slug="lavrov-message-russia-csto-presidency-2026")
    texts = [v.text for v in work.versions.all()]
    assert len(texts) == 2
    quoted = re.findall(r"“(.+?)”", work.editorial_note)
    assert len(quoted) >= 5
    for phrase in quoted:
        assert any(phrase in text for text in texts), phrase
