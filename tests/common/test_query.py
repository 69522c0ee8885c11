"""Reading query parameters: a value that does not fit is dropped, never raised."""

from datetime import date

import pytest
from django.http import QueryDict

from daadkracht.common.query import (
    MAX_ID,
    DayField,
    FlagField,
    IdField,
    IdsField,
    KeyField,
    QueryForm,
    TextField,
    parse_id,
    requested_export,
    requested_page,
    requested_sort,
)


class Filters(QueryForm):
    q = TextField()
    theme = IdField()
    tags = IdsField()
    since = DayField()
    overdue = FlagField()
    kind = KeyField(("late", "stale"))


def read(query: str) -> Filters:
    return Filters(QueryDict(query))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", 1),
        ("0042", 42),
        (" 7 ", 7),
        (str(MAX_ID), MAX_ID),
        (str(MAX_ID + 1), None),
        ("9" * 30, None),
        ("0", None),
        ("-1", None),
        ("²", None),  # "²".isdigit() is true, int("²") fails
        ("١٢", None),  # other digits than ASCII ones
        ("1e999", None),
        ("NaN", None),
        ("1.0", None),
        ("1_000", None),
        ("1\x00", None),
        ("", None),
    ],
)
def test_an_id_is_a_positive_number_the_database_can_hold(value, expected):
    assert parse_id(value) == expected


def test_valid_values_are_read():
    form = read("q=+fiets+&theme=3&tags=1&tags=2&since=2024-03-01&overdue=1&kind=late")

    assert form.values() == {
        "q": "fiets",
        "theme": 3,
        "tags": [1, 2],
        "since": date(2024, 3, 1),
        "overdue": True,
        "kind": "late",
    }
    assert form.dropped == []


def test_absent_values_are_empty():
    assert read("").values() == {
        "q": "",
        "theme": None,
        "tags": [],
        "since": None,
        "overdue": False,
        "kind": "",
    }


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("theme=%C2%B2", "theme"),
        ("theme=99999999999999999999999999999", "theme"),
        ("theme=-1", "theme"),
        ("q=a%00b", "q"),
        ("since=0001-01-01", "since"),
        ("since=9999-12-31", "since"),
        ("since=2024-02-30", "since"),
        ("since=31%2F12%2F2030", "since"),
        ("kind=%3Cscript%3E", "kind"),
    ],
)
def test_a_value_that_does_not_fit_is_dropped(query, name):
    form = read(query)

    assert form.value(name) == read("").value(name)
    assert form.dropped == [name]


def test_the_other_parameters_still_count_when_one_is_dropped():
    form = read("theme=%C2%B2&q=fiets")

    assert form.value("theme") is None
    assert form.value("q") == "fiets"


def test_long_search_text_is_cut():
    assert read("q=" + "x" * 5000).value("q") == "x" * 200


def test_of_repeated_ids_the_valid_ones_are_kept_once():
    assert read("tags=2&tags=%C2%B2&tags=99999999999999999999&tags=2&tags=5").value("tags") == [
        2,
        5,
    ]


def test_a_flag_is_on_only_as_1():
    assert read("overdue=1").value("overdue") is True
    assert read("overdue=on").value("overdue") is False


@pytest.mark.parametrize("day", ["1900-01-01", "2100-12-31"])
def test_the_first_and_last_days_are_dates(day):
    assert read(f"since={day}").value("since") == date.fromisoformat(day)


def test_sorting_knows_the_pages_keys_in_both_directions():
    keys = ["title", "deadline"]

    assert requested_sort(QueryDict("sort=-deadline"), keys) == "-deadline"
    assert requested_sort(QueryDict("sort=title"), keys) == "title"
    assert requested_sort(QueryDict("sort=--title"), keys, "-deadline") == "-deadline"
    assert requested_sort(QueryDict("sort=%00"), keys) == ""


def test_page_numbers_and_export_formats():
    assert requested_page(QueryDict("page=3")) == 3
    assert requested_page(QueryDict("page=1e999")) is None
    assert requested_export(QueryDict("export=csv")) == "csv"
    assert requested_export(QueryDict("export=pdf")) is None
