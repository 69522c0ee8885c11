"""Who may prioritise: coordinators manage criteria and rounds; whoever may change an action
scores it."""

import pytest

from daadkracht.prioritisation.policies import can_manage_prioritisation, can_score

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "own", "other"),
    [
        ("coordinator", True, True),
        ("editor", True, False),
        ("viewer", False, False),
        ("coach", False, False),
    ],
)
def test_who_may_score_an_action(world, role, own, other):
    who = world.membership(role)

    assert can_score(who, world.action_a) is own
    assert can_score(who, world.other_action_a) is other


def test_only_coordinators_manage_prioritisation(world):
    for role in ("editor", "viewer", "coach"):
        assert not can_manage_prioritisation(world.membership(role))
    assert can_manage_prioritisation(world.membership("coordinator"))
