from django.apps import AppConfig


class PresidenciesConfig(AppConfig):
    name = "presidencies"
    verbose_name = "Chairmanships"

    def ready(self) -> None:
        from cstokb.cache import connect_signals

        connect_signals()
