from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HealthConfig(AppConfig):
    name = "health"
    verbose_name = _("Health")

    def ready(self) -> None:
        from .middleware import connect_signals

        connect_signals()
