"""Editors' admin for documents: a new statement with its links and citations on one screen."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from cstokb.versioncheck import VersionCheckAdminMixin
from presidencies.admin import CHAIRMANSHIPS

from .models import Citation, Document, Work


class DisplayTitle:
    """A document's title column: the source's title, or the one built from its metadata."""

    @admin.display(description=Document._meta.get_field("title").verbose_name)
    def display_title(self, document: Document) -> str:
        return document.display_title


class StatementCitationInline(admin.StackedInline):
    """Quotes from this document and what each one backs (usually a priority)."""

    model = Citation
    fk_name = "document"
    extra = 1
    autocomplete_fields = list(Citation.TARGETS)
    fields = ["quote", "role", *Citation.TARGETS, "note"]


@admin.register(Document)
class DocumentAdmin(DisplayTitle, VersionCheckAdminMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["display_title", "kind", "date", "publisher", "presidency", "summit"]
    list_filter = ["kind", ("presidency", CHAIRMANSHIPS), "language", "version_role", "publisher"]
    search_fields = ["title", "publisher", "text", "speakers__name"]
    autocomplete_fields = ["speakers", "presidency", "summit", "work"]
    date_hierarchy = "date"
    list_select_related = ["presidency__chair", "summit"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [StatementCitationInline]
    history_list_display = ["title", "date", "kind"]
    fieldsets = [
        (
            None,
            {"fields": ["kind", "title", "slug", "date", "publisher", "source_url", "language"]},
        ),
        (_("Links"), {"fields": ["speakers", "presidency", "summit"]}),
        (_("Version of a work"), {"fields": ["work", "version_role", "translator"]}),
        (_("Text"), {"fields": ["text", "raw_text", "editorial_note"]}),
    ]


@admin.register(Citation)
class CitationAdmin(VersionCheckAdminMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "document", "role", "priority", "summit"]
    list_filter = ["role", "document__kind", ("document__presidency", CHAIRMANSHIPS)]
    search_fields = ["quote", "document__title", "priority__title"]
    date_hierarchy = "document__date"
    autocomplete_fields = ["document", *Citation.TARGETS]
    list_select_related = ["document", "priority", "summit"]
    history_list_display = ["quote", "role"]


class VersionInline(DisplayTitle, admin.TabularInline):
    """The work's versions, each edited on its own document page."""

    model = Document
    fk_name = "work"
    fields = ["display_title", "language", "version_role", "translator", "publisher", "date"]
    readonly_fields = fields
    show_change_link = True
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        # A version is attached from the document's page (its "Version of a work" fields).
        return False


@admin.register(Work)
class WorkAdmin(VersionCheckAdminMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["title", "original_language", "slug"]
    list_filter = ["original_language", "versions__language"]
    search_fields = ["title", "slug", "versions__title"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["title", "slug", "original_language", "editorial_note"]
    inlines = [VersionInline]
    history_list_display = ["title"]
