"""Every API endpoint issues a fixed number of SQL queries, whatever the size of the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from presidencies.models import Priority
from tests.web.test_query_counts import multiply_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("render_every_time")]

BOUND = 12

ENDPOINTS = [
    "/api/v1/member-states/",
    "/api/v1/presidencies/",
    "/api/v1/presidencies/?chair=russia&ordering=-year",
    "/api/v1/presidencies/russia-2026/",
    "/api/v1/themes/",
    "/api/v1/themes/peacekeeping/",
    "/api/v1/priorities/",
    "/api/v1/priorities/?presidency=russia-2026&theme=peacekeeping",
    "/api/v1/officials/",
    "/api/v1/officials/sergey-lavrov/",
    "/api/v1/summits/",
    "/api/v1/summits/csc-2025-bishkek/",
    "/api/v1/documents/",
    "/api/v1/documents/?speaker=sergey-lavrov&date_after=2020-01-01",
    "/api/v1/documents/kremlin-csto-summit-bishkek-2025-11-27/",
    "/api/v1/citations/",
    "/api/v1/documents/?format=csv",
]


def count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(queries)


@pytest.mark.parametrize("url", ENDPOINTS)
def test_query_count_does_not_grow_with_the_data(api, seed, url):
    api.get(url)  # warm per-process caches (content types)
    small = count(api, url)
    multiply_data(12)
    api.get(url)  # the new revision's per-revision entries (a list's total)
    large = count(api, url)
    assert large == small, f"{url}: {small} queries with the seed, {large} with more data"
    assert small <= BOUND


def test_priority_detail_query_count(api, seed, django_assert_num_queries):
    priority = Priority.objects.filter(citations__isnull=False).first()
    api.get(f"/api/v1/priorities/{priority.pk}/")
    # revision, the priority with presidency and theme, citations, instruments
    with django_assert_num_queries(4):
        assert api.get(f"/api/v1/priorities/{priority.pk}/").status_code == 200


def test_presidency_detail_query_count(api, seed, django_assert_num_queries):
    api.get("/api/v1/presidencies/russia-2026/")
    # revision, the chairmanship (chair, neighbours, count), priorities with themes,
    # their citations, their instruments, meetings, the chairmanship's own citations
    with django_assert_num_queries(7):
        api.get("/api/v1/presidencies/russia-2026/")
