"""API tokens in the admin: seen and revoked there, made by `create_editor --token` or the API."""

from django.contrib import admin
from knox.models import AuthToken

from .models import ApiToken

# knox registers its own model, which KNOX_TOKEN_MODEL replaces (it has no table).
if admin.site.is_registered(AuthToken):
    admin.site.unregister(AuthToken)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "token_key", "created", "expiry"]
    list_filter = ["expiry"]
    search_fields = ["name", "token_key", "user__username"]
    fields = ["name", "user", "token_key", "created", "expiry"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False  # a token made here could not be shown safely; see create_editor

    def has_change_permission(self, request, obj=None) -> bool:
        return False
