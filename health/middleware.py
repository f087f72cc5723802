"""A database outage answers 503, not 500.

DatabaseUnavailableMiddleware turns OperationalError/InterfaceError into a quick 503 (an HTML
page, or JSON under /api/) with Retry-After. Errors raised by views are caught in
process_exception; errors raised elsewhere (another middleware saving a session, a lazy
template) are flagged by a got_request_exception receiver and the 500 swapped for a 503.
Django closes the broken connection at the end of the request, so the next request
reconnects by itself once PostgreSQL is back.
"""

import logging
import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation

logger = logging.getLogger(__name__)

DB_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = "5"


def wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/") or "application/json" in request.headers.get(
        "Accept", ""
    )


def unavailable_response(request: HttpRequest) -> HttpResponse:
    """The 503 answer; rendered without a request so no context processor touches the DB."""
    if wants_json(request):
        response = JsonResponse(
            {
                "detail": "The database is temporarily unavailable. Please retry shortly.",
                "code": "database_unavailable",
            },
            status=503,
        )
    else:
        # This middleware stands outside LocaleMiddleware: the language is read from the path.
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        with translation.override(language):
            body = loader.get_template("503.html").render({"retry_after": RETRY_AFTER_SECONDS})
        response = HttpResponse(body, status=503)
    response["Retry-After"] = RETRY_AFTER_SECONDS
    response["Cache-Control"] = "no-store"
    return response


def _flag_database_error(sender, request=None, **kwargs) -> None:
    exc = sys.exc_info()[1]
    if request is not None and isinstance(exc, DB_ERRORS):
        request._database_unavailable = True


def connect_signals() -> None:
    got_request_exception.connect(_flag_database_error, dispatch_uid="health-database-error")


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, "_database_unavailable", False):
            return unavailable_response(request)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, DB_ERRORS):
            logger.warning("Database unavailable on %s: %s", request.path, exception)
            return unavailable_response(request)
        return None
