"""A theme in the trash disappears from its actions, and comes back with them when restored."""

from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import Theme
from daadkracht.testing.factories import as_platform


@as_platform
def test_related_themes_leave_out_the_trash(world):
    theme = Theme.unscoped.create(municipality=world.a, plan=world.plan_a, code="B1", name="Warmte")
    world.action_a.themes.add(theme)
    with tenant_scope(world.a):
        theme.mark_deleted()
        theme.save()
        assert list(world.action_a.themes.all()) == []
        theme.mark_restored()
        theme.save()
        assert list(world.action_a.themes.all()) == [theme]
