"""Operations: health probes, database outages, public page cache, backups, benchmarks."""

from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = "Operations"

    def ready(self) -> None:
        from .middleware import connect_signals

        connect_signals()
