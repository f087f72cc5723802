"""Logging filters: a cache outage is logged once per interval, not once per request.

django-redis logs every ignored connection error with its traceback; with Redis down that is
one traceback per cache call (hundreds a second under load), burying everything else. The
first record of each interval passes, saying how many were held back since the last one.
"""

import logging
import threading
import time


class OncePerInterval(logging.Filter):
    def __init__(self, name: str = "", seconds: float = 60.0):
        super().__init__(name)
        self.seconds = float(seconds)
        self._last = -float("inf")
        self._suppressed = 0
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        now = time.monotonic()
        with self._lock:
            if now - self._last < self.seconds:
                self._suppressed += 1
                return False
            suppressed, self._suppressed, self._last = self._suppressed, 0, now
        record.msg = f"Cache unavailable, serving uncached: {record.msg}"
        if suppressed:
            record.msg += f" ({suppressed} more since the last report)"
        record.msg += f" (reported at most once per {self.seconds:g} s per process)"
        return True
