"""Shortened lists lead to the full, paginated ones: the scopes detail pages link to, and a
scope that names nothing is a 404."""

import datetime
import re

import pytest

from tests.web.pages import text_of

pytestmark = pytest.mark.django_db


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
