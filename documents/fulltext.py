"""A document's full-text vectors, as Django fields: stored generated `tsvector` columns.

PostgreSQL computes both on every write, whoever writes (the admin, the API, a bulk
insert), in the text-search configuration of the document's language (`english`,
`russian`, `simple` otherwise), chosen per row as djangoproject.com's documentation
search does:
- `search_vector`: the title (weight A) and the whole text (B); what matches;
- `search_rank_vector`: the title and the opening RANK_TEXT_CHARS characters of the text:
  small enough to be stored inline, never TOASTed, so that ranking thousands of matches
  does not decompress every document's full vector; its own GIN index finds the title
  and opening matches first (search/backends.py).

The vectors are for the database's indexes only: they are never read into Python (a
full vector is as large as the text; every document query would otherwise fetch and
print it), so they are selected as NULL and not returned by INSERT or UPDATE.

SQLite has no tsvector: there the columns hold NULL and search reads FTS5 tables
(search/sqlite_sql.py).
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchConfig, SearchVector, SearchVectorField
from django.db import models
from django.db.models.functions import Left

# Language code of a document -> the text-search configuration it is indexed with.
# PostgreSQL's `russian` stems Latin words as `english` does, so a Russian document's
# English names are found too.
LANGUAGE_CONFIGS = {"en": "english", "ru": "russian"}
OTHER_CONFIG = "simple"
RANK_TEXT_CHARS = 600


def language_config(language: str = "language") -> models.Case:
    """The regconfig of a row from its language column. Each branch is a regconfig
    constant, so the expression is immutable, as a generated column requires."""
    return models.Case(
        *(
            models.When(**{language: code}, then=SearchConfig(name))
            for code, name in LANGUAGE_CONFIGS.items()
        ),
        default=SearchConfig(OTHER_CONFIG),
        output_field=models.TextField(),
    )


class PostgresOnly(models.Func):
    """The wrapped expression on PostgreSQL; NULL on other databases."""

    template = "%(expressions)s"

    def as_sql(self, compiler, connection, **extra_context):
        if connection.vendor != "postgresql":
            return "NULL", []
        return super().as_sql(compiler, connection, **extra_context)


class UnreadVectorField(SearchVectorField):
    """A tsvector selected as NULL: Django reads a generated column through its output
    field (a lookup or an annotation on it still reads the column)."""

    def select_format(self, compiler, sql, params):
        return "NULL", []


class IndexVectorField(models.GeneratedField):
    """A stored generated tsvector that only the database reads (see the module's doc)."""

    db_returning = False

    def __init__(self, *, expression, **kwargs):
        kwargs.setdefault("output_field", UnreadVectorField())
        kwargs.setdefault("db_persist", True)
        super().__init__(expression=PostgresOnly(expression), **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["expression"] = kwargs["expression"].source_expressions[0]
        del kwargs["output_field"], kwargs["db_persist"]
        return name, path, args, kwargs

    @property
    def referenced_fields(self):
        # What a save() refreshes through RETURNING: nothing, the value is never read.
        return frozenset()


def weighted_vector(text: models.Expression | str, weight: str) -> SearchVector:
    return SearchVector(text, config=language_config(), weight=weight)


def document_vector() -> models.Expression:
    return weighted_vector("title", "A") + weighted_vector("text", "B")


def ranking_vector() -> models.Expression:
    return weighted_vector("title", "A") + weighted_vector(Left("text", RANK_TEXT_CHARS), "B")


class VectorIndex(GinIndex):
    """A GIN index on PostgreSQL; elsewhere, where the vector is NULL, a plain one."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return models.Index.create_sql(self, model, schema_editor, using=using, **kwargs)
        return super().create_sql(model, schema_editor, using=using, **kwargs)
