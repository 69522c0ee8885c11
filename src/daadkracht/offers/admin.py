"""Platform administration of support providers: who manages their offers and whom they send as
coach (superusers only). The providers' managers keep the offers themselves."""

from django.contrib import admin

from daadkracht.offers.models import Provider


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin[Provider]):
    list_display = ["name", "slug", "email", "is_demo"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["managers", "coaches"]
