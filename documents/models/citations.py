"""The verbatim citations that back every fact in the knowledge base."""

import functools
import operator

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cstokb import fields
from cstokb.constraints import not_blank, one_of
from cstokb.models import CONFLICT, TimeStampedModel

from ..fragments import text_directive
from .documents import Document
from .text import find_anchor

CITATION_TARGETS = ("priority", "presidency", "summit", "position", "member_state", "instrument")


def _target(to, verbose_name, related_name: str = "citations", **options) -> models.ForeignKey:
    """What a citation may back: optional, and the citation goes with it."""
    return fields.part_of(to, verbose_name, related_name, optional=True, **options)


class CitationRole(models.TextChoices):
    STATES = "states", _("States it")
    PROGRESS = "progress", _("Reports progress")
    ATTESTS = "attests", _("Attests a fact")


class CitationQuerySet(models.QuerySet):
    def with_subjects(self) -> "CitationQuerySet":
        # A quote is shown with what it backs, named as its page names it (a priority with
        # its chairmanship, a post with its holder): one join per target, no query per row.
        return self.select_related(
            "priority__presidency__chair",
            "presidency__chair",
            "summit",
            "position__official",
            "member_state",
            "instrument",
        )


class Citation(TimeStampedModel):
    """A verbatim quote from a document that states a fact of the knowledge base.

    Most citations back a priority; others attest a chairmanship, a meeting, an official's
    post, a member state or an instrument (a decision signed, a strategy being implemented).
    """

    Role = CitationRole

    document = fields.reference(Document, _("document"), "citations")
    quote = models.TextField(_("quote"), help_text=_("Verbatim from the document's cleaned text."))
    role = models.CharField(_("role"), max_length=10, choices=Role, default=Role.STATES)
    note = models.TextField(_("note"), blank=True)
    priority = _target("presidencies.Priority", _("priority"))
    presidency = _target("presidencies.Presidency", _("chairmanship"))
    summit = _target("presidencies.Summit", _("meeting"))
    position = _target("presidencies.Position", _("post"))
    member_state = _target("presidencies.MemberState", _("member state"))
    instrument = _target(
        Document,
        _("instrument"),
        related_name="attesting_citations",
        help_text=_("An instrument whose adoption or implementation the quote attests."),
    )

    # Where the quote stands in the document's cleaned text, in code points; kept in step by
    # save() here and by Document.save() when the text changes (verify_citations checks).
    quote_start = models.PositiveIntegerField(
        _("quote start"), null=True, blank=True, editable=False
    )
    quote_end = models.PositiveIntegerField(_("quote end"), null=True, blank=True, editable=False)
    # The URL text fragment directive that opens a page at the quote (documents.fragments),
    # stored with the offsets so that lists of quotes need not load the documents' texts.
    text_directive = models.TextField(_("text fragment directive"), blank=True, editable=False)

    history = HistoricalRecords()
    objects = CitationQuerySet.as_manager()

    # What a citation can back: one list for the model, the admin, the pages and the API.
    TARGETS = CITATION_TARGETS

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        ordering = ["document", "pk"]
        constraints = [
            not_blank("quote"),
            models.CheckConstraint(
                condition=functools.reduce(
                    operator.or_, (Q(**{f"{name}__isnull": False}) for name in CITATION_TARGETS)
                ),
                name="citation_has_a_subject",
            ),
            one_of("role", CitationRole),
        ]

    def __str__(self) -> str:
        short = self.quote if len(self.quote) <= 80 else self.quote[:77] + "…"
        return f"“{short}”"

    @property
    def subject(self):
        for name in self.TARGETS:
            value = getattr(self, name)
            if value is not None:
                return value
        return None

    @property
    def paragraph(self) -> int | None:
        return self.document.paragraph_of(self.quote)

    def _has(self, name: str) -> bool:
        # An unsaved record assigned (the admin's inline) has no id yet but is the attribute's
        # value; a missing required one raises RelatedObjectDoesNotExist, an AttributeError.
        return getattr(self, f"{name}_id") is not None or getattr(self, name, None) is not None

    def _has_document(self) -> bool:
        return bool(self._has("document"))

    def anchor(self) -> None:
        """Sets the offsets from the document's text (the first place the quote stands)."""
        start = find_anchor(self.document.text, self.quote, self.quote_start)
        if start is None:
            start = self.document.text.find(self.quote)
        self.set_anchor(self.document.text, None if start == -1 else start)

    def set_anchor(self, text: str, start: int | None) -> None:
        if start is None:
            self.quote_start = self.quote_end = None
            self.text_directive = ""
        else:
            self.quote_start, self.quote_end = start, start + len(self.quote)
            self.text_directive = text_directive(text, self.quote_start, self.quote_end)

    def save(self, *args, **kwargs) -> None:
        self.anchor()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """The exact passage in the source document."""
        return self.document.get_absolute_url() + f"#citation-{self.pk}"

    def clean(self) -> None:
        super().clean()
        if not self.quote.strip():
            raise ValidationError({"quote": _("The quote is missing.")})
        # The admin validates inline citations against the unsaved document being edited,
        # so read the related object, not only its id.
        document = self.document if self._has_document() else None
        if document is not None and self.quote not in document.text:
            raise ValidationError(
                {
                    "quote": ValidationError(
                        _("The quote does not stand verbatim in the document's cleaned text."),
                        code=CONFLICT,
                    )
                }
            )
        if document is not None and document.paragraph_of(self.quote) is None:
            # The page highlights and anchors quotes paragraph by paragraph.
            raise ValidationError(
                {
                    "quote": ValidationError(
                        _(
                            "The quote must stand within a single paragraph of the document's "
                            "cleaned text, but it runs across a paragraph break: make one "
                            "citation for each paragraph."
                        ),
                        code=CONFLICT,
                    )
                }
            )
        if not any(self._has(name) for name in self.TARGETS):
            # The admin inline sets the priority or document itself; a stand-alone
            # citation must say what it backs.
            raise ValidationError(_("Say what the quote backs: a priority, a meeting, a post, …"))
