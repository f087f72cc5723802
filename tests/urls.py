"""Test-only URLs: a public page and an API view that read the database, plus the real site."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path

from cstokb.urls import urlpatterns as site_urlpatterns
from presidencies.models import Theme


def page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(f"<p>{Theme.objects.count()} themes</p>")


def api(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"themes": Theme.objects.count()})


urlpatterns = [
    path("test-page/", page, name="test-page"),
    path("api/v1/test-themes/", api, name="test-api"),
    # Spread, not included: the site's i18n_patterns must sit in the root URLconf.
    *site_urlpatterns,
]
