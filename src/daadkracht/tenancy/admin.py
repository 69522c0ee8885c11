"""Platform administration of municipalities and their memberships (superusers only)."""

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from daadkracht.tenancy.models import Department, Membership, Municipality


class MembershipInline(admin.TabularInline[Membership, Municipality]):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]
    fields = ["user", "role", "department"]

    def get_formset(self, request, obj=None, **kwargs):  # type: ignore[no-untyped-def]
        formset = super().get_formset(request, obj, **kwargs)
        department_field = formset.form.base_fields["department"]
        department_field.queryset = (  # type: ignore[attr-defined]
            Department.unscoped.filter(municipality=obj, deleted_at=None)
            if obj
            else Department.unscoped.none()
        )
        return formset


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin[Municipality]):
    list_display = ["name", "slug", "province", "population", "is_demo", "created_at"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]

    def add_view(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        """A new municipality is added with its first coordinator's invitation, in one step."""
        return redirect("platform:municipality_create")

    def save_formset(self, request, form, formset, change):  # type: ignore[no-untyped-def]
        for inline_form in formset.forms:
            if inline_form.instance and not inline_form.instance.municipality_id:
                inline_form.instance.municipality = form.instance
        super().save_formset(request, form, formset, change)
