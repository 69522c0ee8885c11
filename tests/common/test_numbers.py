"""Budgets and CO2 estimates as published lists write them: read where they are one number."""

from decimal import Decimal

import pytest

from daadkracht.common.numbers import read_money, read_tonnes, reads_as_number


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1.250.000", Decimal(1250000)),
        ("€ 1.200.000", Decimal(1200000)),
        ("€ 1,2 mio", Decimal(1200000)),
        ("1,2 Mio. EUR", Decimal(1200000)),
        ("2 Millionen", Decimal(2000000)),
        ("3 miljoen euro", Decimal(3000000)),
        ("500k", Decimal(500000)),
        ("1.250.000,50 euro", Decimal("1250000.50")),
        ("", None),
    ],
)
def test_amounts_with_currency_and_scale_words_are_read(text, amount):
    assert read_money(text) == amount


@pytest.mark.parametrize(
    "text",
    ["15-20 mio EUR", "15 \u2013 20 Mio €", "/", "Keine Angabe", "15 VTE", "n.v.t.", "ca. 2 mio"],
)
def test_ranges_and_words_are_no_amount(text):
    with pytest.raises(ValueError, match="number"):
        read_money(text)
    assert not reads_as_number(text)


@pytest.mark.parametrize(
    ("text", "tonnes"),
    [
        ("1.150 t CO2-eq/y", Decimal(1150)),
        ("12,5 ton CO2 per jaar", Decimal("12.5")),
        ("3 kt CO2/a", Decimal(3000)),
        ("40 tCO2e", Decimal(40)),
        ("1 000 t CO₂-Äq. pro Jahr", Decimal(1000)),
        ("250", Decimal(250)),
    ],
)
def test_co2_estimates_with_units_are_read_in_tonnes(text, tonnes):
    assert read_tonnes(text) == tonnes


@pytest.mark.parametrize("text", ["A few 100 t", "2-3 t", "significant", "Keine Angabe"])
def test_co2_estimates_that_are_no_single_number_are_refused(text):
    with pytest.raises(ValueError, match="number"):
        read_tonnes(text)
