"""URL configuration: public pages (English, and Russian under /ru/), the JSON API and the admin."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from web.urls import root_urlpatterns as web_root_urlpatterns
from web.urls import urlpatterns as web_page_urlpatterns

admin.site.site_header = _("CSTO KB editors")
admin.site.site_title = _("CSTO KB admin")
admin.site.index_title = _("Knowledge base")

EN_ALIAS = RedirectView.as_view(url="/%(rest)s", query_string=True, permanent=True)

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    # set_language: the admin's language switcher keeps the editor's choice in a cookie.
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("health.urls")),
    path("", include("provenance.urls")),
    path("", include("api.urls")),
    path("", include(web_root_urlpatterns)),
    # English lives at the unprefixed addresses; /en/... is an alias kept pointing there.
    re_path(r"^en/(?P<rest>.*)$", EN_ALIAS),
    *i18n_patterns(
        path("", include("search.urls")),
        path("", include(web_page_urlpatterns)),
        prefix_default_language=False,
    ),
]

# JSON under /api/, Django's pages elsewhere (api/errors.py).
handler404 = "api.errors.not_found"
handler400 = "api.errors.bad_request"
