"""The knowledge base's revision counter."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class KnowledgeBaseRevision(models.Model):
    """One row counting changes to the knowledge base.

    Kept in the database (not only in a cache) so that every server process and worker
    sees the same version: cached fragments and HTTP validators key on it.
    """

    version = models.PositiveBigIntegerField(_("version"), default=1)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("knowledge base revision")
        verbose_name_plural = _("knowledge base revisions")
        constraints = [models.CheckConstraint(condition=Q(id=1), name="kbrevision_single_row")]

    def __str__(self) -> str:
        return f"revision {self.version}"
