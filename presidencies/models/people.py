"""Officials and the posts they held."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
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
from cstokb.models import EditorialLabelsModel, NamedModel, RecordPageModel, long_date, one_per_line

from .chairmanships import MemberState


class Official(NamedModel, RecordPageModel):
    name = models.CharField(pgettext_lazy("a person's", "name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150)
    aliases = models.TextField(
        _("aliases"),
        blank=True,
        help_text=_("Other forms of the name, one per line (e.g. 'President Putin', 'Lavrov')."),
    )

    class Meta(NamedModel.Meta):
        verbose_name = _("official")
        verbose_name_plural = _("officials")
        constraints = [
            unique("slug", message=_("Another official already has this slug.")),
            not_blank("name"),
        ]

    @property
    def alias_list(self) -> list[str]:
        return one_per_line(self.aliases)


class Position(EditorialLabelsModel):
    """A post an official held: "Minister of Foreign Affairs", "CSTO Secretary General"."""

    official = fields.part_of(Official, _("official"), "positions")
    title = models.CharField(_("post"), max_length=200)
    member_state = fields.reference(MemberState, _("member state"), "positions", optional=True)
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("For posts outside a state, e.g. 'CSTO'."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    ended = models.BooleanField(
        _("ended"),
        default=False,
        help_text=_("Tick when the post is known to have ended at an unknown date."),
    )
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["official__name", "start_date", "pk"]
        constraints = [
            not_blank("title"),
            end_on_or_after_start("position_end_on_or_after_start"),
            unique(
                "official",
                "title",
                "member_state",
                "organisation",
                name="position_unique_per_official",
                message=_(
                    "This official already holds this post (the same title, state and "
                    "organisation)."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if ends_before_it_starts(self.start_date, self.end_date):
            raise ValidationError({"end_date": END_BEFORE_START})

    @property
    def period_label(self) -> str:
        if self.start_date and self.end_date:
            return f"{self.start_date:%Y}–{self.end_date:%Y}"
        if self.end_date:
            return gettext("until %(date)s") % {"date": long_date(self.end_date)}
        if self.start_date:
            return gettext("from %(date)s") % {"date": long_date(self.start_date)}
        return gettext("ended, dates not recorded") if self.ended else gettext("dates not recorded")


def slugify_name(value: str) -> str:
    """ASCII slug for names with apostrophes and dashes ("Japarov’s" -> "japarovs")."""
    from django.utils.text import slugify

    return slugify(re.sub(r"[’'`]", "", value))
