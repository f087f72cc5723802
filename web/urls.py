"""Public pages and feeds (in each language, cstokb/urls.py), sitemap and robots.txt (once)."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import feeds, views
from .sitemaps import SITEMAPS

urlpatterns = [
    path("", views.home, name="home"),
    path("presidencies/", views.presidency_list, name="presidency-list"),
    path("presidencies/<slug:slug>/", views.presidency_detail, name="presidency-detail"),
    path("presidencies/<slug:slug>/feed/", feeds.PresidencyFeed(), name="presidency-feed"),
    path("themes/", views.theme_list, name="theme-list"),
    path("themes/<slug:slug>/", views.theme_detail, name="theme-detail"),
    path("themes/<slug:slug>/feed/", feeds.ThemeFeed(), name="theme-feed"),
    path("documents/", views.document_list, name="document-list"),
    path("documents/<slug:slug>/", views.document_detail, name="document-detail"),
    path("works/", views.work_list, name="work-list"),
    path("works/<slug:slug>/", views.work_detail, name="work-detail"),
    path("quotes/", views.quote_list, name="quote-list"),
    path("officials/", views.official_list, name="official-list"),
    path("officials/<slug:slug>/", views.official_detail, name="official-detail"),
    path("officials/<slug:slug>/feed/", feeds.OfficialFeed(), name="official-feed"),
    path("summits/", views.summit_list, name="summit-list"),
    path("summits/<slug:slug>/", views.summit_detail, name="summit-detail"),
    path("feeds/documents/", feeds.DocumentsFeed(), name="documents-feed"),
]

# Outside the language prefix: one sitemap (it lists both languages), one robots.txt.
root_urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
    path("favicon.ico", views.FaviconView.as_view(), name="favicon"),
]
