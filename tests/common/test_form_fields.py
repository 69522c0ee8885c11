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


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("en", "1,250", Decimal("1250")),
        ("en", "1,250,000.50", Decimal("1250000.50")),
        ("en", "1.25", Decimal("1.25")),
        ("nl", "12,5", Decimal("12.5")),
        ("nl", "1.250", Decimal("1250")),
        ("fr", "1 250 000,50", Decimal("1250000.50")),
    ],
)
def test_a_single_separator_is_read_as_the_page_s_language_writes_it(language, typed, expected):
    with translation.override(language):
        form = BudgetForm({"budget": typed})

        assert form.is_valid(), form.errors
    assert form.cleaned_data["budget"] == expected


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_an_amount_shown_in_any_language_is_read_back_unchanged(language):
    with translation.override(language):
        shown = BudgetForm(initial={"budget": Decimal("1250")})["budget"].value()
        form = BudgetForm({"budget": shown})

        assert form.is_valid(), form.errors
    assert form.cleaned_data["budget"] == Decimal("1250")
