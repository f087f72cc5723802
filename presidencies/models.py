"""Chairmanships of the CSTO, the priorities they set, the people and the meetings.

Documents and the citations that back every fact live in the `documents` app.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cstokb.models import TimeStampedModel

# An open chairmanship (no end date, not concluded) runs until further notice.
OPEN_END = datetime.date.max


class MemberState(TimeStampedModel):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100)
    iso_code = models.CharField("ISO 3166-1 code", max_length=2)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="memberstate_unique_slug"),
            models.UniqueConstraint(fields=["iso_code"], name="memberstate_unique_iso_code"),
            models.UniqueConstraint(fields=["name"], name="memberstate_unique_name"),
            models.CheckConstraint(
                condition=~Q(name="") & ~Q(iso_code=""), name="memberstate_name_and_code_set"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("presidency-list") + f"?chair={self.slug}"


class PresidencyQuerySet(models.QuerySet):
    def in_office_on(self, day: datetime.date) -> "PresidencyQuerySet":
        """Chairmanships whose known period contains `day` (same rule as overlapping())."""
        return self.filter(start_date__lte=day).filter(
            Q(end_date__gte=day)
            | Q(end_date__isnull=True, concluded=False)
            | Q(end_date__isnull=True, concluded=True, start_date=day)
        )

    def current(self) -> "Presidency | None":
        # select_related: every caller shows the chair's name.
        return self.in_office_on(timezone.localdate()).select_related("chair").first()

    def overlapping(
        self, start: datetime.date | None, end: datetime.date | None, concluded: bool = False
    ) -> "PresidencyQuerySet":
        """Chairmanships whose known period meets [start, end]; unknown starts never clash."""
        if start is None:
            return self.none()
        effective_end = end or (start if concluded else OPEN_END)
        return self.filter(start_date__isnull=False, start_date__lte=effective_end).filter(
            Q(end_date__gte=start)
            | Q(end_date__isnull=True, concluded=False)
            | Q(end_date__isnull=True, concluded=True, start_date__gte=start)
        )

    def with_priority_count(self) -> "PresidencyQuerySet":
        return self.annotate(priority_count=Count("priorities", distinct=True))

    def with_neighbours(self) -> "PresidencyQuerySet":
        """Annotate predecessor_slug/successor_slug in the same query (lists show them)."""
        by_year = Presidency.objects.order_by()
        return self.annotate(
            predecessor_slug=Subquery(
                by_year.filter(year__lt=OuterRef("year")).order_by("-year").values("slug")[:1]
            ),
            successor_slug=Subquery(
                by_year.filter(year__gt=OuterRef("year")).order_by("year").values("slug")[:1]
            ),
        )


class Presidency(TimeStampedModel):
    """A chairmanship of the CSTO, named for the year it covers (`russia-2026`)."""

    chair = models.ForeignKey(MemberState, on_delete=models.PROTECT, related_name="presidencies")
    # The bounds of presidency_year_plausible, also as validators: forms and the API's
    # schema (minimum, maximum) then say them too.
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1992), MaxValueValidator(2200)],
        help_text="The year the chairmanship is named for (Russia 2020 began in November 2019).",
    )
    slug = models.SlugField(max_length=100, help_text="<state>-<year>, e.g. russia-2026.")
    start_date = models.DateField(null=True, blank=True, help_text="Empty when no source gives it.")
    end_date = models.DateField(
        null=True,
        blank=True,
        help_text="Empty while the chairmanship is open or the end is unknown.",
    )
    concluded = models.BooleanField(
        default=False,
        help_text="Tick when the chairmanship is over but no source gives its end date.",
    )
    motto = models.CharField(max_length=300, blank=True)
    website = models.URLField(blank=True)
    summary = models.TextField(blank=True)
    editorial_note = models.TextField(
        blank=True, help_text="What was inferred from context rather than stated, and why."
    )

    history = HistoricalRecords()
    objects = PresidencyQuerySet.as_manager()

    class Meta:
        ordering = ["year"]
        verbose_name = "chairmanship"
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="presidency_unique_slug"),
            models.UniqueConstraint(fields=["year"], name="presidency_one_per_year"),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="presidency_end_on_or_after_start",
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1992) & Q(year__lte=2200), name="presidency_year_plausible"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(concluded=False),
                name="presidency_concluded_only_without_end_date",
            ),
        ]
        # Overlap between rows is enforced by triggers (migration 0002) and by clean().

    def __str__(self) -> str:
        return f"{self.chair.name} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("presidency-detail", kwargs={"slug": self.slug})

    @property
    def is_open(self) -> bool:
        return self.end_date is None and not self.concluded

    @property
    def period_label(self) -> str:
        start = self.start_date.strftime("%-d %B %Y") if self.start_date else "start not recorded"
        if self.end_date:
            end = self.end_date.strftime("%-d %B %Y")
        elif self.concluded:
            end = "end not recorded"
        else:
            end = "present"
        return f"{start} – {end}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[str]] = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors.setdefault("end_date", []).append("The end date is before the start date.")
        if self.end_date and self.concluded:
            errors.setdefault("concluded", []).append(
                "Only tick 'concluded' when the end date is unknown."
            )
        if not errors and self.start_date:
            clash = (
                Presidency.objects.exclude(pk=self.pk)
                .overlapping(self.start_date, self.end_date, self.concluded)
                .select_related("chair")
                .first()
            )
            if clash:
                errors.setdefault("start_date", []).append(
                    f"This period overlaps the chairmanship {clash} ({clash.period_label})."
                )
        if self.chair_id and self.year and self.slug:
            expected = self.slug_for(self.chair, self.year)
            if self.slug != expected:
                errors.setdefault("slug", []).append(f"The slug must be “{expected}”.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs) -> None:
        if not self.slug and self.chair_id and self.year:
            self.slug = self.slug_for(self.chair, self.year)
        super().save(*args, **kwargs)

    @staticmethod
    def slug_for(chair: MemberState, year: int) -> str:
        """The chairmanship's slug follows from chair and year: `russia-2026`."""
        return f"{chair.slug}-{year}"

    # Neighbours follow from the years the chairmanships are named for; start dates
    # are not always recorded, the year always is.
    @property
    def predecessor(self) -> "Presidency | None":
        return (
            Presidency.objects.filter(year__lt=self.year)
            .select_related("chair")
            .order_by("-year")
            .first()
        )

    @property
    def successor(self) -> "Presidency | None":
        return (
            Presidency.objects.filter(year__gt=self.year)
            .select_related("chair")
            .order_by("year")
            .first()
        )


