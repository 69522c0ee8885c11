"""The one scoping mechanism: tenant data is only ever read within an explicit scope."""

import pytest
from django import forms

from daadkracht.access.context import (
    TenantNotActive,
    active_municipality,
    platform_scope,
    tenant_scope,
)
from daadkracht.accounts.models import Invitation
from daadkracht.history.models import AuditEntry
from daadkracht.tenancy.models import Department, Membership

# Built when the module is imported, long before any municipality is active: as a form field
# declared on a form class would be.
DEPARTMENT_FIELD = forms.ModelChoiceField(queryset=Department.objects.all())


class ImportTimeForm(forms.Form):
    department = forms.ModelChoiceField(queryset=Department.objects.order_by("name"))


def offered_names(field: forms.ModelChoiceField) -> set[str]:
    return {str(label) for value, label in field.choices if str(value)}


@pytest.mark.parametrize("model", [Department, Membership, Invitation, AuditEntry])
def test_querying_tenant_data_without_a_scope_raises(world, model):
    with pytest.raises(TenantNotActive):
        list(model.objects.all())
    with pytest.raises(TenantNotActive):
        model.objects.count()


def test_building_a_query_without_a_scope_is_harmless_until_it_runs(world):
    queryset = Department.objects.filter(name__startswith="M")

    with tenant_scope(world.a):
        assert [d.name for d in queryset] == ["Mobiliteit"]
    with pytest.raises(TenantNotActive):
        queryset.all().exists()


def test_related_lookups_are_scoped_too(world):
    with tenant_scope(world.b):
        assert not Department.objects.filter(memberships__user__email="editor@alfa.test").exists()
        assert Membership.objects.filter(department=world.department_a).count() == 0


def test_a_tenant_scope_shows_only_that_municipality(world):
    with tenant_scope(world.a):
        assert active_municipality() == world.a
        assert {d.name for d in Department.objects.all()} == {"Mobiliteit", "Groendienst"}
        assert not Department.objects.filter(pk=world.department_b.pk).exists()
        assert Membership.objects.count() == 4
    with tenant_scope(world.b):
        assert [d.name for d in Department.objects.all()] == ["Omgeving"]
        assert Membership.objects.count() == 1
    assert active_municipality() is None


def test_scopes_nest_and_restore(world):
    with tenant_scope(world.a):
        with tenant_scope(world.b):
            assert [d.name for d in Department.objects.all()] == ["Omgeving"]
        assert Department.objects.count() == 2
        with platform_scope():
            assert active_municipality() is None
            assert Department.objects.count() == 3
        assert active_municipality() == world.a


def test_the_scope_is_restored_after_an_error(world):
    with pytest.raises(ZeroDivisionError), tenant_scope(world.a):
        1 / 0  # noqa: B018
    with pytest.raises(TenantNotActive):
        Department.objects.count()


def test_platform_scope_sees_every_municipality(world):
    with platform_scope():
        assert {d.name for d in Department.objects.all()} == {
            "Mobiliteit",
            "Groendienst",
            "Omgeving",
        }
        assert Membership.objects.count() == 5


def test_the_trash_is_scoped_and_separate(world):
    with platform_scope():
        Department.unscoped.filter(pk__in=[world.department_a.pk, world.department_b.pk]).update(
            deleted_at="2026-01-01T00:00:00Z"
        )

    with tenant_scope(world.a):
        assert [d.name for d in Department.objects.all()] == ["Groendienst"]
        assert [d.name for d in Department.trash.all()] == ["Mobiliteit"]
    with platform_scope():
        assert Department.trash.count() == 2
    assert Department.unscoped.count() == 3


def test_unscoped_is_unfiltered_without_a_scope(world):
    assert Department.unscoped.count() == 3


def test_an_import_time_choice_field_offers_only_the_active_municipality(world):
    with tenant_scope(world.a):
        offered = offered_names(DEPARTMENT_FIELD)
        assert offered == {"Mobiliteit", "Groendienst"}
        assert DEPARTMENT_FIELD.clean(str(world.department_a.pk)) == world.department_a
        with pytest.raises(forms.ValidationError):
            DEPARTMENT_FIELD.clean(str(world.department_b.pk))

    with tenant_scope(world.b):
        offered = offered_names(DEPARTMENT_FIELD)
        assert offered == {"Omgeving"}
        with pytest.raises(forms.ValidationError):
            DEPARTMENT_FIELD.clean(str(world.department_a.pk))


def test_a_form_class_declared_at_import_time_is_scoped_per_use(world):
    with tenant_scope(world.b):
        form = ImportTimeForm(data={"department": world.department_a.pk})
        assert not form.is_valid()
        assert "department" in form.errors
        assert "Mobiliteit" not in str(form["department"])
        assert "Omgeving" in str(form["department"])

    with tenant_scope(world.a):
        form = ImportTimeForm(data={"department": world.department_a.pk})
        assert form.is_valid()
        assert form.cleaned_data["department"] == world.department_a
