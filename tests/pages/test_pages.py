"""Every public page through the test client: status, facts from the fixtures, links, 404s."""

import datetime
import json
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

MOTTO = "Collective Security in a Multipolar World: Common Goal, Shared Responsibility"


def text_of(response) -> str:
    return response.content.decode()


@pytest.fixture
def today_2026(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: datetime.date(2026, 6, 1))


def test_home_shows_the_chairmanship_in_office_and_latest_material(client, seed, today_2026):
    html = text_of(client.get("/"))
    assert "Russia 2026" in html and MOTTO in html
    assert "Combat potential and modern equipment for the Collective Forces" in html
    assert 'href="/presidencies/russia-2026/#priority-' in html
    assert "Session of the CSTO Collective Security Council, Moscow, 11 November 2026" in html
    assert "Session of the CSTO Collective Security Council, Bishkek, 27 November 2025" in html
    assert 'action="/search/"' in html
    assert '"@type": "Organization"' in html


def test_presidency_timeline_lists_every_chairmanship_with_counts(client, seed):
    html = text_of(client.get(reverse("presidency-list")))
    for name in ("Russia 2020", "Tajikistan 2021", "Kyrgyzstan 2025", "Russia 2026"):
        assert name in html
    assert "18 priorities recorded" in html and "13 priorities recorded" in html
    assert "28 November 2019 – end not recorded" in html


def test_presidency_page_groups_priorities_by_theme_with_quotes(client, seed):
    html = text_of(client.get("/presidencies/russia-2026/"))
    assert MOTTO in html
    assert 'rel="prev"' in html and "Kyrgyzstan 2025" in html
    assert 'id="theme-information-security"' in html
    assert "Among the most important priorities of the organisation’s activities" in html
    # Each quote links to its exact passage in the source document.
    assert re.search(r'href="/documents/[\w-]+/#citation-\d+"', html)
    # Follow-through: the instruments that carry a priority out.
    assert "anti-drug strategy of the CSTO member states for 2026–2030" in html
    assert "csc-2026-moscow" in html  # meetings held during it


def test_presidency_page_shows_notes_and_sources_for_inferred_dates(client, seed):
    html = text_of(client.get("/presidencies/russia-2020/"))
    assert "2019 follows from context" in html
    assert "https://cstorussia2020.mid.ru/" in html
    assert "Tajikistan 2021" in html
    assert "In progress" in html


def test_theme_matrix_compares_chairmanships(client, seed):
    response = client.get(reverse("theme-list"))
    html = text_of(response)
    assert "<caption" in html and 'scope="col"' in html
    assert 'href="/themes/peacekeeping/#russia-2026"' in html
    assert "Russia 2020" in html and "Russia 2026" in html
    # Chairmanships with no priority on record are not columns.
    assert ">Tajikistan 2021<" not in html
    rows = {r["theme"].slug: r for r in response.context["rows"]}
    cells = [c["state"] for c in rows["peacekeeping"]["cells"]]
    assert cells == ["first", "continued"]
    assert [c["state"] for c in rows["eurasian-security-architecture"]["cells"]] == [
        "none",
        "new",
    ]


def test_theme_matrix_is_invalidated_when_an_editor_changes_data(client, seed):
    from presidencies.models import Priority, Theme

    client.get(reverse("theme-list"))
    theme = Theme.objects.get(slug="crisis-response")
    priority = Priority.objects.filter(presidency__slug="russia-2026").first()
    priority.theme = theme
    priority.save()
    rows = {r["theme"].slug: r for r in client.get(reverse("theme-list")).context["rows"]}
    assert [c["count"] for c in rows["crisis-response"]["cells"]] == [1, 1]


def test_theme_page_follows_one_theme_through_chairmanships(client, seed):
    html = text_of(client.get("/themes/drug-trafficking/"))
    assert 'id="russia-2020"' in html and 'id="russia-2026"' in html
    assert "regional operation Channel" in html
    assert "Channel anti-drug operation" in html


def test_documents_list_filters_and_paginates(client, seed):
    def slugs(**params):
        response = client.get(reverse("document-list"), params)
        assert response.status_code == 200
        return {d.slug for d in response.context["documents"]}

    assert slugs(kind="remarks") == {"lavrov-opening-remarks-cfm-2020-12-01"}
    assert slugs(speaker="vladimir-putin") == {"kremlin-csto-summit-bishkek-2025-11-27"}
    assert slugs(presidency="russia-2026") == {
        "tass-2026-01-01-lavrov-russia-csto-presidency",
        "news-lavrov-message-russia-2026-csto-presidency",
    }
    assert "lavrov-opening-remarks-cfm-2020-12-01" in slugs(year="2020")
    assert "tass-2026-01-01-lavrov-russia-csto-presidency" not in slugs(year="2020")
    assert slugs(publisher="TASS") == {"tass-2026-01-01-lavrov-russia-csto-presidency"}
    assert slugs(kind="remarks", speaker="vladimir-putin") == set()
    html = text_of(client.get(reverse("document-list"), {"kind": "remarks"}))
    assert "1 document<" in html and "Foreign Minister Sergey Lavrov’s opening remarks" in html


