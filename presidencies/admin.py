"""Editors' admin for chairmanships, themes, priorities, officials and meetings."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from cstokb.versioncheck import VersionCheckAdminMixin
from documents.models import Citation

from .models import MemberState, Official, Position, Presidency, Priority, Summit, Theme


def has_related_filter(relation: str, title: str, parameter: str, yes: str, no: str):
    """A yes/no list filter: rows that have at least one `relation`, or none."""

    class HasRelatedFilter(admin.SimpleListFilter):
        def lookups(self, request, model_admin):
            return [("yes", yes), ("no", no)]

        def queryset(self, request, queryset):
            if self.value() == "yes":
                return queryset.filter(**{f"{relation}__isnull": False}).distinct()
            if self.value() == "no":
                return queryset.filter(**{f"{relation}__isnull": True})
            return queryset

    HasRelatedFilter.title = title
    HasRelatedFilter.parameter_name = parameter
    return HasRelatedFilter


class ChairmanshipFilter(admin.RelatedOnlyFieldListFilter):
    """The chairmanships that set priorities on a theme (named as the admin names them)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = "chairmanship"


class CitationInline(admin.TabularInline):
    model = Citation
    extra = 0
    autocomplete_fields = ["document"]
    fields = ["document", "quote", "role", "note"]


@admin.register(MemberState)
class MemberStateAdmin(VersionCheckAdminMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "iso_code", "slug", "updated_at"]
    list_filter = [
        has_related_filter("presidencies", "chaired the CSTO", "chaired", "Yes", "No"),
    ]
    search_fields = ["name", "iso_code"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Presidency)
class PresidencyAdmin(VersionCheckAdminMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["__str__", "slug", "start_date", "end_date", "concluded", "motto", "updated_at"]
    list_filter = ["chair", "concluded"]
    search_fields = ["slug", "motto", "summary", "chair__name"]
    autocomplete_fields = ["chair"]
    date_hierarchy = "start_date"
    list_select_related = ["chair"]
    inlines = [CitationInline]
    history_list_display = ["start_date", "end_date", "motto"]
    fieldsets = [
        (None, {"fields": ["chair", "year", "slug"]}),
        ("Period", {"fields": ["start_date", "end_date", "concluded"]}),
        ("Content", {"fields": ["motto", "website", "summary", "editorial_note"]}),
    ]


@admin.register(Theme)
class ThemeAdmin(VersionCheckAdminMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "slug", "updated_at"]
    list_filter = [
        has_related_filter("priorities", "has priorities", "has_priorities", "Yes", "No"),
        ("priorities__presidency", ChairmanshipFilter),
    ]
    search_fields = ["name", "description", "keywords", "keywords_ru"]
    prepopulated_fields = {"slug": ["name"]}


class PriorityCitationInline(CitationInline):
    fk_name = "priority"


@admin.register(Priority)
class PriorityAdmin(VersionCheckAdminMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["title", "presidency", "theme", "status", "order", "updated_at"]
    list_filter = ["status", "theme", "presidency"]
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
        ("positions__member_state", admin.RelatedOnlyFieldListFilter),
        "positions__organisation",
        has_related_filter("documents", "speaks in a document", "speaker", "Yes", "No"),
    ]
    search_fields = ["name", "aliases", "positions__title"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PositionInline]


@admin.register(Position)
class PositionAdmin(VersionCheckAdminMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["official", "title", "member_state", "organisation", "start_date", "end_date"]
    list_filter = ["member_state", "organisation", "ended"]
    search_fields = ["official__name", "title", "organisation"]
    autocomplete_fields = ["official", "member_state"]
    date_hierarchy = "start_date"
    list_select_related = ["official", "member_state"]


class SummitCitationInline(CitationInline):
    fk_name = "summit"


@admin.register(Summit)
class SummitAdmin(VersionCheckAdminMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["title", "kind", "date", "city", "attendance", "status", "presidency"]
    list_filter = ["kind", "status", "attendance", "presidency"]
    search_fields = ["title", "city", "venue", "participants__name"]
    autocomplete_fields = ["presidency", "participants"]
    date_hierarchy = "date"
    list_select_related = ["presidency__chair"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SummitCitationInline]
    history_list_display = ["date", "status", "city"]
