"""Crafted query parameters are ignored or reported, never a server error: `?theme=²`
(`"²".isdigit()` is true, `int("²")` fails), ids beyond SQLite's integer range, a NUL byte in a
search (PostgreSQL refuses it), a date in year 1."""

from http import HTTPStatus

import pytest
from django.urls import reverse

HUGE = "9" * 30

# The pages that filter actions (the list, export, board, timeline, priorities, cost curve, a
# new round's actions, the actions that need attention) and the other pages that search.
ACTION_LISTS = [
    "plans:actions",
    "plans:actions_export",
    "plans:board",
    "plans:timeline",
    "prioritisation:priorities",
    "prioritisation:mac_curve",
    "prioritisation:round_create",
    "dashboard:attention",
]
SEARCHES = [
    *ACTION_LISTS,
    "prioritisation:rounds",
    "tenancy:departments",
    "tenancy:members",
    "history:recent",
    "stakeholders:organisations",
    "stakeholders:contacts",
]


def get(world, name: str, query: str):
    url = reverse(name, args=[world.a.slug])
    return world.client_for("coordinator").get(f"{url}?{query}")


@pytest.mark.parametrize("name", ACTION_LISTS)
@pytest.mark.parametrize(
    "query",
    [
        "theme=%C2%B2",
        "department=%C2%B2",
        "status=%C2%B2",
        "tag=%C2%B2",
        f"theme={HUGE}",
        f"department={HUGE}&status={HUGE}&tag={HUGE}",
        "theme=%C2%B2&export=csv",
    ],
)
def test_a_crafted_filter_of_an_action_list_is_ignored(world, name, query):
    response = get(world, name, query)

    assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize("name", SEARCHES)
def test_a_search_with_a_nul_byte_is_ignored(world, name):
    response = get(world, name, "q=fiets%00straat")

    assert response.status_code == HTTPStatus.OK
    if response.context is not None and "filters" in response.context:
        filters = response.context["filters"]
        assert (filters["q"] if isinstance(filters, dict) else filters.q) == ""


def test_a_filter_that_does_not_fit_leaves_the_others_working(world):
    response = get(world, "plans:actions", "theme=%C2%B2&q=Fietsstraten")

    assert [row.action for row in response.context["rows"]] == [world.action_a]


@pytest.mark.parametrize("query", ["department=%C2%B2", f"department={HUGE}", "role=%00"])
def test_a_crafted_member_filter_is_ignored(world, query):
    response = get(world, "tenancy:members", query)

    assert response.status_code == HTTPStatus.OK
    assert len(response.context["members"]) == 4


@pytest.mark.parametrize("query", ["actor=%C2%B2", f"actor={HUGE}", "page=1e999"])
def test_a_crafted_history_filter_is_ignored(world, query):
    assert get(world, "history:recent", query).status_code == HTTPStatus.OK


@pytest.mark.parametrize("query", ["department=%C2%B2", f"department={HUGE}"])
def test_a_crafted_department_of_the_overdue_tasks_is_ignored(world, query):
    response = get(world, "dashboard:overdue_tasks", query)

    assert response.status_code == HTTPStatus.OK
    assert response.context["department"] is None


@pytest.mark.parametrize("value", ["%C2%B2", HUGE, "0"])
def test_a_crafted_department_in_the_chooser_is_reported(world, value):
    response = get(world, "dashboard:department_choose", f"dienst={value}")

    assert response.status_code == HTTPStatus.OK
    assert response.context["invalid"] is True


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_date_beyond_the_years_the_product_knows_is_reported(world, day):
    response = get(world, "tenancy:home", f"sinds={day}")

    assert response.status_code == HTTPStatus.OK
    assert response.context["since_valid"] is False
    assert "1900" in response.context["since_problem"]
    assert 'aria-invalid="true"' in response.content.decode()


@pytest.mark.parametrize("query", ["state=%00", "sort=%C2%B2", "export=%C2%B2"])
def test_a_crafted_parameter_of_the_rounds_is_ignored(world, query):
    assert get(world, "prioritisation:rounds", query).status_code == HTTPStatus.OK


@pytest.mark.parametrize("name", ["stakeholders:organisations", "stakeholders:contacts"])
@pytest.mark.parametrize(
    "query",
    [
        "theme=%C2%B2",
        f"theme={HUGE}",
        "kind=%00",
        f"organisation={HUGE}&purpose=%C2%B2",
        "page=1e999&sort=%C2%B2",
        "theme=%C2%B2&export=xlsx",
    ],
)
def test_a_crafted_filter_of_the_network_is_ignored(world, name, query):
    assert get(world, name, query).status_code == HTTPStatus.OK
