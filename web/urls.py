"""Public pages and feeds (in each language, cstokb/urls.py), sitemap and robots.txt (once)."""

from django.contrib.sitemaps.views import sitemap
from django.urls import URLPattern, path

from . import feeds, views
from .sitemaps import SITEMAPS


def record_pages(prefix: str, name: str, list_view, detail_view, feed=None) -> list[URLPattern]:
    """A kind of record's list at `prefix/`, each record's page and, given a feed, its feed."""
    pages = [
        path(f"{prefix}/", list_view, name=f"{name}-list"),
        path(f"{prefix}/<slug:slug>/", detail_view, name=f"{name}-detail"),
    ]
    if feed is not None:
        pages.append(path(f"{prefix}/<slug:slug>/feed/", feed, name=f"{name}-feed"))
    return pages


urlpatterns = [
    path("", views.home, name="home"),
    *record_pages("presidencies", "presidency", views.presidency_list, views.presidency_detail,
                  feeds.PresidencyFeed()),
    *record_pages("themes", "theme", views.theme_list, views.theme_detail, feeds.ThemeFeed()),
    *record_pages("documents", "document", views.document_list, views.document_detail),
    *record_pages("works", "work", views.work_list, views.work_detail),
    path("quotes/", views.quote_list, name="quote-list"),
    *record_pages("officials", "official", views.official_list, views.official_detail,
                  feeds.OfficialFeed()),
    *record_pages("summits", "summit", views.summit_list, views.summit_detail),
    path("feeds/documents/", feeds.DocumentsFeed(), name="documents-feed"),
]  # fmt: skip

# Outside the language prefix: one sitemap (it lists both languages), one robots.txt.
root_urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
    path("favicon.ico", views.FaviconView.as_view(), name="favicon"),
]
