"""A paginator that counts as little as it can.

A list's COUNT(*) reads every row it counts (the whole document table for the unfiltered
list: 100,000 rows at every request). A queryset whose model keeps its total
(`kept_count()`, cstokb.counts) gives it for the whole table; any other total is counted
once per knowledge-base revision: the same filters give the same total until an editor's
change bumps the revision, which every cache key names (cstokb/cache.py).
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
        kept = getattr(self.object_list, "kept_count", None)
        if kept is not None and (total := kept()) is not None:
            return total
        # The compiled SQL and its values name the rows counted.
        sql, params = query.sql_with_params()
        parts = (query.model._meta.label, sql, repr(params))
        return per_revision("count", lambda: Paginator.count.func(self), parts=parts)
