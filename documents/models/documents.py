"""Source documents, and the works that group the versions of one statement."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cstokb import counts, fields
from cstokb.constraints import not_blank, one_of, unique
from cstokb.labels import choice_label
from cstokb.models import CONFLICT, RecordPageModel, long_date

from ..fulltext import IndexVectorField, VectorIndex, document_vector, ranking_vector
from .text import find_anchor, split_paragraphs, text_fingerprint, validate_uri_characters


class DocumentQuerySet(models.QuerySet):
    def with_related(self) -> "DocumentQuerySet":
        # Lists show the chairmanship, the meeting and the speakers of every row.
        return self.select_related("presidency__chair", "summit").prefetch_related("speakers")

    def sources(self) -> "DocumentQuerySet":
        """Documents that have a text (statements, reports), not instruments known only by name."""
        return self.exclude(text="")

    def instruments(self) -> "DocumentQuerySet":
        return self.filter(kind__in=Document.INSTRUMENT_KINDS)

    def reports(self) -> "DocumentQuerySet":
        """Everything that is not an instrument: statements, reports, speeches."""
        return self.exclude(kind__in=Document.INSTRUMENT_KINDS)

    def in_version_order(self) -> "DocumentQuerySet":
        """Versions of a work as they are listed: the original first, then by language and date."""
        original_first = models.Case(
            models.When(version_role=VersionRole.ORIGINAL, then=0), default=1
        )
        return self.order_by(
            original_first, "language", models.F("date").asc(nulls_last=True), "pk"
        )

    def kept_count(self) -> int | None:
        """The number of documents, as PostgreSQL keeps it (cstokb.counts), when this
        queryset selects them all; None otherwise: the caller counts."""
        if not counts.counts_every_row(self.query):
            return None
        return counts.total(self.model._meta.db_table, self.db)


class DocumentKind(models.TextChoices):
    NEWS_REPORT = "news_report", _("News report")
    STATEMENT = "statement", _("Statement")
    REMARKS = "remarks", _("Remarks")
    SPEECH = "speech", _("Speech")
    PRESS_RELEASE = "press_release", _("Press release")
    TRANSCRIPT = "transcript", _("Transcript")
    INTERVIEW = "interview", _("Interview")
    ARTICLE = "article", _("Article")
    DECLARATION = "declaration", _("Declaration")
    DECISION = "decision", _("Decision")
    STRATEGY = "strategy", _("Strategy")
    PLAN = "plan", _("Plan")
    TREATY = "treaty", _("Treaty or charter")
    ADOPTED_STATEMENT = "adopted_statement", _("Statement adopted by a CSTO body")
    OTHER = "other", _("Other")


class Work(RecordPageModel):
    """One statement as a whole: the texts that give it (original, translations, or several
    renderings of an original the knowledge base lacks) are its versions, each a Document."""

    slug = models.SlugField(_("slug"), max_length=200)
    title = models.CharField(
        _("title"), max_length=400, help_text=_("An editorial title for the statement.")
    )
    original_language = models.CharField(
        _("original language"),
        max_length=10,
        blank=True,
        help_text=_("Language of the original; empty when not known."),
    )
    editorial_note = fields.editorial_note(
        _("What shows that these texts are versions of one statement.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("work")
        verbose_name_plural = _("works")
        ordering = ["title", "pk"]
        constraints = [
            unique("slug", message=_("Another work already has this slug.")),
            not_blank("title"),
        ]

    def __str__(self) -> str:
        return self.title


class VersionRole(models.TextChoices):
    ORIGINAL = "original", _("Original")
    TRANSLATION = "translation", _("Translation")
    # Two renderings can be known to give one statement without either saying which it is.
    UNSTATED = "unstated", _("Not stated whether original or translation")


def occasion(to: str, verbose_name, help_text) -> models.ForeignKey:
    """What a document came out of (a chairmanship, a meeting), where known."""
    return fields.reference(to, verbose_name, "documents", optional=True, help_text=help_text)


class Document(RecordPageModel):
    Kind = DocumentKind
    VersionRole = VersionRole

    # Kinds that are instruments: adopted, signed or approved, and carried out afterwards.
    INSTRUMENT_KINDS = (
        "declaration",
        "decision",
        "strategy",
        "plan",
        "treaty",
        "adopted_statement",
    )

    slug = models.SlugField(_("slug"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    title = models.CharField(
        pgettext_lazy("a document's", "title"),
        max_length=400,
        blank=True,
        help_text=_("As the source gives it; empty when it gives none."),
    )
    date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("Empty when the source gives none.")
    )
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    source_url = models.URLField(
        _("source URL"), max_length=500, blank=True, validators=[validate_uri_characters]
    )
    language = models.CharField(_("language"), max_length=10, default="en")
    speakers = fields.related_records(
        "presidencies.Official",
        _("speakers"),
        "documents",
        help_text=_("The officials who speak or are quoted as authors."),
    )
    presidency = occasion(
        "presidencies.Presidency",
        _("chairmanship"),
        _("The chairmanship in office when the document was issued."),
    )
    summit = occasion(
        "presidencies.Summit",
        _("meeting"),
        _("The meeting it reports on or, for an instrument, adopted it."),
    )
    text = models.TextField(
        _("text"), blank=True, help_text=_("Cleaned text; paragraphs separated by a blank line.")
    )
    raw_text = models.TextField(
        _("raw text"), blank=True, help_text=_("The text as received, before cleaning.")
    )
    text_hash = models.CharField(_("text hash"), max_length=64, blank=True, editable=False)
    editorial_note = fields.editorial_note()
    work = fields.reference(
        Work,
        _("work"),
        "versions",
        optional=True,
        help_text=_("The statement this text is a version of (with its other versions)."),
    )
    version_role = models.CharField(
        _("version role"),
        max_length=12,
        choices=VersionRole,
        default=VersionRole.UNSTATED,
        help_text=_("Whether this version is the original or a translation, where known."),
    )
    translator = models.CharField(
        _("translator"),
        max_length=200,
        blank=True,
        help_text=_("Who translated it, where the source says."),
    )

    # Full-text vectors computed by PostgreSQL (documents/fulltext.py); NULL on SQLite.
    search_vector = IndexVectorField(expression=document_vector())
    search_rank_vector = IndexVectorField(expression=ranking_vector())

    # raw_text is kept in history too: the text as received is never lost, even if edited.
    history = HistoricalRecords(
        m2m_fields=[speakers], excluded_fields=["search_vector", "search_rank_vector"]
    )
    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = [models.F("date").desc(nulls_last=True), "pk"]
        constraints = [
            unique("slug", message=_("Another document already has this slug.")),
            # The same cleaned text is never stored twice (instruments without text excepted).
            # Code "unique": a text already stored is a conflict with what is stored (a 409).
            models.UniqueConstraint(
                fields=["text_hash"],
                condition=~Q(text_hash=""),
                name="document_unique_text",
                violation_error_message=_("A document with the same text is already stored."),
                violation_error_code="unique",
            ),
            one_of("kind", DocumentKind),
            models.CheckConstraint(
                condition=~Q(title="") | ~Q(text=""), name="document_title_or_text"
            ),
            one_of("version_role", VersionRole),
            # A work has at most one original; its other versions are translations of it.
            models.UniqueConstraint(
                fields=["work"],
                condition=Q(version_role="original"),
                name="document_one_original_per_work",
            ),
            # Original, translation and translator describe a version: only within a work.
            models.CheckConstraint(
                condition=Q(work__isnull=False) | Q(version_role="unstated", translator=""),
                name="document_version_needs_work",
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "date"], name="document_kind_date_idx"),
            models.Index(fields=["presidency", "date"], name="document_presidency_date_idx"),
            # The document list's publisher filter reads the distinct publishers: an index-only
            # scan instead of reading every document.
            models.Index(fields=["publisher"], name="document_publisher_idx"),
            VectorIndex(fields=["search_vector"], name="document_vector_gin"),
            VectorIndex(fields=["search_rank_vector"], name="document_rank_vector_gin"),
        ]
        # Newest-first indexes (date DESC NULLS LAST) exist on PostgreSQL only: migration 0005.

    def __str__(self) -> str:
        return self.display_title

    @property
    def is_instrument(self) -> bool:
        return self.kind in self.INSTRUMENT_KINDS

    @property
    def display_title(self) -> str:
        """The source's title, or a description built from the metadata when it gives none."""
        if self.title:
            return self.title
        parts = [choice_label(self, "kind")]
        if self.publisher:
            parts.append(self.publisher)
        parts.append(long_date(self.date) if self.date else gettext("undated"))
        return ", ".join(parts)

    def paragraphs(self) -> list[str]:
        return split_paragraphs(self.text)

    def paragraph_of(self, quote: str) -> int | None:
        """1-based number of the paragraph that holds `quote`, for the #p-N anchor."""
        for number, paragraph in enumerate(self.paragraphs(), start=1):
            if quote in paragraph:
                return number
        return None

    def save(self, *args, **kwargs) -> None:
        self.text_hash = text_fingerprint(self.text)
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.reanchor_citations()

    def lost_citations(self) -> list[models.Model]:
        """Stored citations the current (possibly edited) text can no longer anchor."""
        if self.pk is None:
            return []
        return [
            c
            # Not self.citations itself: a prefetched relation (the API's) carries its
            # select_related; its model's own manager reads the rows afresh.
            for c in self.citations.model.objects.filter(document=self).only(
                "id", "quote", "quote_start", "document_id"
            )
            if find_anchor(self.text, c.quote, c.quote_start) is None
        ]

    def reanchor_citations(self) -> None:
        """Moves each citation's offsets to where its quote now stands (see find_anchor)."""
        citations = self.citations.model.objects
        moved = []
        fields = ["quote_start", "quote_end", "text_directive"]
        for citation in citations.filter(document=self).only("id", "quote", *fields):
            start = find_anchor(self.text, citation.quote, citation.quote_start)
            if start is None:
                continue  # refused by clean(); verify_citations reports a bypass
            before = (citation.quote_start, citation.text_directive)
            citation.set_anchor(self.text, start)
            # The directive changes with the text around the quote, not only with its place.
            if (citation.quote_start, citation.text_directive) != before:
                moved.append(citation)
        if moved:
            citations.bulk_update(moved, fields)

    def clean(self) -> None:
        super().clean()
        if not self.title and not self.text.strip():
            raise ValidationError(_("A document needs a title or a text."))
        if len(self.text) > settings.DOCUMENT_TEXT_MAX_CHARS:
            limit = settings.DOCUMENT_TEXT_MAX_CHARS
            raise ValidationError(
                {
                    "text": _("The text is longer than %(limit)s characters.")
                    % {"limit": f"{limit:,}"}
                }
            )
        if self.work_id is None and (self.version_role != VersionRole.UNSTATED or self.translator):
            raise ValidationError(
                {"work": _("An original or a translation is a version of a work: choose the work.")}
            )
        if (
            self.work_id is not None
            and self.version_role == VersionRole.ORIGINAL
            and Document.objects.filter(work_id=self.work_id, version_role=VersionRole.ORIGINAL)
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError(
                {
                    "version_role": ValidationError(
                        _("This work already has an original."), code=CONFLICT
                    )
                }
            )
        lost = self.lost_citations()
        if lost:
            # Refused rather than saved with dangling quotes: the editor fixes the text or
            # the citations first (a quote standing once elsewhere is re-anchored instead).
            listing = "; ".join(f"#{c.pk} {c}" for c in lost)
            message = _(
                "The new text drops or repeats the quotes of %(count)d citation(s), "
                "which would no longer stand exactly once: %(list)s. Keep each quote "
                "verbatim, or change those citations first."
            ) % {"count": len(lost), "list": listing}
            raise ValidationError({"text": ValidationError(message, code=CONFLICT)})
        fingerprint = text_fingerprint(self.text)
        if fingerprint and (
            Document.objects.exclude(pk=self.pk).filter(text_hash=fingerprint).exists()
        ):
            raise ValidationError(
                {
                    "text": ValidationError(
                        _("A document with the same text is already stored."), code=CONFLICT
                    )
                }
            )
