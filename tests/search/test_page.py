"""The /search/ page through the test client: results, facets, pages, suggestions, bad input."""

import re

import pytest
from django.db import connection
from django.urls import reverse

from tests.factories import PresidencyFactory, ThemeFactory

from .builders import document, priority_with_quote

pytestmark = pytest.mark.django_db


def get(client, **params):
    return client.get(reverse("search"), params)


def test_the_bare_page_shows_the_form_and_how_to_search(client):
    response = get(client)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="search"' in html and 'name="q"' in html
    assert "OR" in html and 'role="alert"' not in html
    assert response.templates[0].name == "search/search.html"
    assert "base.html" in [t.name for t in response.templates]


def test_results_show_title_kind_date_chairmanship_snippet_and_passage_link(client):
    presidency = PresidencyFactory(year=2103)
    doc = document(
        "Statement on forces",
        "Opening words.",
        "The peacekeepers of the member states trained together.",
        presidency=presidency,
    )
    priority, _source = priority_with_quote(
        "Peacekeeping training", "Peacekeeping training will continue.", presidency=presidency
    )

    response = get(client, q="peacekeeping")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{doc.get_absolute_url()}#p-2"' in html
    assert f'href="{priority.get_absolute_url()}"' in html
    assert "<mark>peacekeepers</mark>" in html
    assert "Statement" in html and "1 June 2100" in html and str(presidency) in html
    assert re.search(r"1–3 of 3 results", html)


def test_a_facet_link_filters_and_the_active_filter_can_be_removed(client):
    early, late = PresidencyFactory(year=2104), PresidencyFactory(year=2105)
    document("Early", "Biosecurity in the early years.", presidency=early)
    document("Late", "Biosecurity in the late years.", presidency=late)

    response = get(client, q="biosecurity")
    facet_link = re.search(
        rf'href="(/search/\?[^"]*presidency={late.slug}[^"]*)"', response.content.decode()
    ).group(1)
    filtered = client.get(facet_link.replace("&amp;", "&"))
    html = filtered.content.decode()
    assert ">Late<" in html and ">Early<" not in html
    assert 'aria-label="Active filters"' in html
    remove = re.search(r'href="([^"]*)" aria-label="Remove filter', html).group(1)
    unfiltered = client.get(remove.replace("&amp;", "&")).content.decode()
    assert ">Late<" in unfiltered and ">Early<" in unfiltered


def test_pages_of_results_link_to_each_other_and_a_page_past_the_end_is_404(client):
    for n in range(23):
        document(f"Biosecurity note {n}", f"Biosecurity, note {n}.")

    first = get(client, q="biosecurity").content.decode()
    assert first.count('class="search-hit ') == 20
    assert 'rel="next" ' in first.replace('rel="next">', 'rel="next" >')
    second = get(client, q="biosecurity", page=2).content.decode()
    assert second.count('class="search-hit ') == 3 and 'rel="prev"' in second
    assert get(client, q="biosecurity", page=3).status_code == 404


def test_no_results_suggests_a_near_spelling_and_the_themes(client):
    document("Peacekeeping", "Peacekeeping forces.")
    theme = ThemeFactory(name="Peacekeeping and crisis response")

    response = get(client, q="peacekeepinq")
    html = response.content.decode()
    assert response.status_code == 200
    assert "No results for" in html
    assert 'href="/search/?q=peacekeeping"' in html
    assert f'href="{theme.get_absolute_url()}"' in html


def test_a_document_text_cannot_inject_markup_into_the_page(client):
    document("Biosecurity", "Biosecurity <script>alert(1)</script> <b>bold</b> text.")

    html = get(client, q="biosecurity").content.decode()
    assert "<script>alert" not in html and "<b>bold" not in html
    assert "<mark>Biosecurity</mark>" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": ""}, "Type a word or a phrase"),
        ({"q": '"" OR - "'}, "no word to look for"),
        ({"q": "-peace"}, "only excludes"),
        ({"q": "the of"}, "very common words"),
        ({"q": "x" * 501}, "too long"),
        ({"q": "peace", "kind": "<script>"}, "Unknown kind"),
        ({"q": "peace", "year": "20x6"}, "four digits"),
        ({"q": "peace", "page": "-1"}, "positive number"),
        ({"q": "peace", "presidency": "Russia 2026!"}, "Not a valid chairmanship"),
    ],
)
def test_bad_input_gets_a_clear_message_and_a_400(client, params, message):
    response = get(client, **params)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert message in html
    assert "<script>" not in html


@pytest.mark.parametrize(
    "q",
    [
        "миротворческие силы",
        "集体安全 OR 和平",
        "title:x NEAR(a b) peace* ^x",
        "'; DROP TABLE documents_document; --",
        "peace\x00keeping",
        "🕊️",
        '"""',
        "a" * 500,
    ],
)
def test_odd_input_never_breaks_the_page(client, q):
    document("Peace", "Peace and stability.")
    response = get(client, q=q)
    assert response.status_code in (200, 400)


def _queries(django_assert_max_num_queries, client, **params) -> tuple[int, int]:
    """Queries run for the page, and the number of kinds of results (0-2) on it."""
    with django_assert_max_num_queries(50) as captured:
        response = get(client, **params)
    assert response.status_code == 200
    results = response.context.get("results")
    kinds = len({hit.type for hit in results.hits}) if results else 0
    return len(captured), kinds


def test_the_page_runs_a_fixed_number_of_queries_whatever_the_data(
    client, django_assert_max_num_queries
):
    def populate(start: int, n: int) -> None:
        for i in range(start, start + n):
            document(f"Biosecurity {i}", f"Biosecurity paragraph {i}.")
            priority_with_quote(f"Biosecurity priority {i}", f"Biosecurity quote {i}.")

    bare, _ = _queries(django_assert_max_num_queries, client)
    populate(0, 3)
    small, small_kinds = _queries(django_assert_max_num_queries, client, q="biosecurity")
    populate(3, 30)
    large, large_kinds = _queries(django_assert_max_num_queries, client, q="biosecurity")
    # One query finds the matches, their facets and the page; each kind of result on the
    # page costs two more (its objects and its snippets).
    assert small == bare + 1 + 2 * small_kinds
    assert large == bare + 1 + 2 * large_kinds
    assert small_kinds == 2 and large <= bare + 5


def test_a_page_without_results_builds_its_suggestions_once_per_data_version(
    client, django_assert_max_num_queries
):
    document("Peacekeeping", "Peacekeeping forces.")
    bare, _ = _queries(django_assert_max_num_queries, client)
    first, _ = _queries(django_assert_max_num_queries, client, q="peacekeepinq")
    again, _ = _queries(django_assert_max_num_queries, client, q="peacekeepinq")
    # One query for the search (no page to rank), one for the knowledge base's revision.
    if connection.vendor == "postgresql":
        # The themes (one query) are cached per revision; the unknown word is looked up
        # in the trigram index each time (one query).
        assert first == bare + 1 + 1 + 1 + 1
        assert again == bare + 1 + 1 + 1
    else:
        # The vocabulary (documents, themes, priorities: three queries) is cached per revision.
        assert first == bare + 1 + 1 + 3
        assert again == bare + 1 + 1