class Theme(TimeStampedModel):
    """A topic that priorities of different chairmanships share, so they can be compared."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120)
    description = models.TextField(blank=True)
    keywords = models.TextField(
        blank=True,
        help_text="One keyword or phrase per line; the statement importer uses them "
        "to propose this theme.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="theme_unique_slug"),
            models.UniqueConstraint(fields=["name"], name="theme_unique_name"),
            models.CheckConstraint(condition=~Q(name=""), name="theme_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("theme-detail", kwargs={"slug": self.slug})

    @property
    def keyword_list(self) -> list[str]:
        return [k.strip() for k in self.keywords.splitlines() if k.strip()]


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


class Priority(TimeStampedModel):
    Status = PriorityStatus

    presidency = models.ForeignKey(Presidency, on_delete=models.PROTECT, related_name="priorities")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="priorities")
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=20, choices=Status, default=Status.ANNOUNCED)
    status_note = models.TextField(blank=True, help_text="What the sources say of its progress.")
    instruments = models.ManyToManyField(
        "documents.Document",
        blank=True,
        related_name="implemented_priorities",
        help_text="Decisions, strategies or plans that carry the priority out.",
    )

    history = HistoricalRecords(m2m_fields=[instruments])
    objects = PriorityQuerySet.as_manager()

    class Meta:
        ordering = ["presidency__year", "order", "pk"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(
                fields=["presidency", "title"], name="priority_unique_title_per_presidency"
            ),
            models.CheckConstraint(condition=~Q(title=""), name="priority_title_not_empty"),
            models.CheckConstraint(
                condition=Q(status__in=PriorityStatus.values),
                name="priority_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["presidency", "theme"], name="priority_pres_theme_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.presidency.get_absolute_url() + f"#priority-{self.pk}"

    @property
    def anchor(self) -> str:
        return f"priority-{self.pk}"


class Official(TimeStampedModel):
    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=150)
    aliases = models.TextField(
        blank=True,
        help_text="Other forms of the name, one per line (e.g. 'President Putin', 'Lavrov').",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="official_unique_slug"),
            models.CheckConstraint(condition=~Q(name=""), name="official_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("official-detail", kwargs={"slug": self.slug})

    @property
    def alias_list(self) -> list[str]:
        return [a.strip() for a in self.aliases.splitlines() if a.strip()]


class Position(TimeStampedModel):
    """A post an official held: "Minister of Foreign Affairs", "CSTO Secretary General"."""

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="positions")
    title = models.CharField(max_length=200)
    member_state = models.ForeignKey(
        MemberState, null=True, blank=True, on_delete=models.PROTECT, related_name="positions"
    )
    organisation = models.CharField(
        max_length=200, blank=True, help_text="For posts outside a state, e.g. 'CSTO'."
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    ended = models.BooleanField(
        default=False, help_text="Tick when the post is known to have ended at an unknown date."
    )
    note = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["official__name", "start_date", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="position_title_not_empty"),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="position_end_on_or_after_start",
            ),
            models.UniqueConstraint(
                fields=["official", "title", "member_state", "organisation"],
                name="position_unique_per_official",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The end date is before the start date."})

    @property
    def period_label(self) -> str:
        if self.start_date and self.end_date:
            return f"{self.start_date:%Y}–{self.end_date:%Y}"
        if self.end_date:
            return f"until {self.end_date:%-d %B %Y}"
        if self.start_date:
            return f"from {self.start_date:%-d %B %Y}"
        return "ended, dates not recorded" if self.ended else "dates not recorded"


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


class Summit(TimeStampedModel):
    """Any statutory meeting of the CSTO: a summit of the Council, a ministerial, a forum."""

    Kind = SummitKind
    Attendance = SummitAttendance
    Status = SummitStatus

    kind = models.CharField(max_length=10, choices=Kind)
    title = models.CharField(max_length=250)
    slug = models.SlugField(max_length=150)
    date = models.DateField(null=True, blank=True, help_text="Empty when no source gives it.")
    city = models.CharField(max_length=100, blank=True)
    venue = models.CharField(max_length=200, blank=True)
    attendance = models.CharField(max_length=20, choices=Attendance, blank=True, default="")
    sitting = models.CharField(
        max_length=100, blank=True, help_text="Restricted, expanded or both, where stated."
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.HELD)
    presidency = models.ForeignKey(
        Presidency, null=True, blank=True, on_delete=models.PROTECT, related_name="summits"
    )
    participants = models.ManyToManyField(Official, blank=True, related_name="summits")
    editorial_note = models.TextField(blank=True)

    history = HistoricalRecords(m2m_fields=[participants])
    objects = SummitQuerySet.as_manager()

    class Meta:
        ordering = [F("date").asc(nulls_last=True), "pk"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="summit_unique_slug"),
            models.CheckConstraint(condition=~Q(title=""), name="summit_title_not_empty"),
            models.CheckConstraint(
                condition=Q(kind__in=SummitKind.values),
                name="summit_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(status__in=SummitStatus.values), name="summit_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(attendance__in=SummitAttendance.values),
                name="summit_attendance_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("summit-detail", kwargs={"slug": self.slug})

    @property
    def format_label(self) -> str:
        parts = [
            p for p in (self.get_attendance_display() if self.attendance else "", self.sitting) if p
        ]
        return "; ".join(parts)

    def clean(self) -> None:
        super().clean()
        if self.presidency_id and self.date:
            p = self.presidency
            outside = (p.start_date and self.date < p.start_date) or (
                p.end_date and self.date > p.end_date
            )
            if outside:
                raise ValidationError(
                    {"presidency": f"{self.date} falls outside {p} ({p.period_label})."}
                )


def slugify_name(value: str) -> str:
    """ASCII slug for names with apostrophes and dashes ("Japarov’s" -> "japarovs")."""
    from django.utils.text import slugify

    return slugify(re.sub(r"[’'`]", "", value))


class KnowledgeBaseRevision(models.Model):
    """One row counting changes to the knowledge base.

    Kept in the database (not only in a cache) so that every server process and worker
    sees the same version: cached fragments and HTTP validators key on it.
    """

    version = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(id=1), name="kbrevision_single_row")]

    def __str__(self) -> str:
        return f"revision {self.version}"
