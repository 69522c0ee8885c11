"""Columns of several values in one cell, separated by semicolons: themes, departments, tags."""

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from daadkracht.common.sheets import RawCell
from daadkracht.plans.models import DepartmentRole, Tag, covenant
from daadkracht.plans.selectors.themes import in_tree_order
from daadkracht.plans.spreadsheets.cells import (
    CellError,
    choice_labels,
    join_list,
    normalise,
    split_list,
)
from daadkracht.plans.spreadsheets.columns.base import Column
from daadkracht.plans.spreadsheets.records import LEAVE_EMPTY, ActionRecord, Lookups

INVOLVEMENT = re.compile(r"^(?P<name>.*?)\s*\((?P<role>[^()]*)\)\s*$")


@dataclass(frozen=True, kw_only=True)
class InvolvedColumn(Column):
    """Departments besides the lead, each with its role: `Groendienst (draagt bij); Wonen`."""

    def current(self, record: ActionRecord) -> Any:
        return tuple(sorted((i.department_id, i.role) for i in record.involvements))

    def cell(self, record: ActionRecord) -> Any:
        roles = choice_labels(DepartmentRole)
        parts = sorted(
            f"{i.department.name} ({roles.get(i.role, i.role)})" for i in record.involvements
        )
        return join_list(parts) or None

    def parse(self, raw: RawCell, lookups: Lookups) -> Any:
        result: dict[int, str] = {}
        roles = lookups.choices(DepartmentRole)
        for part in split_list(raw.text):
            name, role = part, DepartmentRole.CONTRIBUTES.value
            match = INVOLVEMENT.match(part)
            if match and normalise(match["role"]) in roles:
                name, role = match["name"], roles[normalise(match["role"])]
            elif match and normalise(part) not in lookups.department_by_name:
                raise self.error("value", match["role"], choice_labels(DepartmentRole).values())
            department = lookups.department_by_name.get(normalise(name))
            if department is LEAVE_EMPTY:
                continue
            if department is None:
                raise self.error("department", name, [d.name for d in lookups.departments])
            result[department.pk] = role
        return tuple(sorted(result.items()))

    def display(self, value: Any, lookups: Lookups) -> str:
        roles = choice_labels(DepartmentRole)
        parts = [
            f"{lookups.department_by_id[pk].name} ({roles[role]})"
            for pk, role in value
            if pk in lookups.department_by_id
        ]
        return join_list(parts) or "—"

    def allowed(self, lookups: Lookups) -> list[str]:
        return list(choice_labels(DepartmentRole).values())


@dataclass(frozen=True, kw_only=True)
class ThemesColumn(Column):
    def current(self, record: ActionRecord) -> Any:
        return tuple(sorted(t.pk for t in record.themes))

    def cell(self, record: ActionRecord) -> Any:
        themes = in_tree_order(record.themes)
        return join_list(t.key for t in themes) or None

    def parse(self, raw: RawCell, lookups: Lookups) -> Any:
        ids = set()
        for part in split_list(raw.text):
            key = normalise(part)
            theme = lookups.theme_by_key.get(key)
            if theme is LEAVE_EMPTY:
                continue
            if theme is None and key in lookups.theme_by_key:
                raise CellError(
                    _(
                        "Row %(row)s: several themes are called “%(value)s”; write the code of"
                        " the one you mean."
                    ),
                    value=part,
                )
            if theme is None:
                raise self.error("theme", part, [t.key for t in lookups.themes])
            ids.add(theme.pk)
        return tuple(sorted(ids))

    def display(self, value: Any, lookups: Lookups) -> str:
        keys = [lookups.theme_by_id[pk].key for pk in value if pk in lookups.theme_by_id]
        return join_list(keys) or "—"

    def allowed(self, lookups: Lookups) -> list[str]:
        return [f"{t.code} {t.name}".strip() if t.code else t.name for t in lookups.themes]


@dataclass(frozen=True, kw_only=True)
class TagsColumn(Column):
    """Free words; an unknown one becomes a new tag."""

    def current(self, record: ActionRecord) -> Any:
        return tuple(sorted((t.name for t in record.tags), key=normalise))

    def cell(self, record: ActionRecord) -> Any:
        return join_list(self.current(record)) or None

    def parse(self, raw: RawCell, lookups: Lookups) -> Any:
        names: dict[str, str] = {}
        for part in split_list(raw.text):
            if len(part) > Tag._meta.get_field("name").max_length:  # type: ignore[operator]
                raise CellError(
                    _("Row %(row)s: the tag “%(value)s” is too long; keep tags short."),
                    value=part,
                )
            existing = lookups.tags.get(normalise(part))
            names.setdefault(normalise(part), existing.name if existing else part)
        return tuple(sorted(names.values(), key=normalise))

    def display(self, value: Any, lookups: Lookups) -> str:
        return join_list(value) or "—"


@dataclass(frozen=True, kw_only=True)
class CoBenefitsColumn(Column):
    def current(self, record: ActionRecord) -> Any:
        stored = set(record.action.co_benefits or [])
        return tuple(code for code in covenant.CoBenefit.values if code in stored)

    def cell(self, record: ActionRecord) -> Any:
        labels = choice_labels(covenant.CoBenefit)
        return join_list(labels[c] for c in self.current(record)) or None

    def parse(self, raw: RawCell, lookups: Lookups) -> Any:
        lookup = lookups.choices(covenant.CoBenefit)
        codes = set()
        for part in split_list(raw.text):
            if normalise(part) not in lookup:
                raise self.error("value", part, self.allowed(lookups))
            codes.add(lookup[normalise(part)])
        return tuple(code for code in covenant.CoBenefit.values if code in codes)

    def display(self, value: Any, lookups: Lookups) -> str:
        labels = choice_labels(covenant.CoBenefit)
        return join_list(labels[c] for c in value) or "—"

    def allowed(self, lookups: Lookups) -> list[str]:
        return list(choice_labels(covenant.CoBenefit).values())
