"""Amounts on the action form are shown and typed as people write them."""

from decimal import Decimal

from daadkracht.plans.models import Action
from daadkracht.testing.factories import as_platform
from tests.plans.test_action_edit import CREATE_URL, action_data, edit_url


@as_platform
def test_amounts_are_shown_with_a_decimal_comma(world):
    Action.unscoped.filter(pk=world.action_a.pk).update(budget_planned=Decimal("1250000.50"))
    response = world.client_for("coordinator").get(edit_url(world.action_a))
    assert 'value="1.250.000,50"' in response.content.decode()


def test_amounts_typed_with_a_decimal_comma_are_understood(world):
    data = action_data(world, identifier="B9.01", budget_planned="25000,75", co2_reduction="12,5")
    response = world.client_for("coordinator").post(CREATE_URL, data)
    assert response.status_code == 302
    created = Action.unscoped.get(plan=world.plan_a, identifier="B9.01")
    assert created.budget_planned == Decimal("25000.75")
    assert created.co2_reduction == Decimal("12.5")


def test_amounts_typed_with_thousands_and_a_euro_sign_are_understood(world):
    data = action_data(
        world, identifier="B9.02", budget_planned="€ 1.200.000", co2_reduction="1.150"
    )
    response = world.client_for("coordinator").post(CREATE_URL, data)
    assert response.status_code == 302
    created = Action.unscoped.get(plan=world.plan_a, identifier="B9.02")
    assert created.budget_planned == Decimal("1200000")
    assert created.co2_reduction == Decimal("1150")


def test_a_budget_in_words_is_refused_and_pointed_to_the_note(world):
    data = action_data(world, identifier="B9.03", budget_planned="15-20 mio EUR")
    response = world.client_for("coordinator").post(CREATE_URL, data)
    assert response.status_code == 200
    assert response.context["form"].errors["budget_planned"]
    assert 'value="15-20 mio EUR"' in response.content.decode()
