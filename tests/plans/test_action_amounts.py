"""Amounts on the action form are shown and typed the Belgian way."""

from decimal import Decimal

from daadkracht.plans.models import Action
from daadkracht.testing.factories import as_platform
from tests.plans.test_action_edit import CREATE_URL, action_data, edit_url


@as_platform
def test_amounts_are_shown_with_a_decimal_comma(world):
    Action.unscoped.filter(pk=world.action_a.pk).update(budget_planned=Decimal("1250000.50"))
    response = world.client_for("coordinator").get(edit_url(world.action_a))
    assert 'value="1250000,50"' in response.content.decode()


def test_amounts_typed_with_a_decimal_comma_are_understood(world):
    data = action_data(world, identifier="B9.01", budget_planned="25000,75", co2_reduction="12,5")
    response = world.client_for("coordinator").post(CREATE_URL, data)
    assert response.status_code == 302
    created = Action.unscoped.get(plan=world.plan_a, identifier="B9.01")
    assert created.budget_planned == Decimal("25000.75")
    assert created.co2_reduction == Decimal("12.5")
