"""Merging an edit per field: what the editor started from, what they typed, what is stored now.

When someone saved the object after the editor opened the form, each field is one of:

- changed by neither side, or changed by one side only: that side's value is taken;
- changed by both sides to the same value: nothing to decide;
- changed by both sides to different values: a conflict, which the editor decides.

The values are compared as `comparable()` makes them: plain JSON values, so that what the
editor started from can travel in the form and be compared with what is stored later. A field
whose starting value is not known counts as changed by both sides.
"""

import enum
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.db import models

type Comparable = bool | int | float | str | list[Comparable] | dict[str, Comparable] | None


def comparable(value: Any) -> Comparable:
    """`value` as a plain JSON value that equals another exactly when both mean the same.

    A related object counts by its primary key; a tuple is a record (its order counts); any
    other collection is a set (order and repetition do not count). Text ignores surrounding
    white space and the kind of line breaks; an empty text, an empty collection and None are
    all "empty". Amounts ignore trailing zeros.
    """
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, models.Model):
        return comparable(value.pk)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if value == value else "NaN"
    if isinstance(value, Decimal):
        if not value.is_finite():
            return str(value)
        return format(value.normalize(), "f") if value else "0"
    if isinstance(value, str):
        text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        return text or None
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): comparable(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [comparable(item) for item in value]
    if isinstance(value, Iterable):
        items = {_key(item): item for item in (comparable(v) for v in value)}
        return [items[key] for key in sorted(items)] or None
    return str(value)


def _key(value: Comparable) -> str:
    return json.dumps(value, sort_keys=True)


class Outcome(enum.StrEnum):
    UNCHANGED = "unchanged"  # neither side changed the field
    MINE = "mine"  # only the editor changed it: their value is taken
    THEIRS = "theirs"  # only the other side changed it: the stored value is kept
    SAME = "same"  # both changed it to the same value
    CONFLICT = "conflict"  # both changed it, differently: the editor decides


@dataclass(frozen=True)
class Merge:
    """The outcome of every field, in the order of the editor's fields."""

    outcomes: dict[str, Outcome]

    def fields(self, outcome: Outcome) -> list[str]:
        return [name for name, result in self.outcomes.items() if result == outcome]

    @property
    def conflicts(self) -> list[str]:
        return self.fields(Outcome.CONFLICT)

    @property
    def kept_theirs(self) -> list[str]:
        return self.fields(Outcome.THEIRS)

    def takes_theirs(self, name: str) -> bool:
        return self.outcomes[name] == Outcome.THEIRS


def merge(
    *,
    base: Mapping[str, Comparable],
    mine: Mapping[str, Comparable],
    theirs: Mapping[str, Comparable],
) -> Merge:
    """Compare every field of `mine` with where the editor started (`base`) and what is stored
    now (`theirs`). A field missing from `base` counts as changed by both sides."""
    outcomes: dict[str, Outcome] = {}
    for name, my_value in mine.items():
        their_value = theirs.get(name)
        if name in base:
            mine_changed = my_value != base[name]
            theirs_changed = their_value != base[name]
        else:
            mine_changed = theirs_changed = True
        if my_value == their_value:
            outcomes[name] = Outcome.SAME if mine_changed else Outcome.UNCHANGED
        elif mine_changed and theirs_changed:
            outcomes[name] = Outcome.CONFLICT
        elif mine_changed:
            outcomes[name] = Outcome.MINE
        else:
            outcomes[name] = Outcome.THEIRS
    return Merge(outcomes)
