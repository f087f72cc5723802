"""The anonymous throttle: a counter per client and minute, shared by every worker."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django_redis.cache import RedisCache
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory
from rest_framework.throttling import AnonRateThrottle

from api.throttling import AnonWindowThrottle, LocalCounts


def anonymous_request(ip: str = "203.0.113.7") -> Request:
    request = Request(APIRequestFactory().get("/api/v1/themes/", REMOTE_ADDR=ip))
    request.user = AnonymousUser()
    return request


def throttle(cache, rate: str, now: float, local: LocalCounts | None = None):
    """The throttle of one request in a worker: its cache client and its own local counts."""
    AnonWindowThrottle.THROTTLE_RATES = {"anon": rate}
    try:
        instance = AnonWindowThrottle()
    finally:
        del AnonWindowThrottle.THROTTLE_RATES
    instance.cache = cache
    instance.timer = lambda: now
    instance.local = local or LocalCounts()
    return instance


@pytest.fixture
def redis_caches(redis_url):
    """Two workers' clients of one Redis, emptied before and after."""
    workers = [RedisCache(redis_url, {}), RedisCache(redis_url, {})]
    workers[0].clear()
    yield workers
    workers[0].clear()


def test_workers_share_one_count(redis_caches):
    now = 1_000_000.0
    locals_ = [LocalCounts(), LocalCounts()]
    answers = [
        throttle(redis_caches[n % 2], "4/minute", now, locals_[n % 2]).allow_request(
            anonymous_request(), None
        )
        for n in range(6)
    ]
    assert answers == [True, True, True, True, False, False]
    # Another client has its own count.
    other = throttle(redis_caches[0], "4/minute", now)
    assert other.allow_request(anonymous_request("198.51.100.1"), None)


def test_the_next_window_starts_afresh_and_wait_says_when(redis_caches):
    start = 60 * 20_000 + 15.0  # 15 s into a minute
    first = throttle(redis_caches[0], "1/minute", start)
    assert first.allow_request(anonymous_request(), None)
    second = throttle(redis_caches[1], "1/minute", start + 30)
    assert not second.allow_request(anonymous_request(), None)
    assert second.wait() == pytest.approx(15.0)
    assert throttle(redis_caches[1], "1/minute", start + 45).allow_request(
        anonymous_request(), None
    )


def test_counters_expire_with_their_window(redis_caches, redis_url):
    import redis

    throttle(redis_caches[0], "5/minute", 1_000_000.0).allow_request(anonymous_request(), None)
    client = redis.Redis.from_url(redis_url)
    keys = client.keys("*throttle_anon*")
    assert len(keys) == 1
    assert 0 < client.ttl(keys[0]) <= 61


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


def test_high_rates_reach_redis_in_batches_of_one_percent(redis_caches, redis_url):
    import redis

    now = 1_000_000.0
    worker_a, worker_b = LocalCounts(), LocalCounts()
    client = redis.Redis.from_url(redis_url)

    def shared_count():
        keys = client.keys("*throttle_anon*")
        return int(client.get(keys[0])) if keys else 0

    for _ in range(9):
        assert throttle(redis_caches[0], "1000/minute", now, worker_a).allow_request(
            anonymous_request(), None
        )
    assert shared_count() == 0  # nine requests, not yet a batch of ten
    throttle(redis_caches[0], "1000/minute", now, worker_a).allow_request(anonymous_request(), None)
    assert shared_count() == 10
    for _ in range(10):
        throttle(redis_caches[1], "1000/minute", now, worker_b).allow_request(
            anonymous_request(), None
        )
    assert shared_count() == 20


def test_batches_let_through_at_most_one_percent_more_per_worker(redis_caches):
    now = 1_000_000.0
    workers = [LocalCounts(), LocalCounts()]
    admitted = sum(
        throttle(redis_caches[n % 2], "200/minute", now, workers[n % 2]).allow_request(
            anonymous_request(), None
        )
        for n in range(300)
    )
    assert 200 <= admitted <= 200 + 2 * 2  # two workers, batches of two


def test_the_api_counts_each_client_once_per_request(seed, api):
    import time

    from django.core.cache import cache

    window = int(time.time() // 60)
    for n in range(6):  # 600/minute: batches of six
        assert api.get("/api/v1/themes/", {"n": n}).status_code == 200
    counts = [cache.get(f"throttle_anon_127.0.0.1:{w}") for w in (window, window + 1)]
    assert sum(c or 0 for c in counts) == 6
