from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PresidenciesConfig(AppConfig):
    name = "presidencies"
    verbose_name = _("Chairmanships")

    def ready(self) -> None:
        from cstokb.cache import connect_signals

        connect_signals()
