"""search.engine.search() on the database in use: matching, ranking, snippets, links, facets."""

import datetime

import pytest

from documents.fulltext import RANK_TEXT_CHARS
from search.engine import InvalidPage, search
from tests.factories import OfficialFactory, PresidencyFactory

from .builders import document, make_priority, priority_with_quote

pytestmark = pytest.mark.django_db


def slugs(results) -> list[str]:
    return [hit.slug for hit in results.hits if hit.type == "document"]


def test_stemming_finds_other_forms_of_a_word():
    document("Training", "The peacekeeping contingents trained together.")
    document("Forces", "Our peacekeepers were deployed.")
    document("Unrelated", "Drug trafficking along the border.")

    assert sorted(hit.title for hit in search("peacekeepers").hits) == ["Forces", "Training"]
    assert sorted(hit.title for hit in search("peacekeeping").hits) == ["Forces", "Training"]


def test_a_quoted_phrase_needs_the_words_together_and_in_order():
    together = document("A", "Threats to information security grow.")
    document("B", "Security of information matters.")
    document("C", "Information about border security.")

    assert slugs(search('"information security"')) == [together.slug]
    assert len(search("information security").hits) == 3


def test_minus_excludes_documents_with_the_word():
    kept = document("Kept", "Counter-terrorism training in the region.")
    document("Dropped", "Counter-terrorism lessons from Syria.")

    assert slugs(search("terrorism -Syria")) == [kept.slug]


def test_or_finds_either_word():
    drugs = document("Drugs", "Drug trafficking routes were cut.")
    arms = document("Arms", "Arms trafficking routes were cut.")
    document("Neither", "Illegal migration routes were cut.")

    assert set(slugs(search("drug OR arms trafficking"))) == {drugs.slug, arms.slug}


def test_a_title_match_ranks_above_a_match_in_the_text_only():
    in_text = document(
        "Statement on the situation", "Among other topics, biosecurity was discussed."
    )
    in_title = document("Biosecurity council", "The council met on Monday.")

    results = search("biosecurity")
    assert slugs(results) == [in_title.slug, in_text.slug]
    assert results.hits[0].rank > results.hits[1].rank


def test_more_mentions_rank_higher_than_one():
    once = document("One", "Biosecurity once. " + "Filler words about other subjects. " * 5)
    often = document("Two", "Biosecurity, biosecurity and again biosecurity in the region.")

    assert slugs(search("biosecurity")) == [often.slug, once.slug]


def test_matched_words_are_highlighted_in_snippet_and_title():
    document("Peacekeeping review", "We trained the Peacekeepers of the region.")

    hit = search("peacekeeper").hits[0]
    assert "<mark>Peacekeepers</mark>" in hit.snippet
    assert hit.title_html == "<mark>Peacekeeping</mark> review"


