"""A paginator whose total is counted once per knowledge-base revision.

A list's COUNT(*) reads every row it counts (the whole document table for the unfiltered
list: 100,000 rows at every request); the same filters give the same total until an
editor's change bumps the revision, which every cache key names (cstokb/cache.py).
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from .cache import per_revision


class RevisionCountPaginator(Paginator):
    @cached_property
    def count(self) -> int:
        query = getattr(self.object_list, "query", None)
        if query is None:  # a list, not a queryset: nothing to keep
            return Paginator.count.func(self)
        # The compiled SQL and its values name the rows counted.
        sql, params = query.sql_with_params()
        parts = (query.model._meta.label, sql, repr(params))
        return per_revision("count", lambda: Paginator.count.func(self), parts=parts)
