"""Who may prioritise: coordinators and coaches manage criteria and rounds and score every
action; whoever may change an action scores it."""

import pytest

from daadkracht.prioritisation.policies import can_manage_prioritisation, can_score

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "own", "other"),
    [
        ("coordinator", True, True),
        ("editor", True, False),
        ("viewer", False, False),
        ("coach", True, True),
    ],
)
def test_who_may_score_an_action(world, role, own, other):
    who = world.membership(role)

    assert can_score(who, world.action_a) is own
    assert can_score(who, world.other_action_a) is other


def test_coordinators_and_coaches_manage_prioritisation(world):
    for role in ("editor", "viewer"):
        assert not can_manage_prioritisation(world.membership(role))
    for role in ("coordinator", "coach"):
        assert can_manage_prioritisation(world.membership(role))
