"""Routes of the search app: the page and its API endpoint (included at the root)."""

from django.urls import path

from .api import SearchAPIView
from .views import search_view

urlpatterns = [
    path("search/", search_view, name="search"),
    path("api/v1/search/", SearchAPIView.as_view(), name="api-search"),
]
