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


# --- Newest first, undated last (on PostgreSQL a plain "-date" puts NULL first) ----------

NEWEST_DATED = "tass-2026-01-01-lavrov-russia-csto-presidency"  # 1 January 2026


def newest_first_sql(queries, table: str) -> list[str]:
    """ORDER BY clauses of the captured queries that read `table`."""
    return [
        q["sql"].rsplit("ORDER BY", 1)[1]
        for q in queries.captured_queries
        if f'FROM "{table}"' in q["sql"] and "ORDER BY" in q["sql"]
    ]


def assert_undated_last(queries, table: str, column: str = "date") -> None:
    # SQLite sorts NULL as the smallest value, so "-date" happens to put it last there; the
    # SQL must say NULLS LAST so PostgreSQL (NULL the largest) does the same.
    orders = [o for o in newest_first_sql(queries, table) if f'"{column}" DESC' in o]
    assert orders, f"no newest-first query on {table}"
    assert all(f'"{column}" DESC NULLS LAST' in o for o in orders), orders


def test_documents_list_starts_with_the_newest_dated_document(client, seed):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from documents.models import Document

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("document-list"))
    documents = list(response.context["documents"])
    assert documents[0].slug == NEWEST_DATED
    dated = [d.date for d in documents if d.date]
    assert dated == sorted(dated, reverse=True)
    undated = [i for i, d in enumerate(documents) if d.date is None]
    assert undated and min(undated) > max(i for i, d in enumerate(documents) if d.date)
    html = text_of(response)
    first_row = re.search(r'<li class="doc-row">\s*<a href="([^"]+)"', html)[1]
    assert first_row == Document.objects.get(slug=NEWEST_DATED).get_absolute_url()
    assert_undated_last(queries, "documents_document")


def feed_entries(client, url: str) -> list[str]:
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    root = ET.fromstring(client.get(url).content)  # noqa: S314 - our own feed, in a test
    return [e.find(f"{atom}link").get("href") for e in root.iter(f"{atom}entry")]


@pytest.mark.parametrize(
    "url",
    ["/feeds/documents/", "/presidencies/russia-2026/feed/", "/officials/sergey-lavrov/feed/"],
)
def test_feeds_start_with_the_newest_dated_document(client, seed, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        entries = feed_entries(client, url)
    assert entries[0].endswith(f"/documents/{NEWEST_DATED}/")
    assert_undated_last(queries, "documents_document")


def test_feed_entries_are_newest_first_with_the_undated_last(client, seed):
    from documents.models import Document

    entries = feed_entries(client, "/feeds/documents/")
    by_url = {d.get_absolute_url(): d for d in Document.objects.all()}
    dates = [by_url[e.split("testserver", 1)[1]].date for e in entries]
    dated = [d for d in dates if d]
    assert dates[: len(dated)] == sorted(dated, reverse=True)
    assert all(d is None for d in dates[len(dated) :])


def test_chairmanship_page_lists_its_newest_dated_document_first(client, seed):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        html = text_of(client.get("/presidencies/russia-2026/"))
    documents = re.search(r'<section aria-labelledby="documents">(.*?)</section>', html, re.S)[1]
    slugs = re.findall(r'<li class="doc-row">\s*<a href="/documents/([^/]+)/"', documents)
    assert slugs == [NEWEST_DATED, "news-lavrov-message-russia-2026-csto-presidency"]
    assert_undated_last(queries, "documents_document")


def test_meetings_list_starts_with_the_newest_dated_meeting(client, seed):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("summit-list"))
    summits = list(response.context["summits"])
    assert summits[0].slug == "csc-2026-moscow"
    assert [s.date for s in summits[-2:]] == [None, None]
    assert_undated_last(queries, "presidencies_summit")


# --- Shortened lists lead to the full, paginated ones -----------------------------------


