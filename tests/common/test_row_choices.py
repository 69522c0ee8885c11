"""Choosing rows in a form: an impossible id is a form error before any query, never a 500.

Django's ModelChoiceField looks one id up with `id = …`, which Django guards against ids beyond
the database's range; ModelMultipleChoiceField looks ids up with `id IN (…)`, which it does not:
SQLite raises OverflowError for an id beyond its integer range. Every form of the project chooses
rows through RowChoiceField and RowsChoiceField, which refuse such ids first.
"""

import importlib
import pkgutil
from collections.abc import Iterator

import pytest
from django import forms
from django.core.exceptions import ValidationError

import daadkracht
from daadkracht.common.row_fields import RowChoiceField, RowsChoiceField
from daadkracht.tenancy.models import Department

HUGE = "9" * 30
IMPOSSIBLE = ["²", "-1", "0", HUGE, "9223372036854775808", "1e999", "NaN", "1\x00"]


@pytest.mark.parametrize("value", IMPOSSIBLE)
def test_an_impossible_id_is_not_a_choice_and_costs_no_query(
    in_a, value, django_assert_num_queries
):
    field = RowChoiceField(queryset=Department.objects.all())

    with django_assert_num_queries(0), pytest.raises(ValidationError) as refused:
        field.clean(value)

    assert refused.value.code in {"invalid_choice", "null_characters_not_allowed"}


@pytest.mark.parametrize("value", IMPOSSIBLE)
def test_an_impossible_id_among_chosen_rows_is_refused(in_a, value):
    field = RowsChoiceField(queryset=Department.objects.all())

    with pytest.raises(ValidationError):
        field.clean([str(in_a.department_a.pk), value])


def test_django_refuses_an_id_beyond_the_range_in_a_list_only_with_an_error(in_a):
    """What RowsChoiceField guards against (on SQLite; PostgreSQL compares the numbers)."""
    from django.db import connection

    field = forms.ModelMultipleChoiceField(queryset=Department.objects.all())
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL compares an id beyond bigint's range without an error")
    with pytest.raises(OverflowError):
        field.clean([HUGE])


def test_real_rows_are_chosen(in_a):
    one = RowChoiceField(queryset=Department.objects.all())
    several = RowsChoiceField(queryset=Department.objects.all())
    ids = [str(in_a.department_a.pk), str(in_a.other_department_a.pk)]

    assert one.clean(ids[0]) == in_a.department_a
    assert set(several.clean(ids)) == {in_a.department_a, in_a.other_department_a}


def test_rows_of_another_municipality_are_not_choices(in_a):
    field = RowChoiceField(queryset=Department.objects.all())

    with pytest.raises(ValidationError):
        field.clean(str(in_a.department_b.pk))


def _project_forms() -> Iterator[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(daadkracht.__path__, "daadkracht."):
        if ".migrations" not in module.name and ".management" not in module.name:
            importlib.import_module(module.name)
    seen: set[type] = set()
    todo: list[type] = [forms.BaseForm]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen.add(sub)
                todo.append(sub)
                # Mixins such as MergeableForm hold no fields of their own.
                if sub.__module__.startswith("daadkracht.") and hasattr(sub, "base_fields"):
                    yield sub


def test_every_form_of_the_project_chooses_rows_through_the_guarded_fields():
    unguarded = [
        f"{form.__module__}.{form.__qualname__}.{name}"
        for form in _project_forms()
        for name, field in form.base_fields.items()
        if isinstance(field, forms.ModelChoiceField)
        and not isinstance(field, RowChoiceField | RowsChoiceField)
    ]

    assert unguarded == [], "use RowChoiceField or RowsChoiceField; a ModelForm's Meta(RowChoices)"


def test_the_walk_finds_the_forms_that_choose_rows():
    names = {form.__qualname__ for form in _project_forms()}

    assert {"ActionForm", "ScoringRoundForm", "DepartmentForm", "BoardMoveForm"} <= names
