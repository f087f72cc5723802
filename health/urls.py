"""Health endpoints for a load balancer: /healthz (liveness) and /readyz (readiness)."""

from django.urls import path

from . import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
]
