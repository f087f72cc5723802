"""Provenance routes: annotation collections under the API, the stored text of each document."""

from django.urls import path, register_converter

from . import views


class CiteFormat:
    regex = "ris|bib|json"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(CiteFormat, "citeformat")

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
    path("documents/<slug:slug>/cite.<citeformat:fmt>", views.cite_document, name="cite-document"),
    path("quotes/<int:pk>/cite.<citeformat:fmt>", views.cite_quote, name="cite-quote"),
    path(
        "presidencies/<slug:slug>/sources.<citeformat:fmt>",
        views.cite_presidency,
        name="cite-presidency",
    ),
]
