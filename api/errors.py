"""Every /api/ answer is JSON with the documented shape ({"detail", "code"}), errors included.

Django's own 404 and 400 pages, and a body over the limit, would otherwise answer HTML
under /api/. Pages outside /api/ keep Django's HTML handlers. The texts are in the client's
language (cstokb.middleware.LanguageMiddleware). The API's own refusals beyond
DRF's: a 409 for a write that only what is stored refuses, a 412 for a write based on a
stale read.
"""

import re

from django.apps import apps
from django.conf import settings
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from rest_framework import status
from rest_framework import views as drf_views
from rest_framework.exceptions import APIException, NotFound

from cstokb.models import CONFLICT

# Error codes of a request refused for what is stored rather than for its own form.
CONFLICT_CODES = frozenset({"unique", "unique_together", "does_not_exist", CONFLICT})


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"


def error_codes(detail) -> set[str]:
    """Every code in a DRF error structure (a dict or list of ErrorDetail, nested)."""
    if isinstance(detail, dict):
        return set().union(*(error_codes(v) for v in detail.values()))
    if isinstance(detail, list):
        return set().union(*(error_codes(v) for v in detail))
    return {getattr(detail, "code", "invalid")}


# Django's get_object_or_404 message (django/shortcuts.py), not translated there.
NO_MATCH = re.compile(r"No (\w+) matches the given query\.")


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def exception_handler(exc, context):
    """DRF's handler, with Django's untranslated "No X matches the given query." (raised by
    get_object_or_404 in a detail view) replaced by the same message in the client's language."""
    found = isinstance(exc, Http404) and NO_MATCH.fullmatch(str(exc))
    if found:
        # By the name in the message: the view's queryset may need an authenticated user.
        models = {m._meta.object_name: m for m in apps.get_models()}
        if model := models.get(found.group(1)):
            exc = NotFound(
                _("No %(record)s matches the given query.") % {"record": model._meta.verbose_name}
            )
    return drf_views.exception_handler(exc, context)


def api_error(detail: str, code: str, status: int) -> JsonResponse:
    return JsonResponse({"detail": detail, "code": code}, status=status)


def not_found(request, exception=None):
    if is_api(request):
        return api_error(_("Not found."), "not_found", 404)
    return defaults.page_not_found(request, exception)


def bad_request(request, exception=None):
    if is_api(request):
        return api_error(_("Bad request."), "bad_request", 400)
    return defaults.bad_request(request, exception)


class APIBodyLimitMiddleware:
    """413 before the body is read: API_MAX_BODY_BYTES bounds what a worker holds for one
    request (the admin keeps DATA_UPLOAD_MAX_MEMORY_SIZE, sized for the importer)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_api(request):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > settings.API_MAX_BODY_BYTES:
                limit = settings.API_MAX_BODY_BYTES // (1024 * 1024)
                return api_error(
                    _("The request body is larger than %(limit)s MB.") % {"limit": limit},
                    "request_too_large",
                    413,
                )
        return self.get_response(request)
