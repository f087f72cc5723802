"""Routes of the search page and its feed, served in each language (cstokb/urls.py).

The JSON endpoint, /api/v1/search/, is the API's (api/search.py).
"""

from django.urls import path

from .feeds import SearchFeed
from .views import search_view

urlpatterns = [
    path("search/", search_view, name="search"),
    path("search/feed/", SearchFeed(), name="search-feed"),
]
