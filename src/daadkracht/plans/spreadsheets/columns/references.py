"""Columns whose value names one item of a list: a choice, the status, a department, a member."""

from dataclasses import dataclass
from typing import Any, ClassVar

from django.db import models

from daadkracht.plans.spreadsheets.cells import KEEP, RawCell, choice_labels, normalise
from daadkracht.plans.spreadsheets.columns.base import Column
from daadkracht.plans.spreadsheets.records import ActionRecord, Lookups


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
class StatusColumn(Column):
    dropdown: ClassVar[bool] = True

    def current(self, record: ActionRecord) -> Any:
        return record.action.status_id

    def cell(self, record: ActionRecord) -> Any:
        return record.action.status.name

    def parse(self, raw: RawCell, lookups: Lookups) -> Any:
        text = raw.text
        if not text:
            return KEEP
        status = lookups.status_by_name.get(normalise(text))
        if status is None:
            raise self.error("status", text, [s.name for s in lookups.statuses])
        return status.pk

    def display(self, value: Any, lookups: Lookups) -> str:
        status = lookups.status_by_id.get(value)
        return status.name if status else "—"

    def allowed(self, lookups: Lookups) -> list[str]:
        return [s.name for s in lookups.statuses]


@dataclass(frozen=True, kw_only=True)
class DepartmentColumn(Column):
    dropdown: ClassVar[bool] = True

    def current(self, record: ActionRecord) -> Any:
        return record.action.lead_department_id

    def cell(self, record: ActionRecord) -> Any:
        lead = record.action.lead_department
        return lead.name if lead else None

    def parse(self, raw: RawCell, lookups: Lookups) -> Any:
        text = raw.text
        if not text:
            return None
        department = lookups.department_by_name.get(normalise(text))
        if department is None:
            raise self.error("department", text, [d.name for d in lookups.departments])
        return department.pk

    def display(self, value: Any, lookups: Lookups) -> str:
        department = lookups.department_by_id.get(value)
        return department.name if department else "—"

    def allowed(self, lookups: Lookups) -> list[str]:
        return [d.name for d in lookups.departments]


@dataclass(frozen=True, kw_only=True)
class PersonColumn(Column):
    def current(self, record: ActionRecord) -> Any:
        return record.action.responsible_id

    def cell(self, record: ActionRecord) -> Any:
        person = record.action.responsible
        return person.email if person else None

    def parse(self, raw: RawCell, lookups: Lookups) -> Any:
        text = raw.text
        if not text:
            return None
        user = lookups.members.get(normalise(text))
        if user is None:
            raise self.error("person", text, [u.email for u in lookups.members.values()])
        return user.pk

    def display(self, value: Any, lookups: Lookups) -> str:
        user = lookups.user_by_id.get(value)
        return user.email if user else "—"
