"""Editors' admin for chairmanships, themes, priorities, officials and meetings."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from cstokb.admin_filters import LabelValuesFilter, labelled_by
from cstokb.versioncheck import VersionCheckAdminMixin
from documents.models import Citation

from .models import MemberState, Official, Position, Presidency, Priority, Summit, Theme


def has_related_filter(relation: str, title: str, parameter: str):
    """A yes/no list filter: rows that have at least one `relation`, or none."""

    class HasRelatedFilter(admin.SimpleListFilter):
        def lookups(self, request, model_admin):
            return [("yes", _("Yes")), ("no", _("No"))]

        def queryset(self, request, queryset):
            if self.value() == "yes":
                return queryset.filter(**{f"{relation}__isnull": False}).distinct()
            if self.value() == "no":
                return queryset.filter(**{f"{relation}__isnull": True})
            return queryset

    HasRelatedFilter.title = title
    HasRelatedFilter.parameter_name = parameter
    return HasRelatedFilter


# A chairmanship is named by its chair's name and year ("Russia 2026").
CHAIRMANSHIPS = labelled_by("chair__name")
STATES = labelled_by("name")


class CitationInline(admin.TabularInline):
    model = Citation
    extra = 0
    autocomplete_fields = ["document"]
    fields = ["document", "quote", "role", "note"]


@admin.register(MemberState)
class MemberStateAdmin(VersionCheckAdminMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "iso_code", "slug", "updated_at"]
    list_filter = [
        has_related_filter("presidencies", _("chaired the CSTO"), "chaired"),
    ]
    search_fields = ["name", "iso_code"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Presidency)
class PresidencyAdmin(VersionCheckAdminMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "slug", "start_date", "end_date", "concluded", "motto", "updated_at"]
    list_filter = [("chair", STATES), "concluded"]
    search_fields = ["slug", "motto", "summary", "chair__name"]
    autocomplete_fields = ["chair"]
    date_hierarchy = "start_date"
    list_select_related = ["chair"]
    inlines = [CitationInline]
    history_list_display = ["start_date", "end_date", "motto"]
    fieldsets = [
        (None, {"fields": ["chair", "year", "slug"]}),
        (_("Period"), {"fields": ["start_date", "end_date", "concluded"]}),
        (_("Content"), {"fields": ["motto", "website", "summary", "editorial_note"]}),
    ]


@admin.register(Theme)
class ThemeAdmin(VersionCheckAdminMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "slug", "updated_at"]
    list_filter = [
        has_related_filter("priorities", _("has priorities"), "has_priorities"),
        # The chairmanships that set priorities on a theme.
        ("priorities__presidency", labelled_by("chair__name", only_used=True)),
    ]
    search_fields = ["name", "description", "keywords", "keywords_ru"]
    prepopulated_fields = {"slug": ["name"]}


class PriorityCitationInline(CitationInline):
    fk_name = "priority"


@admin.register(Priority)
class PriorityAdmin(VersionCheckAdminMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["title", "presidency", "theme", "status", "order", "updated_at"]
    list_filter = ["status", ("theme", labelled_by("name")), ("presidency", CHAIRMANSHIPS)]
    search_fields = ["title", "summary", "citations__quote"]
    autocomplete_fields = ["presidency", "theme", "instruments"]
    list_select_related = ["presidency__chair", "theme"]
    # A priority has no date of its own: browse by when it was last changed.
    date_hierarchy = "updated_at"
    inlines = [PriorityCitationInline]
    history_list_display = ["title", "theme", "status"]


class PositionInline(TranslationTabularInline):
    model = Position
    extra = 0
    autocomplete_fields = ["member_state"]
    fields = ["title", "member_state", "organisation", "start_date", "end_date", "ended", "note"]


@admin.register(Official)
class OfficialAdmin(VersionCheckAdminMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "slug", "updated_at"]
    list_filter = [
        ("positions__member_state", labelled_by("name", only_used=True)),
        ("positions__title_en", LabelValuesFilter),
        ("positions__organisation_en", LabelValuesFilter),
        has_related_filter("documents", _("speaks in a document"), "speaker"),
    ]
    search_fields = ["name", "aliases", "positions__title"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PositionInline]


@admin.register(Position)
class PositionAdmin(VersionCheckAdminMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["official", "title", "member_state", "organisation", "start_date", "end_date"]
    list_filter = [("member_state", STATES), ("organisation_en", LabelValuesFilter), "ended"]
    search_fields = ["official__name", "title", "organisation"]
    autocomplete_fields = ["official", "member_state"]
    date_hierarchy = "start_date"
    list_select_related = ["official", "member_state"]


class SummitCitationInline(CitationInline):
    fk_name = "summit"


@admin.register(Summit)
class SummitAdmin(VersionCheckAdminMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["title", "kind", "date", "city", "attendance", "status", "presidency"]
    list_filter = ["kind", "status", "attendance", ("presidency", CHAIRMANSHIPS)]
    search_fields = ["title", "city", "venue", "participants__name"]
    autocomplete_fields = ["presidency", "participants"]
    date_hierarchy = "date"
    list_select_related = ["presidency__chair"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SummitCitationInline]
    history_list_display = ["date", "status", "city"]