def test_quotes_of_a_much_quoted_priority_are_bounded_and_all_one_link_away(client, seed):
    from django.db.models import F

    from documents.models import Citation
    from presidencies.models import Priority
    from tests.factories import CitationFactory, DocumentFactory
    from web import selectors

    priority = Priority.objects.get(title="Information security and the shared information space")
    first = (
        priority.citations.exclude(role="progress")
        .order_by(F("document__date").asc(nulls_last=True), "pk")
        .first()
    )
    for n in range(25):
        role = Citation.Role.PROGRESS if n % 5 == 0 else Citation.Role.STATES
        document = DocumentFactory(date=datetime.date(2026, 2, 1) + datetime.timedelta(days=n))
        CitationFactory(document=document, priority=priority, role=role)
    latest_progress = priority.citations.filter(role="progress").order_by("-document__date")[0]
    total = priority.citations.count()

    html = text_of(client.get("/presidencies/russia-2026/"))
    text = re.search(rf'id="priority-{priority.pk}">(.*?)</article>', html, re.S)[1]
    assert text.count("<blockquote") == (
        selectors.QUOTES_STATING_PRIORITY + selectors.QUOTES_OF_PROGRESS
    )
    # Where it was set out, and the latest news of its progress.
    assert f'#citation-{first.pk}"' in text and f'#citation-{latest_progress.pk}"' in text
    # In a stable order: by the document's date, then the quote's own id (several quotes
    # often come from one document).
    stating = (
        priority.citations.exclude(role="progress")
        .order_by(F("document__date").asc(nulls_last=True), "pk")
        .values_list("pk", flat=True)[: selectors.QUOTES_STATING_PRIORITY]
    )
    shown = [int(pk) for pk in re.findall(r'href="/documents/[^"#]+#citation-(\d+)"', text)]
    assert shown[: selectors.QUOTES_STATING_PRIORITY] == list(stating)
    assert f'href="/quotes/?priority={priority.pk}">See all {total} quotes on this priority' in text

    page = client.get("/quotes/", {"priority": priority.pk})
    assert page.status_code == 200
    assert page.context["page_obj"].paginator.count == total
    assert len(page.context["quotes"]) == 20
    assert "Information security and the shared information space" in text_of(page)
    second = client.get("/quotes/", {"priority": priority.pk, "page": 2})
    assert len(second.context["quotes"]) == total - 20


def test_documents_and_meetings_lists_take_the_scopes_detail_pages_link_to(client, seed):
    def slugs(url, **params):
        response = client.get(url, params)
        assert response.status_code == 200
        key = "documents" if "documents" in url else "summits"
        return {o.slug for o in response.context[key]}

    assert slugs("/documents/", summit="csc-2025-bishkek") >= {
        "kremlin-csto-summit-bishkek-2025-11-27",
        "csc-declaration-2025-bishkek",
    }
    assert "tass-2026-01-01-lavrov-russia-csto-presidency" not in slugs(
        "/documents/", summit="csc-2025-bishkek"
    )
    from presidencies.models import Priority

    drugs = Priority.objects.get(title__startswith="Combating drug and arms trafficking")
    assert "csc-decision-anti-drug-strategy-2026-2030" in slugs("/documents/", implements=drugs.pk)
    assert slugs("/summits/", presidency="russia-2026") == {
        "csc-2026-moscow",
        "expert-forum-eurasian-security-2026",
    }
    assert "cfm-2020-12-01" in slugs("/summits/", participant="sergey-lavrov")
    html = text_of(client.get("/summits/", {"participant": "sergey-lavrov"}))
    assert 'Attended by: <a href="/officials/sergey-lavrov/">Sergey Lavrov</a>' in html
    # The scope survives a change of the visible filters.
    html = text_of(client.get("/documents/", {"summit": "csc-2025-bishkek"}))
    assert '<input type="hidden" name="summit" value="csc-2025-bishkek"' in html


@pytest.mark.parametrize(
    "url",
    [
        "/documents/?summit=never",
        "/documents/?implements=999999",
        "/summits/?presidency=atlantis-2099",
        "/summits/?participant=nobody",
        "/quotes/?priority=999999",
        "/quotes/?priority=x",
        "/quotes/?position=999999",
    ],
)
def test_a_scope_that_names_nothing_is_a_404(client, seed, url):
    assert client.get(url).status_code == 404


# --- JSON-LD on every detail page ---------------------------------------------------------


