"""What each audience reads through the ordinary managers, as each model declares it."""

import pytest

from daadkracht.access.context import (
    AccessContext,
    AccessRefused,
    Audience,
    _enter,
    public_scope,
    tenant_scope,
)
from daadkracht.plans.models import Action, Tag, Task, Visibility
from daadkracht.testing.factories import TaskFactory, as_platform


@as_platform
def _publish(world) -> None:
    Action.objects.filter(pk=world.action_a.pk).update(visibility=Visibility.PUBLIC)
    Action.objects.filter(pk=world.action_b.pk).update(visibility=Visibility.PUBLIC)
    Tag.objects.create(municipality=world.a, name="intern")
    TaskFactory.create(action=world.action_a)


def test_the_public_sees_only_the_public_actions_of_the_municipality(world):
    _publish(world)

    with public_scope(world.a):
        assert list(Action.objects.values_list("title", flat=True)) == [
            "Fietsstraten in het centrum"
        ]
        assert Action.objects.filter(pk=world.other_action_a.pk).count() == 0


def test_the_public_sees_nothing_of_a_model_that_declares_nothing(world):
    _publish(world)

    with public_scope(world.a):
        assert list(Tag.objects.all()) == []
        assert list(Task.objects.all()) == []
    with tenant_scope(world.a):
        assert Tag.objects.count() == 1
        assert Task.objects.count() == 1


def test_members_see_internal_actions_as_before(world):
    _publish(world)

    with tenant_scope(world.a):
        assert Action.objects.count() == 2


def test_an_audience_a_model_says_nothing_about_is_refused_loudly(world):
    # Tasks say nothing about the stakeholders of the portal (actions do).
    stakeholder = AccessContext(Audience.STAKEHOLDER, municipality=world.a)
    with _enter(stakeholder), pytest.raises(AccessRefused, match="stakeholder"):
        list(Task.objects.all())


def test_the_public_without_a_municipality_reads_no_tenant_rows(world):
    _publish(world)

    with public_scope(None), pytest.raises(Exception, match="without an active municipality"):
        list(Action.objects.all())
