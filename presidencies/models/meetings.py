"""Statutory meetings of the CSTO: summits of the Council, ministerials, forums."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cstokb import fields
from cstokb.constraints import not_blank, one_of, unique
from cstokb.labels import choice_label
from cstokb.models import CONFLICT, RecordPageModel, long_date

from .chairmanships import Presidency
from .people import Official


class SummitQuerySet(models.QuerySet):
    def with_related(self) -> "SummitQuerySet":
        return self.select_related("presidency__chair").prefetch_related("participants")

    def upcoming(self) -> "SummitQuerySet":
        return self.filter(date__gte=timezone.localdate()).order_by("date")

    def past(self) -> "SummitQuerySet":
        return self.filter(date__lt=timezone.localdate()).order_by("-date")


class SummitKind(models.TextChoices):
    COLLECTIVE_SECURITY_COUNCIL = "csc", _("Collective Security Council session")
    FOREIGN_MINISTERS = "cfm", _("Council of Foreign Ministers")
    DEFENCE_MINISTERS = "cdm", _("Council of Defence Ministers")
    SECURITY_COUNCIL_SECRETARIES = "cssc", _("Committee of Secretaries of Security Councils")
    FORUM = "forum", _("Forum")
    EVENT = "event", _("Public event")
    OTHER = "other", _("Other meeting")


class SummitAttendance(models.TextChoices):
    UNKNOWN = "", _("Not stated")
    IN_PERSON = "in_person", _("In person")
    VIDEOCONFERENCE = "videoconference", _("Videoconference")


class SummitStatus(models.TextChoices):
    HELD = "held", _("Held")
    PLANNED = "planned", _("Planned")
    PROPOSED = "proposed", _("Proposed")


class Summit(RecordPageModel):
    """Any statutory meeting of the CSTO: a summit of the Council, a ministerial, a forum."""

    Kind = SummitKind
    Attendance = SummitAttendance
    Status = SummitStatus

    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=150)
    date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("Empty when no source gives it.")
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    attendance = models.CharField(
        _("attendance"), max_length=20, choices=Attendance, blank=True, default=""
    )
    sitting = models.CharField(
        _("sitting"),
        max_length=100,
        blank=True,
        help_text=_("Restricted, expanded or both, where stated."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.HELD)
    presidency = fields.reference(Presidency, _("chairmanship"), "summits", optional=True)
    participants = fields.related_records(Official, _("participants"), "summits")
    editorial_note = fields.editorial_note(help_text="")

    history = HistoricalRecords(m2m_fields=[participants])
    objects = SummitQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = [F("date").asc(nulls_last=True), "pk"]
        constraints = [
            unique("slug", message=_("Another meeting already has this slug.")),
            not_blank("title"),
            one_of("kind", SummitKind),
            one_of("status", SummitStatus),
            one_of("attendance", SummitAttendance),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def format_label(self) -> str:
        parts = [
            p
            for p in (choice_label(self, "attendance") if self.attendance else "", self.sitting)
            if p
        ]
        return "; ".join(parts)

    def clean(self) -> None:
        super().clean()
        if self.presidency_id and self.date:
            p = self.presidency
            if not p.covers(self.date):
                raise ValidationError(
                    {
                        "presidency": ValidationError(
                            _("%(date)s falls outside %(chairmanship)s (%(period)s).")
                            % {
                                "date": long_date(self.date),
                                "chairmanship": p,
                                "period": p.period_label,
                            },
                            code=CONFLICT,
                        )
                    }
                )
