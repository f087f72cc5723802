"""The benchmark's URLs, each requested once through the test client: status and SQL queries.

`manage.py bench_probe [name=/path ...]` prints JSON for bench/run.py and bench/load.py.
Objects are picked from the data (the chairmanship with most priorities, the source with
most citations), so the same command works on the seed and on a generated corpus. A URL
whose route does not exist is reported with status 404 and skipped by the benchmark.
"""

import contextlib
import json

from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment
from django.urls import NoReverseMatch, reverse

from documents.models import Document
from presidencies.models import Presidency

SEARCH_QUERIES = {
    "search-word": "terrorism",
    "search-words": "collective security",
    "search-phrase": '"information security"',
}


def _reverse(name: str, **kwargs) -> str | None:
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def candidate_urls() -> dict[str, list[str]]:
    """Each benchmark name with the paths to try, first that answers 200 wins."""
    presidency = Presidency.objects.annotate(n=Count("priorities")).order_by("-n", "year").first()
    document = (
        Document.objects.sources().annotate(n=Count("citations")).order_by("-n", "pk").first()
    )
    urls: dict[str, list[str | None]] = {
        "healthz": [_reverse("healthz")],
        "home": [_reverse("home")],
        "presidency": [_reverse("presidency-detail", slug=presidency.slug) if presidency else None],
        "theme-matrix": [_reverse("theme-list")],
        "document": [_reverse("document-detail", slug=document.slug) if document else None],
        "document-list": [_reverse("document-list")],
        "api-list": ["/api/v1/documents/"],
        "api-detail": [
            f"/api/v1/documents/{document.slug}/" if document else None,
            f"/api/v1/documents/{document.pk}/" if document else None,
        ],
    }
    search = _reverse("search") or "/search/"
    for name, query in SEARCH_QUERIES.items():
        urls[name] = [f"{search}?q={query.replace(' ', '+').replace('"', '%22')}"]
    urls["api-search"] = ["/api/v1/search/?q=collective+security"]
    return {name: [p for p in paths if p] for name, paths in urls.items()}


class Command(BaseCommand):
    help = "Print the benchmark URLs with their status and SQL queries per request (JSON)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("extra", nargs="*", help="name=/path to add or replace a URL.")

    def handle(self, *args, extra, **options):
        # The test client's host ("testserver") must be allowed; already so under pytest.
        with contextlib.suppress(RuntimeError):
            setup_test_environment()
        candidates = candidate_urls()
        for item in extra:
            name, _, path = item.partition("=")
            candidates[name] = [path]
        # A broken URL is reported (status 500), not raised: the benchmark says which.
        client = Client(raise_request_exception=False)
        results = []
        connection = connections[DEFAULT_DB_ALIAS]
        for name, paths in candidates.items():
            result = {"name": name, "path": paths[0] if paths else None, "status": None}
            for path in paths:
                cache.clear()  # count the queries of a full render, not of a cache hit
                with CaptureQueriesContext(connection) as render:
                    response = client.get(path)
                with CaptureQueriesContext(connection) as repeat:
                    client.get(path)
                result = {
                    "name": name,
                    "path": path,
                    "status": response.status_code,
                    "queries": len(render),
                    "queries_cached": len(repeat),
                    "bytes": len(response.content),
                }
                if response.status_code != 404:
                    break  # only a missing route or object moves on to the next candidate
            results.append(result)
        self.stdout.write(json.dumps(results, indent=1))
