"""Themes, departments and statuses a file names that the plan does not have: decided once each.

Instead of one error per row, every unknown value is listed once with the rows that use it,
and the user chooses per value: create it, use an existing one (the closest is suggested), or
leave those cells empty. A department may also be an organisation outside the municipality
("imec"): its name is then kept as text with the action's responsible. A status is not created
here (it needs a meaning, which the plan settings ask); it is matched to one of the plan's
statuses or left unknown. Until the import is confirmed nothing is created: a value to create
stands in the lookups as a placeholder with a negative id, replaced by the real row when the
import is written.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from daadkracht.plans.models import Plan, Theme
from daadkracht.plans.spreadsheets.cells import normalise, split_list, suggestion
from daadkracht.plans.spreadsheets.columns.lists import INVOLVEMENT
from daadkracht.plans.spreadsheets.reading import Table
from daadkracht.plans.spreadsheets.records import LEAVE_EMPTY, Lookups
from daadkracht.tenancy.models import Department


class Kind(StrEnum):
    THEME = "theme"
    DEPARTMENT = "department"
    STATUS = "status"


CREATE = "create"
EMPTY = "empty"
EXTERNAL = "external"  # a department that is an organisation outside the municipality
USE = "use:"  # followed by the id of the existing item


@dataclass
class Missing:
    """A value the plan does not know, the rows that use it, and the closest known one."""

    kind: Kind
    name: str
    rows: list[int] = field(default_factory=list)
    suggestion: Any = None

    @property
    def key(self) -> str:
        return resolution_key(self.kind, self.name)


def resolution_key(kind: str, name: str) -> str:
    return f"{kind}:{normalise(name)}"


def cell_names(key: str, text: str) -> list[tuple[Kind, str]]:
    """The themes, departments or statuses one cell of the column `key` names."""
    if key == "themes":
        return [(Kind.THEME, part) for part in split_list(text)]
    if key == "lead_department" and text:
        return [(Kind.DEPARTMENT, text)]
    if key == "status" and text:
        return [(Kind.STATUS, text)]
    if key == "involvements":
        names = []
        for part in split_list(text):
            match = INVOLVEMENT.match(part)
            names.append((Kind.DEPARTMENT, (match["name"] if match else part).strip()))
        return names
    return []


def _names(table: Table) -> Iterator[tuple[Kind, str, int]]:
    """Every theme, department and status a cell names, with its row number."""
    for number, cells in table.rows:
        for column, raw in zip(table.columns, cells, strict=True):
            if column is not None:
                for kind, name in cell_names(column.key, raw.text):
                    yield kind, name, number


def missing_values(table: Table, lookups: Lookups) -> list[Missing]:
    """The unknown themes, departments and statuses of a file, once each."""
    known = {
        Kind.THEME: lookups.theme_by_key,
        Kind.DEPARTMENT: lookups.department_by_name,
        Kind.STATUS: lookups.status_by_name,
    }
    found: dict[str, Missing] = {}
    for kind, name, number in _names(table):
        if not name or normalise(name) in known[kind]:
            continue
        missing = found.setdefault(resolution_key(kind, name), Missing(kind, name))
        if number not in missing.rows:
            missing.rows.append(number)
    for missing in found.values():
        if missing.kind == Kind.THEME:
            written = [t.key for t in lookups.themes] + [t.name for t in lookups.themes]
            close = suggestion(missing.name, written)
            missing.suggestion = lookups.theme_by_key.get(normalise(close)) if close else None
        elif missing.kind == Kind.STATUS:
            close = suggestion(missing.name, list(lookups.status_by_name))
            missing.suggestion = lookups.status_by_name.get(normalise(close)) if close else None
        else:
            close = suggestion(missing.name, [d.name for d in lookups.departments])
            missing.suggestion = lookups.department_by_name.get(normalise(close)) if close else None
    # Themes first, then departments, then statuses; each kind in the order the file has them.
    order = list(Kind)
    return sorted(found.values(), key=lambda item: order.index(item.kind))


def apply_resolutions(lookups: Lookups, plan: Plan, resolutions: dict[str, list[str]]) -> None:
    """Make the lookups answer for the resolved values (key → [choice, name as written]): an
    existing item, a placeholder to be created (negative id), or LEAVE_EMPTY. Placeholders are
    numbered in a fixed order, so that the preview and the confirmation agree."""
    next_id = -1
    for key in sorted(resolutions):
        kind, _sep, name_key = key.partition(":")
        choice, written = [*resolutions[key], "", ""][:2]
        by_name: dict[str, Any]
        by_id: dict[int, Any]
        if kind == Kind.THEME:
            by_name, by_id = lookups.theme_by_key, lookups.theme_by_id
        elif kind == Kind.DEPARTMENT:
            by_name, by_id = lookups.department_by_name, lookups.department_by_id
        elif kind == Kind.STATUS:
            by_name, by_id = lookups.status_by_name, lookups.status_by_id
            if choice not in (EMPTY,) and not choice.startswith(USE):
                continue  # a status is not created on the way
        else:
            continue
        if by_name.get(name_key) is not None:
            continue  # known meanwhile
        if choice == EMPTY:
            by_name[name_key] = LEAVE_EMPTY
        elif choice == EXTERNAL and kind == Kind.DEPARTMENT and written.strip():
            by_name[name_key] = LEAVE_EMPTY
            lookups.external_names[name_key] = written.strip()
        elif choice.startswith(USE) and choice[len(USE) :].isdecimal():
            item = by_id.get(int(choice[len(USE) :]))
            if item is not None:
                by_name[name_key] = item
        elif choice == CREATE and written.strip():
            placeholder: Any
            if kind == Kind.THEME:
                placeholder = Theme(pk=next_id, plan=plan, name=written.strip()[:200], code="")
                lookups.themes.append(placeholder)
            else:
                placeholder = Department(pk=next_id, name=written.strip()[:120])
                lookups.departments.append(placeholder)
            lookups.to_create.append(placeholder)
            by_name[name_key] = placeholder
            by_id[next_id] = placeholder
            next_id -= 1


def unresolved(missing: list[Missing], resolutions: dict[str, list[str]]) -> list[Missing]:
    return [item for item in missing if item.key not in resolutions]
