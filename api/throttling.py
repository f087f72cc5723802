"""The anonymous API throttle as a counter per client and window.

DRF's AnonRateThrottle keeps every client's request times in one cache entry and rewrites
the whole list on each request: at 600/minute that is up to 600 floats unpickled and
pickled per call, and two workers writing the list at once lose each other's requests. A
counter per (client, window) costs one atomic increment (INCR on Redis) whatever the rate.
The price is the fixed window's: a client may send up to twice the rate across a boundary.
"""

from rest_framework.throttling import AnonRateThrottle


class AnonWindowThrottle(AnonRateThrottle):
    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        ident = self.get_cache_key(request, view)
        if ident is None:
            return True
        now = self.timer()
        window = int(now // self.duration)
        self.window_ends = (window + 1) * self.duration
        key = f"{ident}:{window}"
        try:
            count = self.cache.incr(key)
        except ValueError:  # the first request of this window (unless another worker's)
            count = 1 if self.cache.add(key, 1, self.duration + 1) else self.cache.incr(key)
        # None: the cache is unreachable (Redis down): serve rather than refuse everyone.
        return count is None or count <= self.num_requests

    def wait(self) -> float:
        return max(0.0, self.window_ends - self.timer())
