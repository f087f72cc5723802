"""The project's URLs plus stand-ins for page names the search links to, where missing.

Search results link to document, chairmanship and theme pages, which the pages branch
defines; until it is merged, these stand-ins let the links be reversed in tests. Names
the project already defines are left alone.
"""

from django.http import HttpResponse
from django.urls import NoReverseMatch, path, reverse

from cstokb.urls import urlpatterns as project_urlpatterns

LINKED_PAGES = ["document-detail", "presidency-detail", "theme-detail"]


def _stand_in(request, slug: str) -> HttpResponse:
    return HttpResponse(f"stand-in page for {slug}", content_type="text/plain")


def missing_names() -> list[str]:
    missing = []
    for name in LINKED_PAGES:
        try:
            reverse(name, kwargs={"slug": "x"}, urlconf="cstokb.urls")
        except NoReverseMatch:
            missing.append(name)
    return missing


urlpatterns = [
    *project_urlpatterns,
    *(path(f"stand-in/{name}/<slug:slug>/", _stand_in, name=name) for name in missing_names()),
]
