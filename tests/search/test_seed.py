"""Done-when: the seed data searched for "Channel", "biological", "peacekeepers" and
"information security" gives the right documents and priorities, best first, highlighted.

The expected sets are read off the source texts (which statements say the word, which
priorities are about it); the order asserted is what the weighting promises: priorities
and documents with the words in their title come before those that only mention them.
"""

import re

import pytest
from django.urls import reverse

from documents.models import Document
from presidencies.models import Priority
from search.engine import search

pytestmark = pytest.mark.django_db

CASES = {
    "Channel": {
        "title_priorities": {"Anti-drug cooperation and the regional operation Channel"},
        "documents": {
            "press-release-russia-csto-chairmanship-2020",
            "kremlin-csto-summit-bishkek-2025-11-27",
        },
        "stem": "channel",
    },
    "biological": {
        "title_priorities": {
            "Battlefield medicine and biological security",
            "Defence against biological threats",
        },
        "documents": {
            "tass-2026-01-01-lavrov-russia-csto-presidency",
            "news-lavrov-message-russia-2026-csto-presidency",
            "lavrov-opening-remarks-cfm-2020-12-01",
        },
        "stem": "biological",
    },
    "peacekeepers": {
        "title_priorities": {
            "Expanding the CSTO’s peacekeeping potential",
            "Mechanisms for deploying peacekeeping forces",
        },
        "documents": {
            "lavrov-opening-remarks-cfm-2020-12-01",
            "press-release-russia-csto-chairmanship-2020",
            "kremlin-csto-summit-bishkek-2025-11-27",
        },
        "stem": "peacekeep",
    },
    '"information security"': {
        "title_priorities": {
            "Joint response to information security threats",
            "Information security and the shared information space",
        },
        "documents": {
            "press-release-russia-csto-chairmanship-2020",
            "tass-2026-01-01-lavrov-russia-csto-presidency",
            "news-lavrov-message-russia-2026-csto-presidency",
            "kremlin-csto-summit-bishkek-2025-11-27",
        },
        "stem": "information security",
    },
}


def texts_saying(stem: str) -> set[str]:
    """Slugs of the seed documents whose text contains the word (stem) or phrase."""
    pattern = re.compile(rf"\b{stem}", re.IGNORECASE)
    return {d.slug for d in Document.objects.all() if pattern.search(d.text)}


@pytest.mark.parametrize("query", list(CASES))
def test_seed_search_returns_the_right_documents_and_priorities_best_first(seed, query):
    case = CASES[query]
    results = search(query)
    hits = results.hits

    documents = {h.slug for h in hits if h.type == "document"}
    assert documents == case["documents"]
    if query != "Channel":  # "Channel" also matches "channels" of financing (stemming)
        assert documents == texts_saying(case["stem"])
    priorities = {h.title for h in hits if h.type == "priority"}
    assert case["title_priorities"] <= priorities

    # Best first: ranks never increase, and the priorities named for the subject lead.
    ranks = [h.rank for h in hits]
    assert ranks == sorted(ranks, reverse=True)
    leaders = {h.title for h in hits[: len(case["title_priorities"])]}
    assert leaders == case["title_priorities"]
    for hit in hits[: len(case["title_priorities"])]:
        assert "<mark>" in hit.title_html


@pytest.mark.parametrize("query", list(CASES))
def test_seed_hits_are_highlighted_and_link_to_the_passage(seed, query):
    stem = CASES[query]["stem"]
    for hit in search(query).hits:
        marked = re.findall(r"<mark>(.*?)</mark>", hit.snippet + hit.title_html)
        assert marked, hit.title
        assert any(m.lower().startswith(stem.split()[0]) for m in marked), (hit.title, marked)
        if hit.type == "document":
            document = Document.objects.get(slug=hit.slug)
            number = int(hit.url.rsplit("#p-", 1)[1])
            paragraph = document.paragraphs()[number - 1]
            assert re.search(rf"\b{stem}", paragraph, re.IGNORECASE), (hit.url, paragraph)
        else:
            assert hit.url == Priority.objects.get(pk=hit.id).get_absolute_url()


def test_seed_phrase_is_highlighted_as_a_phrase(seed):
    for hit in search('"information security"').hits:
        assert re.search(r"<mark>information security</mark>", hit.snippet, re.IGNORECASE)


def test_seed_what_did_lavrov_say_about_drug_trafficking(seed, client):
    body = client.get(
        "/api/v1/search/", {"q": "drug trafficking", "speaker": "sergey-lavrov"}
    ).json()
    assert body["count"] > 0
    for hit in body["results"]:
        assert "sergey-lavrov" in {s["slug"] for s in hit["speakers"]}
    slugs = {h["slug"] for h in body["results"] if h["type"] == "document"}
    assert "tass-2026-01-01-lavrov-russia-csto-presidency" in slugs
    assert "kremlin-csto-summit-bishkek-2025-11-27" not in slugs  # Putin's speech


def test_seed_search_page_shows_channel_results_with_facets(seed, client):
    response = client.get(reverse("search"), {"q": "Channel"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Anti-drug cooperation and the regional operation <mark>Channel</mark>" in html
    assert "<mark>Channel</mark>" in html
    for facet in ("Kind", "Chairmanship", "Year", "Speaker"):
        assert f"<h2>{facet}</h2>" in html
    assert "Russia 2020" in html and "Vladimir Putin" in html
