"""Writes are guarded like reads: no row of another municipality is created, changed or moved."""

import pytest

from daadkracht.access.context import TenantNotActive, platform_scope, tenant_scope
from daadkracht.common.concurrency import save_if_version
from daadkracht.plans.models import Action, ActionTag, ActionTheme, Tag, Theme
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.scoping import CrossTenantWrite
from daadkracht.testing.factories import as_platform


def test_a_row_is_created_in_the_active_municipality(world):
    with tenant_scope(world.a):
        tag = Tag.objects.create(name="pilot")
    assert tag.municipality_id == world.a.pk


def test_creating_a_row_for_another_municipality_is_refused(world):
    with tenant_scope(world.a), pytest.raises(CrossTenantWrite):
        Tag.objects.create(municipality_id=world.b.pk, name="binnengesmokkeld")
    assert not Tag.unscoped.filter(name="binnengesmokkeld").exists()


def test_moving_a_row_to_another_municipality_by_saving_is_refused(world):
    with tenant_scope(world.a):
        action = Action.objects.get(pk=world.action_a.pk)
        action.municipality_id = world.b.pk
        with pytest.raises(CrossTenantWrite):
            action.save()
    assert Action.unscoped.get(pk=world.action_a.pk).municipality_id == world.a.pk


def test_saving_another_municipality_s_row_is_refused(world):
    with tenant_scope(world.a):
        stranger = Action.unscoped.get(pk=world.action_b.pk)
        stranger.title = "Overgenomen"
        with pytest.raises(CrossTenantWrite):
            stranger.save()
    assert Action.unscoped.get(pk=world.action_b.pk).title == "Geheime actie van Beta"


def test_an_update_that_moves_rows_is_refused(world):
    with tenant_scope(world.a), pytest.raises(CrossTenantWrite):
        Action.objects.filter(pk=world.action_a.pk).update(municipality_id=world.b.pk)
    assert Action.unscoped.get(pk=world.action_a.pk).municipality_id == world.a.pk


def test_an_update_through_the_unscoped_manager_stays_inside_the_municipality(world):
    with tenant_scope(world.a):
        changed = Action.unscoped.filter(pk=world.action_b.pk).update(title="Overgenomen")
        removed, _ = Department.unscoped.filter(pk=world.department_b.pk).delete()
    assert (changed, removed) == (0, 0)
    assert Action.unscoped.get(pk=world.action_b.pk).title == "Geheime actie van Beta"
    assert Department.unscoped.filter(pk=world.department_b.pk).exists()


def test_a_versioned_save_cannot_move_a_row(world):
    with tenant_scope(world.a):
        department = Department.objects.get(pk=world.department_a.pk)
        department.municipality_id = world.b.pk
        with pytest.raises(CrossTenantWrite):
            save_if_version(
                department, expected_version=department.version, fields=["municipality"]
            )
    assert Department.unscoped.get(pk=world.department_a.pk).municipality_id == world.a.pk


def test_bulk_writes_for_another_municipality_are_refused(world):
    with tenant_scope(world.a):
        with pytest.raises(CrossTenantWrite):
            Tag.objects.bulk_create([Tag(municipality_id=world.b.pk, name="b")])
        stranger = Action.unscoped.get(pk=world.action_b.pk)
        stranger.title = "Overgenomen"
        with pytest.raises(CrossTenantWrite):
            Action.objects.bulk_update([stranger], ["title"])
        own = Action.objects.get(pk=world.action_a.pk)
        own.municipality_id = world.b.pk
        with pytest.raises(CrossTenantWrite):
            Action.objects.bulk_update([own], ["municipality"])
    assert not Tag.unscoped.filter(name="b").exists()
    assert Action.unscoped.get(pk=world.action_b.pk).title == "Geheime actie van Beta"


def test_without_a_context_nothing_is_read_or_written(world):
    with pytest.raises(TenantNotActive):
        list(Action.objects.all())
    with pytest.raises(TenantNotActive):
        Tag(municipality=world.a, name="zonder").save()
    with pytest.raises(TenantNotActive):
        Action.unscoped.filter(pk=world.action_a.pk).update(title="zonder")


def test_the_platform_may_write_for_any_municipality(world):
    with platform_scope():
        tag = Tag.objects.create(municipality=world.b, name="platform")
    assert tag.municipality_id == world.b.pk


@as_platform
def _linked(world) -> tuple[Theme, Theme]:
    theme_a = Theme.objects.create(municipality=world.a, plan=world.plan_a, name="Warmte")
    theme_b = Theme.objects.create(municipality=world.b, plan=world.plan_b, name="Water")
    world.action_a.themes.add(theme_a)
    world.action_b.themes.add(theme_b)
    world.action_a.tags.add(Tag.objects.create(municipality=world.a, name="a"))
    world.action_b.tags.add(Tag.objects.create(municipality=world.b, name="b"))
    return theme_a, theme_b


def test_link_tables_are_scoped_by_the_manager(world):
    theme_a, theme_b = _linked(world)

    with tenant_scope(world.a):
        assert list(ActionTheme.objects.values_list("theme_id", flat=True)) == [theme_a.pk]
        assert list(ActionTag.objects.values_list("tag__name", flat=True)) == ["a"]
    with tenant_scope(world.b):
        assert list(ActionTheme.objects.values_list("theme_id", flat=True)) == [theme_b.pk]
    assert set(ActionTheme.unscoped.values_list("municipality_id", flat=True)) == {
        world.a.pk,
        world.b.pk,
    }


def test_links_added_through_the_relation_belong_to_the_action_s_municipality(world):
    _linked(world)
    with tenant_scope(world.a):
        action = Action.objects.get(pk=world.action_a.pk)
        action.themes.add(Theme.objects.create(plan=world.plan_a, name="Zon"))
        assert ActionTheme.objects.filter(action=action).count() == 2
        assert {link.municipality_id for link in ActionTheme.objects.all()} == {world.a.pk}
