"""Give every row that was written without history (fixtures, raw loads) a history record.

`loaddata` saves rows raw, and django-simple-history records nothing for raw saves, so the
shipped knowledge base would start without history: the first edit of a seeded record
would then be the oldest version and the original value could not be restored in the admin.
Run this after `loaddata` (``make run`` and the tests' ``seed`` fixture do).

simple-history's own ``populate_history --auto`` does not do: it skips a whole model as soon
as any of its rows has history (``loaddata`` already records a "~" version for the rows whose
many-to-many fields it sets, so most priorities, meetings and documents would get none) and
it stores no many-to-many history. This command works row by row:

- a row without any history gets a "+" record, dated when the row was last changed, with
  its many-to-many fields;
- a row whose newest record does not match it (another field value or many-to-many set, or
  the newest record is a deletion) gets a "~" record of what is stored. That covers the
  versions ``loaddata`` records while the rows a many-to-many field points to are not loaded
  yet (a priority's instruments come in a later fixture file), and fixtures loaded again over
  an editor's change: the history then shows what is stored, and the editor's version can
  still be restored from the record before.

Running it again records nothing new.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from simple_history.models import HistoricalRecords
from simple_history.utils import (
    get_history_manager_for_model,
    get_m2m_field_name,
    get_m2m_reverse_field_name,
)

INITIAL_REASON = "Initial version (recorded after loading without history)"
CHANGED_REASON = "Stored version (changed without history, e.g. by loading fixtures)"


def historical_models() -> list:
    return [m for m in apps.get_models() if hasattr(m._meta, "simple_history_manager_attribute")]


class Command(BaseCommand):
    help = "Record a history version for every row stored without one (run after loaddata)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size: int, verbosity: int, **options):
        total = 0
        with transaction.atomic():
            for model in historical_models():
                initial, changed = History(model, batch_size).record()
                total += initial + changed
                if verbosity >= 2 or (verbosity >= 1 and initial + changed):
                    self.stdout.write(
                        f"{model._meta.label}: {initial} initial, {changed} stored version(s)"
                    )
        if verbosity >= 1:
            self.stdout.write(f"Recorded {total} history version(s).")


class History:
    """The history of one model, compared row by row with what is stored."""

    def __init__(self, model, batch_size: int):
        self.model = model
        self.batch_size = batch_size
        self.manager = get_history_manager_for_model(model)
        self.history_model = self.manager.model
        self.pk_name = model._meta.pk.attname
        self.tracked = [f.attname for f in self.history_model.tracked_fields]
        # (field, its historical through model, source column, target column)
        self.m2m = []
        for field in getattr(self.history_model, "_history_m2m_fields", []):
            through = field.remote_field.through
            self.m2m.append(
                (
                    field,
                    HistoricalRecords.m2m_models[field],
                    through._meta.get_field(get_m2m_field_name(field)).attname,
                    through._meta.get_field(get_m2m_reverse_field_name(field)).attname,
                )
            )

    def record(self) -> tuple[int, int]:
        newest = self.newest_records()
        newest_links = self.newest_links(newest)
        stored_links = self.stored_links()
        now = timezone.now()
        initial, changed = [], []
        for instance in self.model._default_manager.order_by("pk").iterator(
            chunk_size=self.batch_size
        ):
            last = newest.get(instance.pk)
            if last is None:
                when = getattr(instance, "updated_at", None) or now
                instance._history_date = min(when, now)
                instance._change_reason = INITIAL_REASON
                initial.append(instance)
            elif (
                last["history_type"] == "-"
                or any(last[name] != getattr(instance, name) for name in self.tracked)
                or stored_links.get(instance.pk, self.no_links()) != newest_links[instance.pk]
            ):
                instance._history_date = now
                instance._change_reason = CHANGED_REASON
                changed.append(instance)
        for instances, update in ((initial, False), (changed, True)):
            if instances:
                records = self.manager.bulk_history_create(
                    instances, batch_size=self.batch_size, update=update
                )
                self.copy_links(instances, records)
        return len(initial), len(changed)

    def newest_records(self) -> dict:
        newest = {}
        for row in self.history_model.objects.order_by("history_date", "history_id").values(
            "history_id", "history_type", *self.tracked
        ):
            newest[row[self.pk_name]] = row
        return newest

    def no_links(self) -> dict:
        return {field.name: set() for field, *_rest in self.m2m}

    def newest_links(self, newest: dict) -> dict:
        """{row pk: {m2m field name: set of target pks}} as the newest records hold them."""
        pk_of_record = {row["history_id"]: pk for pk, row in newest.items()}
        links = {pk: self.no_links() for pk in newest}
        for field, m2m_history_model, _source, target in self.m2m:
            for record_id, target_id in m2m_history_model.objects.filter(
                history_id__in=list(pk_of_record)
            ).values_list("history_id", target):
                links[pk_of_record[record_id]][field.name].add(target_id)
        return links

    def stored_links(self) -> dict:
        """{row pk: {m2m field name: set of target pks}} as the through tables hold them."""
        links: dict = {}
        for field, _model, source, target in self.m2m:
            through = field.remote_field.through
            for pk, target_id in through.objects.values_list(source, target):
                links.setdefault(pk, self.no_links())[field.name].add(target_id)
        return links

    def copy_links(self, instances: list, records: list) -> None:
        """Copy the many-to-many rows into the new records, as a regular save does."""
        if not self.m2m:
            return
        if any(r.history_id is None for r in records):
            # The database did not return the new ids: read them back (newest per row).
            by_pk = {}
            for record in self.history_model.objects.filter(
                **{f"{self.pk_name}__in": [i.pk for i in instances]}
            ).order_by("history_id"):
                by_pk[getattr(record, self.pk_name)] = record
            records = [by_pk[i.pk] for i in instances]
        pks = [i.pk for i in instances]
        for field, m2m_history_model, source, _target in self.m2m:
            through = field.remote_field.through
            rows_by_pk: dict = {}
            for row in through.objects.filter(**{f"{source}__in": pks}):
                rows_by_pk.setdefault(getattr(row, source), []).append(row)
            m2m_history_model.objects.bulk_create(
                [
                    m2m_history_model(
                        history=record,
                        **{f.attname: getattr(row, f.attname) for f in through._meta.fields},
                    )
                    for record in records
                    for row in rows_by_pk.get(getattr(record, self.pk_name), [])
                ],
                batch_size=self.batch_size,
            )
