"""History of many-to-many changes made from either side of the relation."""

from simple_history.models import HistoricalRecords


class HistoricalRecordsBothSides(HistoricalRecords):
    """django-simple-history records a change of a tracked many-to-many field on the instance
    the signal names; from the reverse side (`document.implemented_priorities.clear()`) that
    is the other model's row, which it tries to store as this model's history (TypeError on
    fields the other history excludes). A reverse change is recorded on each row of this
    model whose set changed, as the same change made from this side would be."""

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        if not reverse:
            return super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)
        model = kwargs["model"]
        if action == "pre_clear":
            # post_clear names no rows: note which rows the clear is about to change.
            instance._history_cleared = list(model._default_manager.filter(**{attr: instance}))
            return None
        if action == "post_clear":
            changed = instance.__dict__.pop("_history_cleared", [])
        elif action in ("post_add", "post_remove"):
            changed = model._default_manager.filter(pk__in=pk_set)
        else:
            return None
        for row in changed:
            super().m2m_changed(row, action, attr, None, False, **kwargs)
        return None
