"""The miss set: distinct searches, each asked once with nothing cached, timed alone.

A reader's own search is almost always a miss (each query string is new). Every query is
asked once of the search page and once of the search API, one after the other, and the
times are reported as p50/p95/max per class of query. The words come from the generated
corpus's vocabulary (corpus/data/sentences.txt): common ones match most documents, rare ones
a few; the no-match class exercises the "did you mean" path.
"""

from __future__ import annotations

import statistics
from urllib.parse import urlencode

from harness import http_get

COMMON = ["security", "cooperation", "collective", "states", "member", "international",
          "organisation", "forces", "military", "treaty"]  # fmt: skip
RARE = ["biosecurity", "afghanistan", "brotherhood", "ceremony", "chemical", "cohesion",
        "antiterrorist", "battlefield", "commemorate", "auxiliary"]  # fmt: skip
TWO_WORDS = ["collective security", "military cooperation", "drug trafficking",
             "joint exercises", "foreign ministers", "regional stability",
             "peacekeeping forces", "information security", "border protection",
             "emergency response"]  # fmt: skip
PHRASES = ['"collective security"', '"information security"', '"member states"',
           '"collective rapid reaction forces"', '"illegal migration"', '"drug trafficking"',
           '"international terrorism"', '"military cooperation"', '"csto member states"',
           '"peacekeeping operations"']  # fmt: skip
NO_MATCH = ["securty", "cooperatoin", "xylophone", "zzqqj", "kolektiv", "peacekeepng"]
RUSSIAN = ["безопасность", "наркотиков", "сотрудничество", '"коллективной безопасности"']


def queries(presidency: str | None) -> list[tuple[str, dict]]:
    """(class, parameters) for every query of the set; at least 50, all distinct."""
    items = [("word-common", {"q": q}) for q in COMMON]
    items += [("word-rare", {"q": q}) for q in RARE]
    items += [("two-words", {"q": q}) for q in TWO_WORDS]
    items += [("phrase", {"q": q}) for q in PHRASES]
    filtered = [{"q": "security", "kind": "statement"}, {"q": "cooperation", "kind": "speech"},
                {"q": "military", "kind": "news_report"}, {"q": "terrorism", "kind": "interview"},
                {"q": "afghanistan", "kind": "statement"}]  # fmt: skip
    if presidency:
        filtered += [{"q": q, "presidency": presidency} for q in ("security", "treaty", "summit")]
    items += [("filtered", f) for f in filtered]
    items += [("no-match", {"q": q}) for q in NO_MATCH]
    items += [("russian", {"q": q}) for q in RUSSIAN]
    return items


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def summary(times: list[float]) -> dict:
    return {
        "n": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(max(times), 1),
    }


def run(base: str, presidency: str | None) -> dict:
    """{endpoint: {class: summary, "all": summary}} and failures (non-200 answers)."""
    report: dict = {}
    failures = []
    for endpoint, path in (("page", "/search/"), ("api", "/api/v1/search/")):
        by_class: dict[str, list[float]] = {}
        for cls, params in queries(presidency):
            status, seconds = http_get(f"{base}{path}?{urlencode(params)}", timeout=60)
            if status != 200:
                failures.append(f"{endpoint} {params}: {status}")
            by_class.setdefault(cls, []).append(seconds * 1000)
        every = [t for times in by_class.values() for t in times]
        report[endpoint] = {cls: summary(times) for cls, times in by_class.items()}
        report[endpoint]["all"] = summary(every)
    return {"misses": report, "failures": failures}


def print_table(kind: str, misses: dict, floor_ms: float | None) -> None:
    print(f"\n{kind}: miss set, each query once, one at a time"
          + (f" (/healthz alone: {floor_ms:.1f} ms)" if floor_ms else ""))  # fmt: skip
    print(f"{'endpoint':8} {'class':12} {'n':>3} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for endpoint, classes in misses.items():
        for cls, s in classes.items():
            print(f"{endpoint:8} {cls:12} {s['n']:3d} {s['p50_ms']:8.1f} {s['p95_ms']:8.1f} "
                  f"{s['max_ms']:8.1f}")  # fmt: skip
