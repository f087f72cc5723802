"""The anonymous API throttle as a counter per client and window, shared by every worker.

DRF's AnonRateThrottle keeps every client's request times in one cache entry and rewrites
the whole list on each request: at 600/minute that is up to 600 floats unpickled and
pickled per call, and two workers writing the list at once lose each other's requests. Here
a counter per (client, window) lives in the shared cache (INCRBY on Redis). Each process
adds its requests to it in batches of 1% of the rate (one at a time below 200 a window), so
that a cached answer costs no round trip to Redis for the throttle either; the price is
that N processes may together let through up to N% more than the rate, and the fixed
window's: a client may send up to twice the rate across a boundary.
"""

import threading

from rest_framework.throttling import AnonRateThrottle


class LocalCounts:
    """This process's view of the counters of the current window: {ident: [shared, unsent]}."""

    def __init__(self):
        self.lock = threading.Lock()  # gthread workers share a process
        self.window: int | None = None
        self.counts: dict[str, list[int]] = {}

    def for_window(self, window: int) -> dict[str, list[int]]:
        if window != self.window:  # a new window: the old counters are done with
            self.window, self.counts = window, {}
        return self.counts


PROCESS_COUNTS = LocalCounts()


class AnonWindowThrottle(AnonRateThrottle):
    local = PROCESS_COUNTS

    def batch(self) -> int:
        return max(1, self.num_requests // 100)

    def add(self, key: str, n: int) -> int | None:
        """The shared count after adding n; None when the cache is unreachable."""
        try:
            return self.cache.incr(key, n)
        except ValueError:  # the first requests of this window (unless another worker's)
            if self.cache.add(key, n, self.duration + 1):
                return n
            return self.cache.incr(key, n)

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        ident = self.get_cache_key(request, view)
        if ident is None:
            return True
        window = int(self.timer() // self.duration)
        self.window_ends = (window + 1) * self.duration
        with self.local.lock:
            entry = self.local.for_window(window).setdefault(ident, [0, 0])
            entry[1] += 1
            if entry[1] >= self.batch():
                unsent, entry[1] = entry[1], 0
                shared = self.add(f"{ident}:{window}", unsent)
                # None: Redis is down; count locally rather than refuse everyone.
                entry[0] = shared if shared is not None else entry[0] + unsent
            return entry[0] + entry[1] <= self.num_requests

    def wait(self) -> float:
        return max(0.0, self.window_ends - self.timer())
