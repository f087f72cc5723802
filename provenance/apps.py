from django.apps import AppConfig


class ProvenanceConfig(AppConfig):
    """Citations in portable standards: W3C Web Annotations, text fragments, citation formats."""

    name = "provenance"
    default_auto_field = "django.db.models.BigAutoField"
