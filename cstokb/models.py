"""Abstract building blocks shared by the knowledge base's apps."""

from django.db import models


class TimeStampedModel(models.Model):
    """Records when a row was created and last changed; the API's incremental sync reads it."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True
