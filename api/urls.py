"""API v1 routes, the OpenAPI schema and its offline Swagger UI (included at the root)."""

from django.conf import settings
from django.urls import include, path
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import bulk, tokens, views
from .search import SearchAPIView


class Router(DefaultRouter):
    # One way to pick a format: `?format=csv` (no `.csv` suffix routes beside it).
    include_format_suffixes = False


router = Router()
router.register("member-states", views.MemberStateViewSet, basename="memberstate")
router.register("presidencies", views.PresidencyViewSet, basename="presidency")
router.register("themes", views.ThemeViewSet, basename="theme")
router.register("priorities", views.PriorityViewSet, basename="priority")
router.register("officials", views.OfficialViewSet, basename="official")
router.register("summits", views.SummitViewSet, basename="summit")
router.register("documents", views.DocumentViewSet, basename="document")
router.register("works", views.WorkViewSet, basename="work")
router.register("citations", views.CitationViewSet, basename="citation")
router.register("tokens", tokens.ApiTokenViewSet, basename="token")

# Swagger UI sets inline styles as it renders; its scripts stay under the strict policy.
DOCS_CSP = {**settings.SECURE_CSP, "style-src": [CSP.SELF, CSP.UNSAFE_INLINE]}
docs_view = csp_override(DOCS_CSP)(SpectacularSwaggerSplitView.as_view(url_name="api:schema"))

app_name = "api"
urlpatterns = [
    path("api/v1/search/", SearchAPIView.as_view(), name="search"),
    path("api/v1/bulk/", bulk.BulkIndexView.as_view(), name="bulk-index"),
    path("api/v1/bulk/<str:filename>", bulk.BulkFileView.as_view(), name="bulk-file"),
    path("api/v1/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", docs_view, name="docs"),
]
