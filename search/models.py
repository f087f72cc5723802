"""The priorities' search table on PostgreSQL, read through Django's search API.

A priority's text is spread over its row and its quotes (documents_citation), so its
vector cannot be a generated column of its own table: search/postgres_sql.py keeps the table
`search_priority` current with triggers, and this unmanaged model only reads it. SQLite
reads its FTS5 tables instead (search/backends.py).

The module also makes Django send this app the post_migrate signal (it skips apps
without a models module), which search.apps uses to check the index after migrations.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class PriorityIndex(models.Model):
    priority_id = models.BigIntegerField(primary_key=True)
    title = models.TextField()
    body = models.TextField()
    vector = SearchVectorField()
    # The title and the opening of the body, inline: what a match is ranked on.
    rank_vector = SearchVectorField()

    class Meta:
        managed = False
        db_table = "search_priority"

    def __str__(self) -> str:
        return self.title


class Word(models.Model):
    """A word of the documents, for "did you mean" on PostgreSQL (search/postgres_sql.py keeps
    the table `search_word` and its trigram index)."""

    word = models.TextField(primary_key=True)

    class Meta:
        managed = False
        db_table = "search_word"

    def __str__(self) -> str:
        return self.word
