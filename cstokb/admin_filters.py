"""The editors' admin filters whose options are editorial labels (modeltranslation): each option
in the editor's language, and where a label has no version in it, the English marked lang="en",
as the public pages mark it (the admin writes an option's name as HTML)."""

from collections.abc import Iterator

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import reverse_field_path
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

from .labels import falls_back, in_default_language


class _NamesOptions:
    """Rewrites the name of each option (after "All", before the empty one) from names()."""

    def names(self) -> list[tuple[str, str]]:
        """(the option's plain name as the filter writes it, its marked name), in order."""
        raise NotImplementedError

    def choices(self, changelist) -> Iterator[dict]:
        choices = super().choices(changelist)
        yield next(choices)  # "All"
        for (plain, marked), choice in zip(self.names(), choices, strict=False):
            # With facets the filter appends " (count)" to the plain name.
            yield {
                **choice,
                "display": format_html("{}{}", marked, choice["display"][len(plain) :]),
            }
        yield from choices


class LabelledRelatedFilter(_NamesOptions, admin.RelatedFieldListFilter):
    """A filter on a relation whose rows are named by editorial labels: `labels` are paths
    from the related row to them ("name", or "chair__name" through a relation, joined in the
    same query). `only_used` keeps the rows the listed records point to, as Django's
    RelatedOnlyFieldListFilter does."""

    labels: tuple[str, ...] = ()
    only_used = False

    def field_choices(self, field, request, model_admin):
        rows = field.related_model._default_manager.all()
        if self.only_used:
            used = model_admin.get_queryset(request).values_list(f"{self.field_path}__pk")
            rows = rows.filter(pk__in=used)
        if ordering := self.field_admin_ordering(field, request, model_admin):
            rows = rows.order_by(*ordering)
        if relations := {path.rpartition("__")[0] for path in self.labels} - {""}:
            rows = rows.select_related(*relations)
        self.rows = list(rows)
        return [(row.pk, str(row)) for row in self.rows]

    def names(self) -> list[tuple[str, str]]:
        return [(str(row), self._marked(row)) for row in self.rows]

    def _marked(self, row) -> str:
        for path in self.labels:
            *relations, field = path.split("__")
            holder = row
            for relation in relations:
                holder = getattr(holder, relation)
            if holder is not None and falls_back(holder, field):
                return in_default_language(str(row))
        return conditional_escape(str(row))


def labelled_by(*labels: str, only_used: bool = False) -> type[LabelledRelatedFilter]:
    return type(
        "LabelledRelatedFilter",
        (LabelledRelatedFilter,),
        {"labels": labels, "only_used": only_used},
    )


class LabelValuesFilter(_NamesOptions, admin.AllValuesFieldListFilter):
    """The values of a label, filtered on its English column (declared as `title_en`): the
    same key in every language, and every row has one. Each option is named by a row's
    version in the editor's language, else by the English, marked."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        label = field.translated_field
        self.title = label.verbose_name
        self.lookup_choices = self.lookup_choices.exclude(**{field.name: ""})
        self.versions: dict[str, str] = {}
        language = get_language()
        if language != settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
            local = build_localized_fieldname(label.name, language)
            parent_model, _path = reverse_field_path(model, field_path)
            rows = parent_model._default_manager.exclude(**{local: ""}).exclude(
                **{f"{local}__isnull": True}
            )
            self.versions = dict(rows.order_by("pk").values_list(field.name, local))

    def names(self) -> list[tuple[str, str]]:
        names = []
        for value in self.lookup_choices:
            if value is None:
                continue  # the empty option, named by the admin
            plain = str(value)
            if plain in self.versions:
                names.append((plain, conditional_escape(self.versions[plain])))
            elif get_language() != settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
                names.append((plain, in_default_language(plain)))
            else:
                names.append((plain, conditional_escape(plain)))
        return names
