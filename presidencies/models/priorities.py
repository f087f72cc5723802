"""The priorities a chairmanship sets, and the themes that let chairmanships be compared."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cstokb import fields
from cstokb.constraints import not_blank, one_of, unique
from cstokb.history import HistoricalRecordsBothSides
from cstokb.models import EditorialLabelsModel, NamedModel, RecordPageModel, one_per_line

from .chairmanships import Presidency


class Theme(NamedModel, RecordPageModel):
    """A topic that priorities of different chairmanships share, so they can be compared."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    keywords = models.TextField(
        _("keywords"),
        blank=True,
        help_text=_(
            "One keyword or phrase per line; the statement importer uses them "
            "to propose this theme."
        ),
    )
    keywords_ru = models.TextField(
        _("keywords (Russian)"),
        blank=True,
        help_text=_(
            "One Russian keyword or phrase per line, for Russian statements. Each word "
            "stands for every word it begins, so a stem covers all its cases: "
            "«коллективн сил» finds «Коллективных сил» and «Коллективными силами»."
        ),
    )

    class Meta(NamedModel.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            unique("slug", message=_("Another theme already has this slug.")),
            unique("name", message=_("Another theme already has this name.")),
            not_blank("name"),
        ]

    @property
    def keyword_list(self) -> list[str]:
        return one_per_line(self.keywords)

    @property
    def russian_keyword_list(self) -> list[str]:
        return [" ".join(k.split()) for k in self.keywords_ru.splitlines() if k.strip()]


class PriorityQuerySet(models.QuerySet):
    def with_related(self) -> "PriorityQuerySet":
        # Pages and the API show each priority with its chairmanship, theme, quotes and
        # instruments: join the single-valued ones, prefetch the rest.
        return self.select_related("presidency__chair", "theme").prefetch_related(
            models.Prefetch(
                "citations",
                queryset=_citation_model()
                .objects.select_related("document")
                .order_by("document__date", "pk"),
            ),
            "instruments",
        )


def _citation_model():
    from django.apps import apps

    return apps.get_model("documents", "Citation")


class PriorityStatus(models.TextChoices):
    ANNOUNCED = "announced", _("Announced")
    IN_PROGRESS = "in_progress", _("In progress")
    CARRIED_OUT = "carried_out", _("Carried out")
    DROPPED = "dropped", _("Dropped")


class Priority(EditorialLabelsModel):
    Status = PriorityStatus

    presidency = fields.reference(Presidency, _("chairmanship"), "priorities")
    theme = fields.reference(Theme, _("theme"), "priorities")
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.ANNOUNCED)
    status_note = models.TextField(
        _("status note"), blank=True, help_text=_("What the sources say of its progress.")
    )
    instruments = fields.related_records(
        "documents.Document",
        _("instruments"),
        "implemented_priorities",
        help_text=_("Decisions, strategies or plans that carry the priority out."),
    )

    history = HistoricalRecordsBothSides(m2m_fields=[instruments])
    objects = PriorityQuerySet.as_manager()

    class Meta:
        verbose_name = _("priority")
        verbose_name_plural = _("priorities")
        ordering = ["presidency__year", "order", "pk"]
        constraints = [
            unique(
                "presidency",
                "title",
                name="priority_unique_title_per_presidency",
                message=_("This chairmanship already has a priority with this title."),
            ),
            not_blank("title"),
            one_of("status", PriorityStatus),
        ]
        indexes = [models.Index(fields=["presidency", "theme"], name="priority_pres_theme_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.presidency.get_absolute_url() + f"#priority-{self.pk}"

    @property
    def anchor(self) -> str:
        return f"priority-{self.pk}"