def jsonld_of(response) -> dict:
    scripts = re.findall(
        r'<script type="application/ld\+json"[^>]*>(.*?)</script>', text_of(response), re.S
    )
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_jsonld_home_is_the_organisation(client, seed):
    data = jsonld_of(client.get("/"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization" and data["alternateName"] == "CSTO"


def test_jsonld_chairmanship_is_the_chair_in_its_role(client, seed):
    data = jsonld_of(client.get("/presidencies/russia-2026/"))
    assert data["@type"] == "Organization" and data["alternateName"] == "CSTO"
    role = data["member"]
    assert role["@type"] == "OrganizationRole" and role["roleName"] == "Chair"
    assert role["member"] == {"@type": "Country", "name": "Russia"}
    assert role["startDate"] == "2026-01-01" and "endDate" not in role
    assert role["url"] == "http://testserver/presidencies/russia-2026/"
    assert role["description"] == MOTTO
    ended = jsonld_of(client.get("/presidencies/kyrgyzstan-2025/"))["member"]
    assert ended["endDate"] == "2025-12-31" and "startDate" not in ended


def test_jsonld_theme_is_a_collection_about_a_defined_term(client, seed):
    from presidencies.models import Theme

    theme = Theme.objects.get(slug="peacekeeping")
    data = jsonld_of(client.get("/themes/peacekeeping/"))
    assert data["@type"] == "CollectionPage"
    assert data["url"] == "http://testserver/themes/peacekeeping/"
    assert data["about"]["@type"] == "DefinedTerm" and data["about"]["name"] == "Peacekeeping"
    assert data["about"]["inDefinedTermSet"]["@type"] == "DefinedTermSet"
    items = data["mainEntity"]["itemListElement"]
    assert data["mainEntity"]["numberOfItems"] == len(items) == theme.priorities.count()
    assert all("/presidencies/" in i["url"] and "#priority-" in i["url"] for i in items)


def test_jsonld_documents_are_creative_works(client, seed):
    data = jsonld_of(client.get("/documents/kremlin-csto-summit-bishkek-2025-11-27/"))
    assert data["@type"] == "CreativeWork" and data["datePublished"] == "2025-11-27"
    assert {"@type": "Person", "name": "Vladimir Putin"} in data["author"]
    data = jsonld_of(client.get("/documents/csc-decision-anti-drug-strategy-2026-2030/"))
    assert data["@type"] == "Legislation" and "datePublished" not in data


def test_jsonld_official_is_a_person(client, seed):
    data = jsonld_of(client.get("/officials/sergey-lavrov/"))
    assert data["@type"] == "Person" and data["name"] == "Sergey Lavrov"
    assert "Minister of Foreign Affairs, Russia" in data["jobTitle"]


@pytest.mark.parametrize(
    ("today", "slug", "status", "start", "description"),
    [
        # Held: it took place as scheduled, which is what EventScheduled says.
        ("2026-06-01", "csc-2025-bishkek", "EventScheduled", "2025-11-27", "Held on 27 November"),
        # Planned for a date ahead: scheduled.
        ("2026-06-01", "csc-2026-moscow", "EventScheduled", "2026-11-11", "Planned for 11"),
        # Planned, the date passed, no report: nothing the data can vouch for.
        ("2026-12-01", "csc-2026-moscow", None, "2026-11-11", "no report of it"),
        # Proposed, no date: neither status nor startDate.
        ("2026-06-01", "expert-forum-eurasian-security-2026", None, None, "Proposed"),
        # Held, date not given: no startDate.
        ("2026-06-01", "defence-ministers-2020", "EventScheduled", None, "do not give the date"),
    ],
)
def test_jsonld_meeting_status_follows_schema_org(
    client, seed, monkeypatch, today, slug, status, start, description
):
    day = datetime.date.fromisoformat(today)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: day)
    data = jsonld_of(client.get(f"/summits/{slug}/"))
    assert data["@type"] == "Event"
    assert data.get("eventStatus") == (status and f"https://schema.org/{status}")
    assert data.get("startDate") == start
    assert description in data["description"]


# --- Home page meetings, on a fixed date and on today's ------------------------------------


def home_lists(client) -> dict[str, str]:
    html = text_of(client.get("/"))
    lists = dict(re.findall(r'<ul class="plain" id="meetings-(\w+)"[^>]*>(.*?)</ul>', html, re.S))
    return {k: re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", v)) for k, v in lists.items()}


def test_home_meetings_after_a_planned_session_date_passed(client, seed, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: datetime.date(2026, 12, 1))
    lists = home_lists(client)
    assert "No meeting with a date ahead is recorded." in lists["next"]
    # Held meetings only: the Moscow session is still "planned" in the data.
    assert "Bishkek, 27 November 2025" in lists["recent"]
    assert "11 November 2026" not in lists["recent"]
    assert "2 December 2020" not in lists["recent"]
    moscow = "Moscow, 11 November 2026 Planned for 11 November 2026 (no report of it yet)"
    assert moscow in lists["unreported"]
    assert "International expert forum" in lists["undated"] and "Proposed" in lists["undated"]


def test_home_meetings_on_todays_date(client, seed):
    """No monkeypatched date: the lists follow the real calendar."""
    from django.utils import timezone

    from presidencies.models import Summit
    from tests.factories import SummitFactory

    today = timezone.localdate()
    days = datetime.timedelta
    SummitFactory(title="Held last week", date=today - days(7))
    SummitFactory(title="Planned yesterday", date=today - days(1), status=Summit.Status.PLANNED)
    SummitFactory(title="Planned next month", date=today + days(30), status="planned")
    SummitFactory(title="Held today", date=today)
    SummitFactory(title="Proposed someday", date=None, status=Summit.Status.PROPOSED)
    lists = home_lists(client)
    assert "Held today" in lists["next"] and "Planned next month" in lists["next"]
    assert lists["next"].index("Held today") < lists["next"].index("Planned next month")
    assert "Held last week" in lists["recent"]
    assert "Planned yesterday" not in lists["recent"]
    yesterday = f"{today - days(1):%-d %B %Y}"
    assert f"Planned yesterday Planned for {yesterday} (no report of it yet)" in lists["unreported"]
    assert "Proposed someday" in lists["undated"]
    for name, text in lists.items():
        others = [t for n, t in lists.items() if n != name]
        for title in ("Held last week", "Planned yesterday", "Planned next month"):
            assert not (title in text and any(title in o for o in others)), title


def test_meeting_page_says_when_a_planned_session_has_no_report(client, seed, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: datetime.date(2026, 12, 1))
    html = text_of(client.get("/summits/csc-2026-moscow/"))
    assert "for 11 November 2026; no report of it has been recorded yet" in html
    html = text_of(client.get("/summits/"))
    assert "no report of it yet" in html


# --- robots.txt and breadcrumbs --------------------------------------------------------------


def test_robots_never_publishes_a_moved_admin_address(client, seed, settings):
    assert "Disallow: /admin/\n" in text_of(client.get("/robots.txt"))
    settings.ADMIN_URL = "editors-desk/"
    robots = text_of(client.get("/robots.txt"))
    assert "editors-desk" not in robots
    assert "/admin/" not in robots
    assert "Disallow: /search/" in robots


@pytest.mark.parametrize("url", ["/search/", "/search/?q=peacekeepers"])
def test_search_page_has_breadcrumbs(client, seed, url):
    html = text_of(client.get(url))
    crumbs = re.search(r'<nav class="breadcrumbs wrap" aria-label="Breadcrumb">(.*?)</nav>', html)
    assert crumbs, "no breadcrumbs"
    assert '<a href="/">Home</a>' in crumbs[1]
    assert 'aria-current="page"' in crumbs[1]


def test_officials_list_is_paginated(client, seed):
    from tests.factories import OfficialFactory

    OfficialFactory.create_batch(60)
    first = text_of(client.get("/officials/"))
    assert first.count('<h2><a href="/officials/') == 50
    assert 'rel="next" href="?page=2"' in first
    second = text_of(client.get("/officials/?page=2"))
    assert 0 < second.count('<h2><a href="/officials/') <= 50


def test_every_page_names_its_icon_and_favicon_ico_leads_to_it(seed, client):
    home = client.get("/").content.decode()
    assert 'rel="icon"' in home
    icon = client.get("/favicon.ico")
    assert icon.status_code == 301
    assert icon["Location"].startswith("/static/img/favicon.")
    assert icon["Location"] in home
    served = client.get(icon["Location"])
    assert served.status_code == 200
    assert b"<svg" in b"".join(served.streaming_content)
