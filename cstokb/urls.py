"""URL configuration: public pages, the JSON API and the editors' admin."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "CSTO KB editors"
admin.site.site_title = "CSTO KB admin"
admin.site.index_title = "Knowledge base"

urlpatterns = [
    # /search/ and /api/v1/search/: before any "api/" include so the search endpoint wins.
    path("", include("search.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("ops.urls")),
    path("", include("api.urls")),
    path("", include("web.urls")),
]
