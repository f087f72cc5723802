"""Provenance routes: annotation collections under the API, the stored text of each document."""

from django.urls import path

from . import views

app_name = "provenance"
urlpatterns = [
    path(
        "api/v1/documents/<slug:slug>/annotations/",
        views.DocumentAnnotations.as_view(),
        name="document-annotations",
    ),
    path(
        "api/v1/presidencies/<slug:slug>/annotations/",
        views.PresidencyAnnotations.as_view(),
        name="presidency-annotations",
    ),
    path("documents/<slug:slug>/text.txt", views.document_text, name="document-text"),
]
