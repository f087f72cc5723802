from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvenanceConfig(AppConfig):
    """Citations in portable standards: W3C Web Annotations, text fragments, citation formats."""

    name = "provenance"
    verbose_name = _("Citation standards")
    default_auto_field = "django.db.models.BigAutoField"