def test_documents_list_rejects_bad_filters_with_a_message(client, seed):
    response = client.get(reverse("document-list"), {"presidency": "atlantis-2099", "page": "x"})
    assert response.status_code == 200
    assert 'class="error"' in text_of(response)


def test_documents_list_pagination(client, seed):
    from tests.factories import DocumentFactory

    DocumentFactory.create_batch(25)
    first = text_of(client.get(reverse("document-list")))
    assert "Page 1 of 3" in first and 'rel="next"' in first
    second = text_of(client.get(reverse("document-list"), {"page": 2}))
    assert "Page 2 of 3" in second


def test_document_page_highlights_every_cited_passage_with_anchors(client, seed):
    from documents.models import Document

    document = Document.objects.get(slug="kremlin-csto-summit-bishkek-2025-11-27")
    html = text_of(client.get(document.get_absolute_url()))
    assert 'id="p-1"' in html and 'href="#p-1"' in html
    for citation in document.citations.all():
        assert f'id="citation-{citation.pk}"' in html
    assert '<mark class="cited"' in html
    assert "Continuity with the Kyrgyz chairmanship (Russia 2026)" in html
    assert '"@type": "CreativeWork"' in html
    assert "Official website of the President of Russia" in html


def test_instrument_page_shows_what_attests_it_and_the_priorities_it_serves(client, seed):
    html = text_of(client.get("/documents/csc-decision-anti-drug-strategy-2026-2030/"))
    assert "The documents that have been signed include the decisions" in html
    assert "Combating drug and arms trafficking, organised crime and illegal migration" in html
    assert '"@type": "Legislation"' in html


def test_document_text_is_escaped_before_highlighting(client, db):
    from tests.factories import CitationFactory, DocumentFactory

    document = DocumentFactory(text="Intro <b>bold</b>.\n\nWe say <script>alert(1)</script> now.")
    CitationFactory(document=document, quote="<script>alert(1)</script>")
    html = text_of(client.get(document.get_absolute_url()))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_officials_pages_show_posts_statements_and_meetings(client, seed):
    html = text_of(client.get(reverse("official-list")))
    assert "Imangali Tasmagambetov" in html and "Secretary General, CSTO (former)" in html
    html = text_of(client.get("/officials/sergey-lavrov/"))
    assert "Minister of Foreign Affairs, Russia" in html
    assert "opening remarks" in html
    assert "Meeting of the CSTO Council of Foreign Ministers, 1 December 2020" in html
    assert '"@type": "Person"' in html


def test_summit_pages_show_place_format_participants_and_documents(client, seed):
    html = text_of(client.get(reverse("summit-list")))
    assert "Videoconference" in html and "Proposed" in html
    html = text_of(client.get("/summits/csc-2025-bishkek/"))
    assert "Yntymak Ordo government residence, Bishkek" in html
    assert "In person; Restricted and expanded formats" in html
    assert "Emomali Rahmon" in html
    assert "Declaration of the CSTO Collective Security Council" in html
    assert "CSTO summit" in html  # the transcript, a source
    data = json.loads(
        re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)[1]
    )
    assert data["@type"] == "Event" and data["startDate"] == "2025-11-27"
    assert len(data["attendee"]) == 6


@pytest.mark.parametrize(
    "url",
    [
        "/presidencies/atlantis-2099/",
        "/themes/nothing/",
        "/documents/nothing/",
        "/officials/nobody/",
        "/summits/never/",
        "/presidencies/atlantis-2099/feed/",
        "/no-such-page/",
    ],
)
def test_unknown_slugs_give_the_custom_404(client, seed, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page not found" in text_of(response)


def test_feeds_are_atom_and_scoped(client, seed):
    response = client.get(reverse("documents-feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "<feed" in text_of(response)
    theme_feed = text_of(client.get("/themes/peacekeeping/feed/"))
    assert "opening remarks" in theme_feed and "TASS" not in theme_feed
    official_feed = text_of(client.get("/officials/vladimir-putin/feed/"))
    assert "CSTO summit" in official_feed and "opening remarks" not in official_feed
    presidency_feed = text_of(client.get("/presidencies/russia-2026/feed/"))
    assert "CSTO summit" in presidency_feed  # cited by its priorities


def test_sitemap_and_robots(client, seed):
    sitemap = text_of(client.get("/sitemap.xml"))
    assert "/presidencies/russia-2026/" in sitemap and "/documents/" in sitemap
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in text_of(robots)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/presidencies/",
        "/presidencies/russia-2026/",
        "/themes/",
        "/themes/peacekeeping/",
        "/documents/",
        "/documents/kremlin-csto-summit-bishkek-2025-11-27/",
        "/officials/",
        "/officials/sergey-lavrov/",
        "/summits/",
        "/summits/csc-2025-bishkek/",
    ],
)
def test_every_page_has_title_description_and_one_h1(client, seed, url):
    html = text_of(client.get(url))
    assert re.search(r"<title>[^<]{5,}</title>", html)
    assert re.search(r'<meta name="description" content="[^"]{20,}">', html)
    assert html.count("<h1") == 1
    assert '<html lang="en">' in html
    assert "https://fonts." not in html and "cdn" not in html.lower()
