"""The shared cache (Redis) behind a local copy per worker, request coalescing, Redis down."""

import logging
import threading
import time

import pytest
from django.core.cache import caches
from django.http import HttpResponse

from cstokb.cache import revision_cache
from deploy.local import free_port
from presidencies.models import Theme
from tests.factories import ThemeFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.urls")]


@pytest.fixture
def redis_caches(settings, redis_url):
    """The production cache settings against a throwaway Redis, emptied around each test."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        },
        "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"},
    }
    caches["default"].clear()
    caches["local"].clear()
    yield caches["default"], caches["local"]
    caches["default"].clear()
    caches["local"].clear()


def test_a_page_rendered_by_one_worker_is_served_by_the_others(
    client, redis_caches, django_assert_num_queries
):
    _shared, local = redis_caches
    ThemeFactory.create_batch(2)
    first = client.get("/test-page/")
    local.clear()  # another worker: nothing in its own memory
    with django_assert_num_queries(1):  # the knowledge-base revision; no view
        again = client.get("/test-page/")
    assert again.content == first.content == b"<p>2 themes</p>"
    assert again["ETag"] == first["ETag"]


def test_a_worker_keeps_its_copy_without_asking_redis_again(
    client, redis_caches, django_assert_num_queries
):
    shared, _local = redis_caches
    ThemeFactory.create_batch(2)
    first = client.get("/test-page/")
    shared.clear()  # only this worker's copy is left
    with django_assert_num_queries(1):  # the knowledge-base revision; no view
        assert client.get("/test-page/").content == first.content


def test_an_edit_reaches_every_worker(client, redis_caches):
    _shared, local = redis_caches
    ThemeFactory()
    assert client.get("/test-page/").content == b"<p>1 themes</p>"
    ThemeFactory()  # bumps the revision: new keys everywhere
    assert client.get("/test-page/").content == b"<p>2 themes</p>"
    local.clear()
    assert client.get("/test-page/").content == b"<p>2 themes</p>"


def test_a_miss_being_computed_elsewhere_is_waited_for(redis_caches):
    shared, _local = redis_caches
    assert revision_cache.claim("page:1:abc") == (None, True)

    def other_worker_finishes():
        time.sleep(0.2)
        shared.set("page:1:abc", "rendered elsewhere", 60)
        revision_cache.release("page:1:abc")

    thread = threading.Thread(target=other_worker_finishes)
    thread.start()
    started = time.monotonic()
    value, claimed = revision_cache.claim("page:1:abc")
    thread.join()
    assert (value, claimed) == ("rendered elsewhere", False)
    assert time.monotonic() - started < 2


def test_a_claim_released_without_a_page_stops_the_wait(redis_caches):
    revision_cache.claim("page:1:error")

    def other_worker_gives_up():
        time.sleep(0.1)
        revision_cache.release("page:1:error")  # e.g. it rendered a 404: nothing stored

    thread = threading.Thread(target=other_worker_gives_up)
    thread.start()
    started = time.monotonic()
    assert revision_cache.claim("page:1:error") == (None, False)
    thread.join()
    assert time.monotonic() - started < 2
    # Free again: the next miss claims it.
    assert revision_cache.claim("page:1:error") == (None, True)


def test_api_reads_go_through_the_shared_cache(seed, redis_caches):
    from rest_framework.test import APIClient

    _shared, local = redis_caches
    api = APIClient()
    first = api.get("/api/v1/presidencies/russia-2026/")
    local.clear()
    again = api.get("/api/v1/presidencies/russia-2026/")
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]


def test_with_redis_down_pages_and_the_api_are_still_served(settings, seed, client):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # nobody listens there
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
        },
        "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "d"},
    }
    ThemeFactory()
    page = client.get("/test-page/")
    assert page.status_code == 200
    assert page.content == b"<p>%d themes</p>" % Theme.objects.count()
    assert client.get("/api/v1/themes/").status_code == 200
    assert client.get("/api/v1/themes/").status_code == 200  # the throttle lets it through


def test_revision_cache_is_one_level_without_redis(settings):
    assert "local" not in settings.CACHES
    revision_cache.set("k:1", HttpResponse("x"), 60)
    assert revision_cache.get("k:1").content == b"x"


def test_a_cache_outage_is_logged_once_per_interval_with_a_count(
    settings, seed, client, caplog, monkeypatch
):
    from cstokb.logfilters import OncePerInterval

    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # nobody listens there
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
        },
        "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "o"},
    }
    redis_logger = logging.getLogger("django_redis.cache")
    (configured,) = redis_logger.filters  # what LOGGING installs
    assert isinstance(configured, OncePerInterval) and configured.seconds == 60
    once = OncePerInterval(seconds=60)  # a fresh interval, whatever earlier tests logged
    monkeypatch.setattr(redis_logger, "filters", [once])
    with caplog.at_level(logging.WARNING):
        for url in ["/api/v1/themes/", "/api/v1/presidencies/", "/api/v1/documents/"]:
            assert client.get(url).status_code == 200
        reports = [r for r in caplog.records if r.name == "django_redis.cache"]
        assert len(reports) == 1
        assert reports[0].getMessage().startswith("Cache unavailable, serving uncached")
        assert once._suppressed > 0
        once._last -= 60  # the interval has passed
        assert caches["default"].get("anything") is None
        reports = [r for r in caplog.records if r.name == "django_redis.cache"]
    assert len(reports) == 2
    assert "more since the last report" in reports[1].getMessage()
