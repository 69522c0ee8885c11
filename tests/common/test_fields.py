"""A service's list of fields: other keys are refused by name, and no list names a row's place."""

import pytest

from daadkracht.common.fields import NEVER_CHANGEABLE, allowlist, only_fields
from daadkracht.plans.services.actions import ACTION_FIELDS
from daadkracht.plans.services.plan import PLAN_FIELDS, STATUS_FIELDS, THEME_FIELDS
from daadkracht.plans.services.tasks import TASK_FIELDS
from daadkracht.prioritisation.services.criteria import CRITERION_FIELDS
from daadkracht.tenancy.services import DEPARTMENT_FIELDS


def test_only_fields_names_every_key_it_refuses():
    with pytest.raises(TypeError, match="thing_update\\(\\) may not change: deleted_at, plan"):
        only_fields({"name": "x", "plan": 1, "deleted_at": None}, ("name",), service="thing_update")


def test_only_fields_passes_the_listed_fields():
    assert only_fields({"name": "x"}, ("name", "code"), service="thing_update") == {"name": "x"}


def test_a_list_naming_a_rows_place_is_refused_when_declared():
    with pytest.raises(ValueError, match="municipality_id"):
        allowlist("name", "municipality_id")


@pytest.mark.parametrize(
    "fields",
    [
        ACTION_FIELDS,
        PLAN_FIELDS,
        THEME_FIELDS,
        STATUS_FIELDS,
        CRITERION_FIELDS,
        TASK_FIELDS,
        DEPARTMENT_FIELDS,
    ],
)
def test_no_service_takes_a_rows_place_from_its_caller(fields):
    assert not NEVER_CHANGEABLE.intersection(fields)
