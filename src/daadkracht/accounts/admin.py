"""Platform administration of user accounts."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from daadkracht.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = [
        "email",
        "full_name",
        "language",
        "is_superuser",
        "is_platform_editor",
        "is_active",
    ]
    search_fields = ["email", "full_name"]
    fieldsets = (
        (None, {"fields": ["email", "password"]}),
        (_("Personal details"), {"fields": ["full_name", "language"]}),
        (
            _("Platform rights"),
            {"fields": ["is_active", "is_staff", "is_superuser", "is_platform_editor"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    )
    add_fieldsets = (
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]}),
    )
    filter_horizontal = ()
    list_filter = ["is_superuser", "is_platform_editor", "is_active", "language"]
