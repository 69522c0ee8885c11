"""Crafted ids in the forms that choose rows — themes, criteria and actions ticked in lists, the
departments of an action — are form errors, never a server error, and cost no more than a form."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from daadkracht.plans.models import Action, Theme
from daadkracht.prioritisation.models import Criterion, ScoringRound
from daadkracht.tenancy.models import Department
from daadkracht.testing.factories import as_platform
from tests.plans.test_action_edit import action_data, edit_url

HUGE = "9" * 30
CRAFTED = ["²", HUGE, "9223372036854775808", "-1"]


@pytest.fixture
@as_platform
def theme(world) -> Theme:
    return Theme.unscoped.create(municipality=world.a, plan=world.plan_a, code="B2", name="Zon")


@pytest.mark.parametrize("crafted", CRAFTED)
def test_a_crafted_theme_id_is_a_form_error(world, theme, crafted):
    response = world.client_for("coordinator").post(
        edit_url(world.action_a), action_data(world, themes=[theme.pk, crafted])
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["themes"]
    assert Action.unscoped.get(pk=world.action_a.pk).title == world.action_a.title


def _round_data(world, **overrides) -> dict:
    criteria = Criterion.unscoped.filter(plan=world.plan_a).values_list("pk", flat=True)
    return {
        "title": "Workshop",
        "criteria": list(criteria),
        "selection": "ticked",
        "actions": [world.action_a.pk],
        **overrides,
    }


@pytest.mark.parametrize("field", ["criteria", "actions"])
@pytest.mark.parametrize("crafted", CRAFTED)
def test_a_crafted_criterion_or_action_of_a_round_is_a_form_error(world, field, crafted):
    data = _round_data(world)
    data[field] = [*data[field], crafted]

    response = world.client_for("coordinator").post(
        reverse("prioritisation:round_create", args=[world.a.slug]), data
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors[field]
    assert not ScoringRound.unscoped.exists()


def test_an_action_form_claiming_thousands_of_department_rows_is_refused_unbuilt(world):
    data = action_data(world)
    data["departments-TOTAL_FORMS"] = HUGE

    response = world.client_for("coordinator").post(edit_url(world.action_a), data)

    assert response.status_code == HTTPStatus.OK
    formset = response.context["formset"]
    assert formset.non_form_errors()
    # A row per department and the two empty ones, not the two thousand Django allows.
    assert len(formset.forms) == Department.unscoped.filter(municipality=world.a).count() + 2
