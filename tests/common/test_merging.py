"""Merging an edit per field with what someone else saved in the meantime."""

import json
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from daadkracht.common.merging import Outcome, comparable, merge
from daadkracht.tenancy.models import Department

VALUES = st.sampled_from(["a", "b", "c", None])


class TestComparable:
    @pytest.mark.parametrize(
        ("one", "other"),
        [
            ("Fietsstraten", "  Fietsstraten "),
            ("eerste regel\r\ntweede regel", "eerste regel\ntweede regel"),
            ("", None),
            ([], None),
            (Decimal("480000.00"), Decimal(480000)),
            (Decimal("0.0"), Decimal(0)),
            ([3, 1, 2], {1, 2, 3}),
            ([1, 1, 2], (x for x in [2, 1])),
            ([(2, "informed"), (1, "responsible")], [(1, "responsible"), (2, "informed")]),
            (Department(pk=7), 7),
            ([Department(pk=7), Department(pk=3)], [3, 7]),
        ],
    )
    def test_values_that_mean_the_same_are_equal(self, one, other):
        assert comparable(one) == comparable(other)

    @pytest.mark.parametrize(
        ("one", "other"),
        [
            ("Fietsstraten", "fietsstraten"),
            (Decimal("1.5"), Decimal("1.05")),
            (0, None),
            (False, None),
            ((1, "informed"), (1, "responsible")),
            ([(1, "informed")], [(1, "responsible")]),
            ((1, 2), (2, 1)),
            (date(2026, 1, 1), date(2026, 1, 2)),
        ],
    )
    def test_values_that_differ_are_not_equal(self, one, other):
        assert comparable(one) != comparable(other)

    def test_the_result_survives_a_round_trip_through_json(self):
        value = {
            "amount": comparable(Decimal("1250000.50")),
            "date": comparable(date(2026, 3, 31)),
            "moment": comparable(datetime(2026, 3, 31, 12, 0)),
            "themes": comparable({3, 1}),
            "departments": comparable([(2, "informed")]),
            "done": comparable(True),
        }
        assert json.loads(json.dumps(value)) == value


class TestMerge:
    BASE = {"title": "Oud", "description": "Oud", "progress": 10, "themes": [1, 2]}

    def outcomes(self, mine, theirs, base=None):
        base = self.BASE if base is None else base
        return merge(base=base, mine={**self.BASE, **mine}, theirs={**self.BASE, **theirs})

    def test_what_only_one_side_changed_is_taken_from_that_side(self):
        result = self.outcomes(mine={"description": "Mijn"}, theirs={"title": "Hun"})

        assert result.outcomes == {
            "title": Outcome.THEIRS,
            "description": Outcome.MINE,
            "progress": Outcome.UNCHANGED,
            "themes": Outcome.UNCHANGED,
        }
        assert result.kept_theirs == ["title"]
        assert result.conflicts == []

    def test_the_same_change_on_both_sides_is_no_conflict(self):
        result = self.outcomes(mine={"progress": 50}, theirs={"progress": 50})

        assert result.outcomes["progress"] == Outcome.SAME
        assert result.conflicts == []

    def test_different_changes_to_one_field_are_a_conflict(self):
        result = self.outcomes(
            mine={"title": "Mijn", "themes": [1]}, theirs={"title": "Hun", "themes": [2]}
        )

        assert result.conflicts == ["title", "themes"]

    def test_a_field_without_a_known_start_counts_as_changed_by_both(self):
        result = self.outcomes(
            mine={"title": "Mijn", "progress": 20}, theirs={"progress": 20}, base={}
        )

        assert result.outcomes["title"] == Outcome.CONFLICT
        assert result.outcomes["progress"] == Outcome.SAME

    @given(
        base=st.dictionaries(st.sampled_from("fghij"), VALUES),
        mine=st.fixed_dictionaries(dict.fromkeys("fghij", VALUES)),
        theirs=st.fixed_dictionaries(dict.fromkeys("fghij", VALUES)),
    )
    def test_the_merge_never_undoes_a_change_nor_decides_a_conflict(self, base, mine, theirs):
        result = merge(base=base, mine=mine, theirs=theirs)

        for name, outcome in result.outcomes.items():
            known = name in base
            merged = theirs[name] if outcome == Outcome.THEIRS else mine[name]
            if known and theirs[name] != base[name] and mine[name] == base[name]:
                assert merged == theirs[name]  # their change stays
            if known and mine[name] != base[name] and theirs[name] == base[name]:
                assert merged == mine[name]  # my change is applied
            if not known and mine[name] != theirs[name]:
                assert outcome == Outcome.CONFLICT
            if outcome == Outcome.CONFLICT:
                assert mine[name] != theirs[name]
                assert not known or base[name] not in (mine[name], theirs[name])
            else:
                assert merged in (mine[name], theirs[name])
                assert not (known and base[name] != mine[name] != theirs[name] != base[name])
