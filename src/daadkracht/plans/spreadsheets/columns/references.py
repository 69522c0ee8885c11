"""Columns whose value names one item of a list: a choice, the status, a department, a member."""

from dataclasses import dataclass
from typing import Any, ClassVar

from django.db import models

from daadkracht.common.sheets import RawCell
from daadkracht.plans.spreadsheets.cells import KEEP, choice_labels, normalise
from daadkracht.plans.spreadsheets.columns.base import Column
from daadkracht.plans.spreadsheets.records import LEAVE_EMPTY, ActionRecord, Lookups


@dataclass(frozen=True, kw_only=True)
class ChoiceColumn(Column):
    """A fixed list of values; `keep_when_empty` for fields that cannot be empty."""

    choices: type[models.TextChoices]
    keep_when_empty: bool = False
    dropdown: ClassVar[bool] = True

    def cell(self, record: ActionRecord) -> Any:
        value = getattr(record.action, self.key)
        return choice_labels(self.choices).get(value, value) or None

    def parse(self, raw: RawCell, lookups: Lookups) -> Any:
        text = raw.text
        if not text:
            return KEEP if self.keep_when_empty else ""
        lookup = lookups.choices(self.choices)
        if normalise(text) in lookup:
            return lookup[normalise(text)]
        raise self.error("value", text, self.allowed(lookups))

    def display(self, value: Any, lookups: Lookups) -> str:
        return choice_labels(self.choices).get(value, "") or "—"

    def allowed(self, lookups: Lookups) -> list[str]:
        return list(choice_labels(self.choices).values())


@dataclass(frozen=True, kw_only=True)
class ReferenceColumn(Column):
    """A cell that names one record (by its name, or a member by e-mail); stored as its id."""

    field: ClassVar[str]  # the action's foreign key
    kind: ClassVar[str]  # which "unknown …" message an unknown name gets
    empty: ClassVar[Any] = None  # what an empty cell means

    def name_of(self, item: Any) -> str:
        return str(item.name)

    def items(self, lookups: Lookups) -> list[Any]:
        raise NotImplementedError

    def by_name(self, lookups: Lookups) -> dict[str, Any]:
        raise NotImplementedError

    def by_id(self, lookups: Lookups) -> dict[int, Any]:
        raise NotImplementedError

    def current(self, record: ActionRecord) -> Any:
        return getattr(record.action, f"{self.field}_id")

    def cell(self, record: ActionRecord) -> Any:
        item = getattr(record.action, self.field)
        return self.name_of(item) if item else None

    def parse(self, raw: RawCell, lookups: Lookups) -> Any:
        text = raw.text
        if not text:
            return self.empty
        item = self.by_name(lookups).get(normalise(text))
        if item is LEAVE_EMPTY:
            return self.empty
        if item is None:
            raise self.error(self.kind, text, [self.name_of(i) for i in self.items(lookups)])
        return item.pk

    def display(self, value: Any, lookups: Lookups) -> str:
        item = self.by_id(lookups).get(value)
        return self.name_of(item) if item else "—"

    def allowed(self, lookups: Lookups) -> list[str]:
        # Only short lists are offered as a dropdown; the members' addresses are not listed.
        return [self.name_of(i) for i in self.items(lookups)] if self.dropdown else []


@dataclass(frozen=True, kw_only=True)
class StatusColumn(ReferenceColumn):
    field: ClassVar[str] = "status"
    kind: ClassVar[str] = "status"
    empty: ClassVar[Any] = KEEP
    dropdown: ClassVar[bool] = True

    def items(self, lookups: Lookups) -> list[Any]:
        return list(lookups.statuses)

    def by_name(self, lookups: Lookups) -> dict[str, Any]:
        return lookups.status_by_name

    def by_id(self, lookups: Lookups) -> dict[int, Any]:
        return lookups.status_by_id


@dataclass(frozen=True, kw_only=True)
class DepartmentColumn(ReferenceColumn):
    field: ClassVar[str] = "lead_department"
    kind: ClassVar[str] = "department"
    dropdown: ClassVar[bool] = True

    def items(self, lookups: Lookups) -> list[Any]:
        return list(lookups.departments)

    def by_name(self, lookups: Lookups) -> dict[str, Any]:
        return lookups.department_by_name

    def by_id(self, lookups: Lookups) -> dict[int, Any]:
        return lookups.department_by_id


@dataclass(frozen=True, kw_only=True)
class PersonColumn(ReferenceColumn):
    """A member by e-mail address; any other name ("imec", "KU Leuven, EcoWerf") is kept as the
    source says it. The value is the pair (member id, note)."""

    field: ClassVar[str] = "responsible"
    kind: ClassVar[str] = "person"
    note_field: ClassVar[str] = "responsible_note"

    def current(self, record: ActionRecord) -> Any:
        # A cell holds the address or the name: the name counts only where there is no member.
        member = record.action.responsible_id
        return (member, "" if member is not None else record.action.responsible_note or "")

    def cell(self, record: ActionRecord) -> Any:
        if record.action.responsible is not None:
            return self.name_of(record.action.responsible)
        return record.action.responsible_note or None

    def parse(self, raw: RawCell, lookups: Lookups) -> Any:
        text = raw.text
        if text and "@" not in text and normalise(text) not in lookups.members:
            return (None, text[:200])  # not an address: a name as the source gives it
        return (super().parse(raw, lookups), "")

    def display(self, value: Any, lookups: Lookups) -> str:
        member, note = value
        return f"“{note}”" if note else super().display(member, lookups)

    def name_of(self, item: Any) -> str:
        return str(item.email)

    def items(self, lookups: Lookups) -> list[Any]:
        return list(lookups.members.values())

    def by_name(self, lookups: Lookups) -> dict[str, Any]:
        return lookups.members

    def by_id(self, lookups: Lookups) -> dict[int, Any]:
        return lookups.user_by_id
