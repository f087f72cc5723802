"""The anonymous API throttle: DRF's throttle class, counted by django-ratelimit.

DRF's AnonRateThrottle keeps a list of request times per client in one cache entry and
rewrites it on every request, so two workers writing at once lose each other's requests.
django-ratelimit keeps one counter per client and fixed window in the cache (an atomic add
and increment, on Redis shared by every worker), so the rate holds across processes.
"""

from django_ratelimit.core import get_usage
from rest_framework.throttling import AnonRateThrottle

GROUP = "api-anon"


class AnonWindowThrottle(AnonRateThrottle):
    usage: dict | None = None

    def allow_request(self, request, view) -> bool:
        if self.rate is None or self.get_cache_key(request, view) is None:
            return True
        ident = self.get_ident(request)
        self.usage = get_usage(
            request,
            group=GROUP,
            key=lambda _group, _request: ident,
            rate=(self.num_requests, self.duration),
            increment=True,
        )
        return self.usage is None or not self.usage["should_limit"]

    def wait(self) -> float | None:
        # At least a second: django-ratelimit gives 0 in the window's last second, and DRF
        # sends no Retry-After for a wait of 0.
        return max(1, self.usage["time_left"]) if self.usage else None
