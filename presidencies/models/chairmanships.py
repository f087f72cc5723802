"""Member states and their chairmanships of the CSTO, with the reads that find a chairmanship
by date or by its neighbours."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cstokb import fields
from cstokb.constraints import (
    END_BEFORE_START,
    end_on_or_after_start,
    ends_before_it_starts,
    not_blank,
    unique,
)
from cstokb.models import (
    CONFLICT,
    EditorialLabelsModel,
    NamedModel,
    RecordPageModel,
    long_date,
    validate_uri_characters,
)

# An open chairmanship (no end date, not concluded) runs until further notice.
OPEN_END = datetime.date.max


class MemberState(NamedModel, EditorialLabelsModel):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    iso_code = models.CharField(_("ISO 3166-1 code"), max_length=2)

    class Meta(NamedModel.Meta):
        verbose_name = _("member state")
        verbose_name_plural = _("member states")
        constraints = [
            unique("slug", message=_("Another member state already has this slug.")),
            unique("iso_code", message=_("Another member state already has this ISO code.")),
            unique("name", message=_("Another member state already has this name.")),
            not_blank("name", "iso_code", name="memberstate_name_and_code_set"),
        ]

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


class Presidency(RecordPageModel):
    """A chairmanship of the CSTO, named for the year it covers (`russia-2026`)."""

    chair = fields.reference(MemberState, _("chair"), "presidencies")
    # The bounds of presidency_year_plausible, also as validators: forms and the API's
    # schema (minimum, maximum) then say them too.
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(1992), MaxValueValidator(2200)],
        help_text=_("The year the chairmanship is named for (Russia 2020 began in November 2019)."),
    )
    # A member state's slug (at most 100) and a year of up to four digits.
    slug = models.SlugField(
        _("slug"), max_length=105, help_text=_("The chair's slug and the year, e.g. russia-2026.")
    )
    start_date = models.DateField(
        _("start date"), null=True, blank=True, help_text=_("Empty when no source gives it.")
    )
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("Empty while the chairmanship is open or the end is unknown."),
    )
    concluded = models.BooleanField(
        _("concluded"),
        default=False,
        help_text=_("Tick when the chairmanship is over but no source gives its end date."),
    )
    motto = models.CharField(_("motto"), max_length=300, blank=True)
    website = models.URLField(_("website"), blank=True, validators=[validate_uri_characters])
    summary = models.TextField(_("summary"), blank=True)
    editorial_note = fields.editorial_note()

    history = HistoricalRecords()
    objects = PresidencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("chairmanship")
        verbose_name_plural = _("chairmanships")
        ordering = ["year"]
        constraints = [
            unique("slug", message=_("Another chairmanship already has this slug.")),
            unique(
                "year",
                name="presidency_one_per_year",
                message=_("There is already a chairmanship for this year."),
            ),
            end_on_or_after_start("presidency_end_on_or_after_start"),
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

    @property
    def is_open(self) -> bool:
        return self.end_date is None and not self.concluded

    def covers(self, day: datetime.date) -> bool:
        """Whether `day` falls within the recorded period (an unrecorded bound admits any day).

        The rule a meeting's date keeps (Summit.clean) and the importer checks before it files
        a new meeting under a chairmanship.
        """
        return not (
            (self.start_date and day < self.start_date) or (self.end_date and day > self.end_date)
        )

    @property
    def period_label(self) -> str:
        start = long_date(self.start_date) if self.start_date else gettext("start not recorded")
        if self.end_date:
            end = long_date(self.end_date)
        elif self.concluded:
            end = gettext("end not recorded")
        else:
            end = gettext("present")
        return f"{start} – {end}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list] = {}
        if ends_before_it_starts(self.start_date, self.end_date):
            errors.setdefault("end_date", []).append(END_BEFORE_START)
        if self.end_date and self.concluded:
            errors.setdefault("concluded", []).append(
                gettext("Only tick 'concluded' when the end date is unknown.")
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
                    ValidationError(
                        gettext("This period overlaps the chairmanship %(other)s (%(period)s).")
                        % {"other": clash, "period": clash.period_label},
                        code=CONFLICT,
                    )
                )
        if self.chair_id and self.year and self.slug:
            expected = self.slug_for(self.chair, self.year)
            if self.slug != expected:
                errors.setdefault("slug", []).append(
                    gettext("The slug must be “%(slug)s”.") % {"slug": expected}
                )
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
        return self._neighbour(later=False)

    @property
    def successor(self) -> "Presidency | None":
        return self._neighbour(later=True)

    def _neighbour(self, later: bool) -> "Presidency | None":
        years = Presidency.objects.filter(**{"year__gt" if later else "year__lt": self.year})
        return years.select_related("chair").order_by("year" if later else "-year").first()
