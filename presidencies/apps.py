from django.apps import AppConfig


class PresidenciesConfig(AppConfig):
    name = "presidencies"
    verbose_name = "Chairmanships"
