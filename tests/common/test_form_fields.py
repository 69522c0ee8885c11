"""Amounts are typed as people write them and shown back the same way."""

from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from daadkracht.common.form_fields import AmountField


class BudgetForm(forms.Form):
    budget = AmountField(max_digits=14, decimal_places=2, required=False)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1.200.000", Decimal("1200000")),
        ("€ 1.200.000", Decimal("1200000")),
        ("1.200.000,50", Decimal("1200000.50")),
        ("1200000.5", Decimal("1200000.5")),
        ("1 200 000", Decimal("1200000")),
        ("", None),
    ],
)
def test_amounts_as_people_type_them(typed, expected):
    form = BudgetForm({"budget": typed})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["budget"] == expected


@pytest.mark.parametrize("typed", ["15-20 mio", "²", "1e999", "NaN", "12,34,5.6.7", "9" * 30])
def test_what_is_no_amount_is_refused_with_the_input_kept(typed):
    form = BudgetForm({"budget": typed})

    assert not form.is_valid()
    assert form["budget"].value() == typed


def test_an_amount_is_shown_grouped_in_the_language_of_the_page():
    with translation.override("nl"):
        shown = BudgetForm(initial={"budget": Decimal("1200000.50")})["budget"].value()
        whole = BudgetForm(initial={"budget": Decimal("1200000")})["budget"].value()

    assert str(shown) == "1.200.000,50"
    assert str(whole) == "1.200.000"
