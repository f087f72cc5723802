"""HTTP caching of API reads: validators, 304s, Cache-Control, invalidation on any change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from presidencies.models import Theme

pytestmark = pytest.mark.django_db

URL = "/api/v1/presidencies/russia-2026/"


def test_reads_carry_validators_and_public_cache_control(seed, api):
    response = api.get(URL)
    assert response["ETag"].startswith('"')
    assert "Last-Modified" in response
    assert response["Cache-Control"] == "public, max-age=60"
    assert "Accept" in response["Vary"]


def test_conditional_get_is_304_after_one_query(seed, api):
    etag = api.get(URL)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        response = api.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert len(queries) == 1  # the knowledge-base revision


def test_an_edit_changes_the_etag(seed, api):
    etag = api.get(URL)["ETag"]
    theme = Theme.objects.get(slug="peacekeeping")
    theme.description = "Changed."
    theme.save()
    response = api.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_cached_read_is_served_without_querying_the_data(seed, api):
    first = api.get(URL)
    with CaptureQueriesContext(connection) as queries:
        second = api.get(URL)
    assert second.content == first.content
    assert len(queries) == 1


def test_formats_have_their_own_validators(seed, api):
    json_etag = api.get("/api/v1/themes/")["ETag"]
    csv_response = api.get("/api/v1/themes/", {"format": "csv"})
    assert csv_response["ETag"] != json_etag
    assert csv_response["Content-Type"].startswith("text/csv")
    again = api.get("/api/v1/themes/", {"format": "csv"})
    assert again["Content-Type"].startswith("text/csv")


def test_editors_reads_are_private(seed, editor_api):
    response = editor_api.get(URL)
    assert response["Cache-Control"] == "private, no-cache"


def test_incremental_sync_picks_up_only_changes(seed, api):
    listing = api.get("/api/v1/themes/", {"ordering": "updated_at", "page_size": 100}).json()
    assert listing["count"] > 1
    last = timezone.now().isoformat()  # the client's clock when it last synced
    theme = Theme.objects.get(slug="peacekeeping")
    theme.description = "Changed later."
    theme.save()
    changed = api.get("/api/v1/themes/", {"updated_since": last, "ordering": "updated_at"}).json()
    slugs = [t["slug"] for t in changed["results"]]
    assert slugs == ["peacekeeping"]


def test_search_api_answers_conditional_gets(seed, api):
    first = api.get("/api/v1/search/", {"q": "peacekeepers"})
    assert first.status_code == 200
    again = api.get("/api/v1/search/", {"q": "peacekeepers"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    with CaptureQueriesContext(connection) as queries:
        cached = api.get("/api/v1/search/", {"q": "peacekeepers"})
    assert cached.content == first.content
    assert len(queries) == 1


def test_if_modified_since_is_honoured(seed, api):
    last_modified = api.get(URL)["Last-Modified"]
    assert api.get(URL, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert api.get(URL, HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT").status_code == 200


def test_replayed_read_has_the_first_answers_headers(seed, api):
    first = api.get(URL)
    second = api.get(URL)
    assert second.content == first.content
    for header in ("ETag", "Last-Modified", "Cache-Control", "Content-Type"):
        assert second[header] == first[header], header
    assert {"Accept", "Authorization", "Cookie"} <= {v.strip() for v in second["Vary"].split(",")}


def test_replay_keeps_each_representation_apart(seed, api):
    csv = api.get("/api/v1/themes/", HTTP_ACCEPT="text/csv")
    assert csv["Content-Type"].startswith("text/csv")
    as_json = api.get("/api/v1/themes/", HTTP_ACCEPT="application/json")
    assert as_json["Content-Type"] == "application/json"
    assert api.get("/api/v1/themes/", HTTP_ACCEPT="text/csv").content == csv.content
    assert as_json.json()["count"] >= 1


def test_credentials_are_never_answered_from_the_anonymous_copy(seed, api, editor_api):
    api.get(URL)
    api.get(URL)  # replayed from now on
    response = editor_api.get(URL)
    assert response["Cache-Control"] == "private, no-cache"


def test_replayed_reads_still_count_against_the_throttle(seed, api):
    from rest_framework.throttling import AnonRateThrottle

    original = AnonRateThrottle.THROTTLE_RATES
    AnonRateThrottle.THROTTLE_RATES = {"anon": "3/minute"}
    try:
        codes = [api.get(URL).status_code for _ in range(5)]
    finally:
        AnonRateThrottle.THROTTLE_RATES = original
    assert codes == [200, 200, 200, 429, 429]