def test_the_snippet_marks_the_match_in_the_opening_past_it_and_under_a_matching_title():
    # Past the opening that the ranking vector holds (documents/fulltext.py).
    filler = "Delegations met in the capital. " * (RANK_TEXT_CHARS // 20)
    document("Opening", "Biosecurity was the first subject.", filler)
    document("Later", filler, "Then biosecurity came up.")
    document("Biosecurity in the title", filler, "Biosecurity came up late.")

    snippets = {hit.title: hit.snippet for hit in search("biosecurity").hits}
    assert "<mark>Biosecurity</mark> was the first subject" in snippets["Opening"]
    assert "Then <mark>biosecurity</mark>" in snippets["Later"]
    assert "<mark>Biosecurity</mark> came" in snippets["Biosecurity in the title"]


def test_a_snippet_past_the_opening_marks_inflected_words_and_words_written_apart():
    filler = "Delegations met in the capital. " * (RANK_TEXT_CHARS // 20)
    document("Near", filler, "Regional stability was discussed.", filler)
    document("Apart", filler, "Regional talks were held.", filler, "Stability matters.")
    document("Inflected", filler, "Two ceremonies were held.")

    snippets = {hit.title: hit.snippet for hit in search("regional stability").hits}
    assert "<mark>Regional stability</mark> was discussed" in snippets["Near"]
    assert "<mark>" in snippets["Apart"]
    assert "Two <mark>ceremonies</mark>" in search("ceremony").hits[0].snippet


def test_the_text_of_a_document_can_never_inject_markup():
    document(
        'Peacekeeping <img src=x onerror="alert(1)">',
        'Peacekeeping <script>alert("x")</script> & <b onclick="y">bold</b> peacekeeping.',
    )

    hit = search("peacekeeping").hits[0]
    for html in (hit.snippet, hit.title_html):
        without_marks = html.replace("<mark>", "").replace("</mark>", "")
        assert "<" not in without_marks and ">" not in without_marks
    assert "&lt;img" in hit.title_html
    assert "<mark>Peacekeeping</mark>" in hit.snippet


def test_sentinel_characters_in_a_text_cannot_unbalance_the_marks():
    document("Odd", "Peacekeeping \ue000 stray \ue001 sentinels \ue001 peacekeeping.")

    snippet = search("peacekeeping").hits[0].snippet
    assert snippet.count("<mark>") == snippet.count("</mark>") == 2


def test_a_document_result_links_to_the_paragraph_of_the_match():
    doc = document(
        "Statement",
        "Opening words of the statement.",
        "A paragraph on the economy.",
        "We will strengthen biosecurity cooperation.",
    )

    hit = search("biosecurity").hits[0]
    assert hit.url == doc.get_absolute_url() + "#p-3"
    assert hit.paragraph == 3


def test_a_match_in_the_title_only_links_to_the_document_page():
    doc = document("Biosecurity", "Nothing else here.")

    hit = search("biosecurity").hits[0]
    assert hit.url == doc.get_absolute_url()


def test_a_priority_is_found_by_its_title_summary_or_quotes():
    by_title = make_priority(title="Air defence", summary="Skies.")
    by_summary = make_priority(title="Skies", summary="An integrated air defence system.")
    by_quote, _source = priority_with_quote("Modern skies", "We will build up air defence.")

    results = search('"air defence"')
    priorities = [hit.id for hit in results.hits if hit.type == "priority"]
    assert set(priorities) == {by_title.pk, by_summary.pk, by_quote.pk}
    assert priorities[0] == by_title.pk  # the title weighs most
    hit = next(h for h in results.hits if h.id == by_quote.pk and h.type == "priority")
    assert hit.url == by_quote.get_absolute_url()
    assert hit.url.endswith(f"#priority-{by_quote.pk}")
    assert "<mark>air defence</mark>" in hit.snippet.lower()
    assert hit.slug is None and hit.theme == by_quote.theme.name


def test_non_latin_text_is_searched():
    doc = document("Заявление", "Миротворческие силы ОДКБ готовы.")

    assert slugs(search("миротворческие")) == [doc.slug]
    assert search("集体安全").total == 0


def test_results_are_paginated_and_a_page_past_the_end_is_invalid():
    for n in range(25):
        document(f"Biosecurity report {n}", f"Biosecurity matters ({n}).")

    first = search("biosecurity")
    assert (first.total, len(first.hits), first.num_pages, first.has_next) == (25, 20, 2, True)
    second = search("biosecurity", page=2)
    assert len(second.hits) == 5 and not second.has_next
    assert not {h.slug for h in first.hits} & {h.slug for h in second.hits}
    with pytest.raises(InvalidPage):
        search("biosecurity", page=3)


# --- Facets --------------------------------------------------------------------------------


@pytest.fixture
def faceted():
    """Two chairmanships, two kinds, two speakers, two years, and a priority."""
    early = PresidencyFactory(year=2101)
    late = PresidencyFactory(year=2102)
    lavrov = OfficialFactory(name="Sergey Lavrov", slug="sergey-lavrov")
    putin = OfficialFactory(name="Vladimir Putin", slug="vladimir-putin")
    a = document(
        "A",
        "Drug trafficking must stop.",
        kind="statement",
        presidency=early,
        date=datetime.date(2101, 3, 1),
    )
    a.speakers.add(lavrov)
    b = document(
        "B",
        "Drug trafficking routes.",
        kind="speech",
        presidency=late,
        date=datetime.date(2102, 3, 1),
    )
    b.speakers.add(putin)
    c = document("C", "Drug trafficking again.", kind="statement", presidency=late, date=None)
    c.speakers.add(lavrov, putin)
    priority, source = priority_with_quote(
        "Anti-drug work", "Drug trafficking will be fought.", presidency=late
    )
    source.speakers.add(lavrov)
    return {"early": early, "late": late, "a": a, "b": b, "c": c, "priority": priority}


def counts(results, facet: str) -> dict[str, int]:
    return {v.value: v.count for v in results.facets[facet]}


def test_facets_count_the_results_by_kind_chairmanship_year_and_speaker(faceted):
    results = search("drug trafficking")
    # The source statement of the priority matches too (it holds the quote).
    assert results.total == 5
    assert counts(results, "kind") == {"statement": 3, "speech": 1, "priority": 1}
    late, early = faceted["late"].slug, faceted["early"].slug
    assert counts(results, "presidency") == {late: 3, early: 1}
    assert [v.value for v in results.facets["presidency"]] == [late, early]  # newest first
    # An undated document counts under its chairmanship's year.
    assert counts(results, "year") == {"2102": 3, "2101": 1, "2100": 1}
    assert counts(results, "speaker") == {"sergey-lavrov": 4, "vladimir-putin": 2}


def test_filters_narrow_results_and_each_facet_still_shows_its_alternatives(faceted):
    results = search("drug trafficking", presidency=faceted["late"].slug)
    assert {(h.type, h.title) for h in results.hits} == {
        ("document", "B"),
        ("document", "C"),
        ("priority", "Anti-drug work"),
    }
    presidency = {v.value: (v.count, v.selected) for v in results.facets["presidency"]}
    assert presidency == {faceted["late"].slug: (3, True), faceted["early"].slug: (1, False)}
    assert counts(results, "kind") == {"statement": 1, "speech": 1, "priority": 1}


def test_what_did_this_official_say_about_drug_trafficking(faceted):
    results = search("drug trafficking", speaker="sergey-lavrov")
    titles = {h.title for h in results.hits}
    assert {"A", "C", "Anti-drug work"} <= titles and "B" not in titles
    assert all("sergey-lavrov" in dict(h.speakers) for h in results.hits)

    only_priorities = search("drug trafficking", speaker="sergey-lavrov", kind="priority")
    assert [h.title for h in only_priorities.hits] == ["Anti-drug work"]
    assert search("drug trafficking", year=2101, kind="statement").total == 1


def test_a_filter_value_without_results_stays_visible_to_be_removed(faceted):
    results = search("drug trafficking", presidency="atlantis-2999")
    assert results.total == 0
    assert [(v.value, v.count, v.selected) for v in results.facets["presidency"]][-1] == (
        "atlantis-2999",
        0,
        True,
    )


# --- Queries -------------------------------------------------------------------------------


def _populate(n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        official = OfficialFactory()
        doc = document(f"Biosecurity {i}", "Opening.", f"We discussed biosecurity ({i}).")
        doc.speakers.add(official)
        priority, source = priority_with_quote(f"Biosecurity priority {i}", f"Biosecurity {i}.")
        source.speakers.add(official)


def test_a_search_runs_five_queries_however_much_data_matches(django_assert_num_queries):
    # One for the facets and the page, then for each kind of result on the page its
    # objects and its snippets.
    _populate(3)
    with django_assert_num_queries(5):
        small = search("biosecurity")
    _populate(12, start=3)
    with django_assert_num_queries(5):
        large = search("biosecurity")
    assert small.total == 9 and large.total == 45
    assert {h.type for h in large.hits} == {"document", "priority"}


def test_a_search_without_results_runs_one_query(django_assert_num_queries):
    _populate(2)
    with django_assert_num_queries(1):
        assert search("nonexistentword").total == 0
