"""The anonymous throttle: a counter per client and window, shared by every worker."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django_redis.cache import RedisCache
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory
from rest_framework.throttling import AnonRateThrottle

from api.throttling import AnonWindowThrottle


def anonymous_request(ip: str = "203.0.113.7") -> Request:
    request = Request(APIRequestFactory().get("/api/v1/themes/", REMOTE_ADDR=ip))
    request.user = AnonymousUser()
    return request


def throttle(rate: str) -> AnonWindowThrottle:
    """The throttle of one request, at the given rate."""
    AnonWindowThrottle.THROTTLE_RATES = {"anon": rate}
    try:
        return AnonWindowThrottle()
    finally:
        del AnonWindowThrottle.THROTTLE_RATES


@pytest.fixture
def redis_caches(settings, redis_url):
    """Two workers' clients of one Redis (the first is the default cache), emptied around."""
    settings.CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": redis_url}
    }
    workers = [caches["default"], RedisCache(redis_url, {})]
    workers[0].clear()
    yield workers
    workers[0].clear()


@pytest.fixture
def clock(monkeypatch):
    """The limiter's clock, set by the test."""
    now = [1_000_000.0]
    monkeypatch.setattr("django_ratelimit.core.time.time", lambda: now[0])
    return now


def test_workers_share_one_count(redis_caches, clock, monkeypatch):
    answers = []
    for n in range(6):
        # Each request counted through another worker's connection to the same Redis.
        monkeypatch.setattr("django_ratelimit.core.caches", {"default": redis_caches[n % 2]})
        answers.append(throttle("4/minute").allow_request(anonymous_request(), None))
    assert answers == [True, True, True, True, False, False]
    # Another client has its own count.
    assert throttle("4/minute").allow_request(anonymous_request("198.51.100.1"), None)


def test_the_next_window_starts_afresh_and_wait_says_when(redis_caches, clock):
    first = throttle("1/minute")
    assert first.allow_request(anonymous_request(), None)
    left = first.wait()
    assert 0 < left <= 60
    clock[0] += left - 1  # still in the same window
    second = throttle("1/minute")
    assert not second.allow_request(anonymous_request(), None)
    assert second.wait() == 1
    clock[0] += 2  # the window's last second ends
    assert throttle("1/minute").allow_request(anonymous_request(), None)


def test_counters_expire_with_their_window(redis_caches, redis_url):
    import redis

    throttle("5/minute").allow_request(anonymous_request(), None)
    client = redis.Redis.from_url(redis_url)
    keys = client.keys("*throttle:*")
    assert len(keys) == 1
    assert 0 < client.ttl(keys[0]) <= 65  # the window and django-ratelimit's few seconds


def test_with_the_counters_unreachable_requests_are_let_through(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nobody answers
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
        }
    }
    assert all(throttle("1/minute").allow_request(anonymous_request(), None) for _ in range(3))


def test_429_carries_retry_after(seed, api):
    original = AnonRateThrottle.THROTTLE_RATES
    AnonRateThrottle.THROTTLE_RATES = {"anon": "2/minute"}
    try:
        codes = [api.get("/api/v1/themes/", {"n": n}) for n in range(3)]
    finally:
        AnonRateThrottle.THROTTLE_RATES = original
    assert [r.status_code for r in codes] == [200, 200, 429]
    assert 1 <= int(codes[2]["Retry-After"]) <= 60
    assert "throttled" in codes[2].json()["detail"].lower()


def test_the_api_counts_each_client_once_per_request(seed, api):
    from django_ratelimit.core import get_usage

    from api.throttling import GROUP

    for n in range(6):
        assert api.get("/api/v1/themes/", {"n": n}).status_code == 200
    rate = throttle("600/minute")
    usage = get_usage(
        anonymous_request("127.0.0.1"),
        group=GROUP,
        key=lambda _g, _r: "127.0.0.1",
        rate=(rate.num_requests, rate.duration),
    )
    assert usage["count"] == 6


def test_a_429_in_the_windows_last_second_still_says_when_to_retry(seed, api, monkeypatch):
    import django_ratelimit.core

    original = AnonRateThrottle.THROTTLE_RATES
    AnonRateThrottle.THROTTLE_RATES = {"anon": "1/minute"}
    real_get_usage = django_ratelimit.core.get_usage

    def last_second(*args, **kwargs):
        usage = real_get_usage(*args, **kwargs)
        return usage and {**usage, "time_left": 0}

    monkeypatch.setattr("api.throttling.get_usage", last_second)
    try:
        codes = [api.get("/api/v1/themes/", {"n": n}).status_code for n in range(2)]
        response = api.get("/api/v1/themes/", {"n": 2})
    finally:
        AnonRateThrottle.THROTTLE_RATES = original
    assert codes[0] == 200 and response.status_code == 429
    assert response["Retry-After"] == "1"
