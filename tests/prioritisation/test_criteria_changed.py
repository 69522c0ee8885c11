"""The criteria page when its criteria changed while it was open: a criterion deleted or added by
a colleague, or ids made up. The page says so and keeps what was typed; it never breaks."""

from decimal import Decimal
from http import HTTPStatus

import pytest
from django.urls import reverse

from daadkracht.access.context import tenant_scope
from daadkracht.prioritisation.models import Criterion
from daadkracht.prioritisation.services.criteria import criterion_create, criterion_delete

CHANGED = "De criteria zijn gewijzigd terwijl deze pagina openstond"


def url(world) -> str:
    return reverse("prioritisation:criteria", args=[world.a.slug])


def add(world, name: str) -> Criterion:
    with tenant_scope(world.a):
        return criterion_create(actor=None, plan=world.plan_a, name=name, weight=Decimal(2))


def delete(world, criterion: Criterion) -> None:
    with tenant_scope(world.a):
        criterion_delete(actor=None, criterion=Criterion.objects.get(pk=criterion.pk))


def opened(client, world) -> dict[str, object]:
    """What the page posts when saved as it was opened."""
    formset = client.get(url(world)).context["formset"]
    data: dict[str, object] = {"save": "1", **_posted_management(formset)}
    for form in formset:
        data[form.add_prefix("id")] = form.instance.pk
        for name in ("name", "weight", "description"):
            data[form.add_prefix(name)] = form.initial[name]
    return data


def row_of(response, criterion: Criterion):
    forms = [f for f in response.context["formset"] if f.instance.pk == criterion.pk]
    assert len(forms) == 1
    return forms[0]


@pytest.fixture
def own(world) -> Criterion:
    return add(world, "Draagvlak")


def test_a_criterion_deleted_meanwhile_is_told_and_the_typed_values_are_kept(world, own):
    coordinator = world.client_for("coordinator")
    data = opened(coordinator, world)
    first = Criterion.unscoped.filter(plan=world.plan_a).order_by("position", "id").first()
    data["c-0-weight"] = "4.5"
    delete(world, own)

    response = coordinator.post(url(world), data)

    assert response.status_code == HTTPStatus.OK
    assert CHANGED in response.context["save_errors"][0]
    assert row_of(response, first)["weight"].value() == "4.5"
    assert own.pk not in {f.instance.pk for f in response.context["formset"]}
    assert Criterion.unscoped.get(pk=first.pk).weight != Decimal("4.5")  # nothing saved yet

    again = coordinator.post(url(world), {**_posted(response), "save": "1"})

    assert again.status_code == HTTPStatus.FOUND
    assert Criterion.unscoped.get(pk=first.pk).weight == Decimal("4.5")


def test_a_criterion_added_meanwhile_is_shown_with_its_stored_values(world, own):
    coordinator = world.client_for("coordinator")
    data = opened(coordinator, world)
    added = add(world, "Zichtbaarheid")

    response = coordinator.post(url(world), data)

    assert response.status_code == HTTPStatus.OK
    assert CHANGED in response.context["save_errors"][0]
    assert row_of(response, added)["name"].value() == "Zichtbaarheid"


@pytest.mark.parametrize("crafted", ["999999", "9" * 30, "²", "", "-1"])
def test_a_made_up_criterion_id_is_told_not_a_server_error(world, own, crafted):
    coordinator = world.client_for("coordinator")
    data = opened(coordinator, world)
    data["c-0-id"] = crafted

    response = coordinator.post(url(world), data)

    assert response.status_code == HTTPStatus.OK
    assert response.context["save_errors"]


def test_more_rows_than_criteria_are_told(world, own):
    coordinator = world.client_for("coordinator")
    data = opened(coordinator, world)
    total = int(str(data["c-TOTAL_FORMS"]))
    data.update({"c-TOTAL_FORMS": total + 1, f"c-{total}-name": "Nieuw", f"c-{total}-weight": "1"})

    response = coordinator.post(url(world), data)

    assert response.status_code == HTTPStatus.OK
    assert CHANGED in response.context["save_errors"][0]
    assert not Criterion.unscoped.filter(name="Nieuw").exists()


def test_a_form_claiming_thousands_of_rows_is_told_without_building_them(world, own):
    coordinator = world.client_for("coordinator")
    data = opened(coordinator, world)
    data["c-TOTAL_FORMS"] = "9" * 30

    response = coordinator.post(url(world), data)

    assert response.status_code == HTTPStatus.OK
    assert CHANGED in response.context["save_errors"][0]
    assert (
        len(response.context["formset"].forms)
        == Criterion.unscoped.filter(plan=world.plan_a).count()
    )


def _posted(response) -> dict[str, object]:
    """What the browser posts when the page shown is saved as it is."""
    formset = response.context["formset"]
    data = _posted_management(formset)
    for form in formset:
        for name in ("id", "name", "weight", "description"):
            data[form.add_prefix(name)] = form[name].value()
    return data


def _posted_management(formset) -> dict[str, object]:
    count = len(formset.forms)
    return {formset.add_prefix("TOTAL_FORMS"): count, formset.add_prefix("INITIAL_FORMS"): count}
