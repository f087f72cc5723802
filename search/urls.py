"""Routes of the search app: the page and its API endpoint (included at the root)."""

from django.urls import path

from .api import SearchAPIView
from .feeds import SearchFeed
from .views import search_view

# The page is served in each language (cstokb/urls.py), the API endpoint once.
page_urlpatterns = [
    path("search/", search_view, name="search"),
    path("search/feed/", SearchFeed(), name="search-feed"),
]
api_urlpatterns = [path("api/v1/search/", SearchAPIView.as_view(), name="api-search")]
urlpatterns = page_urlpatterns + api_urlpatterns
