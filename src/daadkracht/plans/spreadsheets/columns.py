"""The columns of the action spreadsheet: the one definition of the headers and of how each
value is written to a file and read back from one.

The headers are Dutch and fixed, like the columns of a form that municipalities exchange: a
file exported in any interface language can be imported again. Cell values of lists (statuses,
phases…) are written in Dutch; on import the code and the label in every interface language are
accepted, case and spacing ignored.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import formats, timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from daadkracht.plans.models import (
    DepartmentRole,
    FundingSource,
    Phase,
    Priority,
    Tag,
    Visibility,
    covenant,
)
from daadkracht.plans.spreadsheets.cells import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    KEEP,
    LIST_SEPARATOR,
    CellError,
    RawCell,
    choice_labels,
    normalise,
    parse_date,
    parse_number,
    split_list,
    suggestion,
)
from daadkracht.plans.spreadsheets.records import ActionRecord, Lookups, theme_key


def _unknown(kind: str, value: str, known: Iterable[str]) -> CellError:
    """An unknown department, status, theme… with the closest known value, if any."""
    close = suggestion(value, known)
    messages = UNKNOWN_MESSAGES[kind]
    if close:
        return CellError(str(messages[1]), value=value, suggestion=close)
    return CellError(str(messages[0]), value=value)


UNKNOWN_MESSAGES: dict[str, tuple[Promise, Promise]] = {
    "department": (
        gettext_lazy("Row %(row)s: unknown department “%(value)s”."),
        gettext_lazy(
            "Row %(row)s: unknown department “%(value)s” — did you mean “%(suggestion)s”?"
        ),
    ),
    "status": (
        gettext_lazy("Row %(row)s: unknown status “%(value)s”."),
        gettext_lazy("Row %(row)s: unknown status “%(value)s” — did you mean “%(suggestion)s”?"),
    ),
    "theme": (
        gettext_lazy("Row %(row)s: unknown theme “%(value)s”."),
        gettext_lazy("Row %(row)s: unknown theme “%(value)s” — did you mean “%(suggestion)s”?"),
    ),
    "person": (
        gettext_lazy(
            "Row %(row)s: “%(value)s” is not the e-mail address of a member of the municipality."
        ),
        gettext_lazy(
            "Row %(row)s: “%(value)s” is not the e-mail address of a member of the municipality"
            " — did you mean “%(suggestion)s”?"
        ),
    ),
    "value": (
        gettext_lazy("Row %(row)s: “%(value)s” is not a valid value for “%(column)s”."),
        gettext_lazy(
            "Row %(row)s: “%(value)s” is not a valid value for “%(column)s”"
            " — did you mean “%(suggestion)s”?"
        ),
    ),
}


@dataclass(frozen=True, kw_only=True)
class Column:
    """One column: its Dutch header, what it means, how it is written and read back."""

    key: str
    header: str
    label: Promise
    help: Promise
    example: str = ""
    width: int = 16
    required: bool = False
    importable: bool = True
    number_format: str | None = None
    is_text: ClassVar[bool] = False
    dropdown: ClassVar[bool] = False

    def current(self, record: ActionRecord) -> Any:
        """The stored value, in the form `parse` returns, for comparing."""
        return getattr(record.action, self.key)

    def cell(self, record: ActionRecord) -> Any:
        """The value written to a spreadsheet cell (text, number, date or None)."""
        value = self.current(record)
        return None if value in (None, "") else value

    def parse(self, raw: RawCell, lookups: Lookups) -> Any:
        return raw.text

    def display(self, value: Any, lookups: Lookups) -> str:
        """The value as shown in the import preview."""
        if value is None or value == "" or value == ():
            return "—"
        if isinstance(value, date | Decimal | int):
            return str(formats.localize(value))
        return str(value)

    def allowed(self, lookups: Lookups) -> list[str]:
        """The allowed values, for the template's explanation and its dropdowns."""
        return []

    def error(self, kind: str, value: str, known: Iterable[str]) -> CellError:
        error = _unknown(kind, value, known)
        error.params["column"] = self.header
        return error


@dataclass(frozen=True, kw_only=True)
class TextColumn(Column):
    max_length: int | None = None
    is_text: ClassVar[bool] = True

    def current(self, record: ActionRecord) -> Any:
        return getattr(record.action, self.key) or ""

    def parse(self, raw: RawCell, lookups: Lookups) -> str:
        text = raw.text
        if len(text) > 1 and text[0] == "'" and text[1] in "=+-@":
            text = text[1:]  # the export's guard against formulas in CSV files
        if self.max_length and len(text) > self.max_length:
            raise CellError(
                _("Row %(row)s: “%(column)s” is %(length)s characters long; at most %(max)s fit."),
                column=self.header,
                length=len(text),
                max=self.max_length,
            )
        return text


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
        return f"{LIST_SEPARATOR} ".join(parts) or None

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
        return f"{LIST_SEPARATOR} ".join(parts) or "—"

    def allowed(self, lookups: Lookups) -> list[str]:
        return list(choice_labels(DepartmentRole).values())


@dataclass(frozen=True, kw_only=True)
class ThemesColumn(Column):
    def current(self, record: ActionRecord) -> Any:
        return tuple(sorted(t.pk for t in record.themes))

    def cell(self, record: ActionRecord) -> Any:
        themes = sorted(record.themes, key=lambda t: (t.position, t.code, t.name))
        return f"{LIST_SEPARATOR} ".join(theme_key(t) for t in themes) or None

    def parse(self, raw: RawCell, lookups: Lookups) -> Any:
        ids = set()
        for part in split_list(raw.text):
            theme = lookups.theme_by_key.get(normalise(part))
            if theme is None:
                raise self.error("theme", part, [theme_key(t) for t in lookups.themes])
            ids.add(theme.pk)
        return tuple(sorted(ids))

    def display(self, value: Any, lookups: Lookups) -> str:
        keys = [theme_key(lookups.theme_by_id[pk]) for pk in value if pk in lookups.theme_by_id]
        return f"{LIST_SEPARATOR} ".join(keys) or "—"

    def allowed(self, lookups: Lookups) -> list[str]:
        return [f"{t.code} {t.name}".strip() if t.code else t.name for t in lookups.themes]


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


@dataclass(frozen=True, kw_only=True)
class TagsColumn(Column):
    """Free words; an unknown one becomes a new tag."""

    def current(self, record: ActionRecord) -> Any:
        return tuple(sorted((t.name for t in record.tags), key=normalise))

    def cell(self, record: ActionRecord) -> Any:
        return f"{LIST_SEPARATOR} ".join(self.current(record)) or None

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
        return f"{LIST_SEPARATOR} ".join(value) or "—"


@dataclass(frozen=True, kw_only=True)
class CoBenefitsColumn(Column):
    def current(self, record: ActionRecord) -> Any:
        stored = set(record.action.co_benefits or [])
        return tuple(code for code in covenant.CoBenefit.values if code in stored)

    def cell(self, record: ActionRecord) -> Any:
        labels = choice_labels(covenant.CoBenefit)
        return f"{LIST_SEPARATOR} ".join(labels[c] for c in self.current(record)) or None

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
        return f"{LIST_SEPARATOR} ".join(labels[c] for c in value) or "—"

    def allowed(self, lookups: Lookups) -> list[str]:
        return list(choice_labels(covenant.CoBenefit).values())


@dataclass(frozen=True, kw_only=True)
class DateColumn(Column):
    number_format: str | None = DATE_FORMAT

    def parse(self, raw: RawCell, lookups: Lookups) -> date | None:
        try:
            return parse_date(raw)
        except ValueError:
            raise CellError(
                _(
                    "Row %(row)s: “%(value)s” in “%(column)s” is not a date;"
                    " write it as dd/mm/yyyy, for example 31/12/2030."
                ),
                value=raw.text,
                column=self.header,
            ) from None


@dataclass(frozen=True, kw_only=True)
class DecimalColumn(Column):
    """An amount or quantity, never negative."""

    max_digits: int = 14
    decimal_places: int = 2

    def parse(self, raw: RawCell, lookups: Lookups) -> Decimal | None:
        try:
            number = parse_number(raw)
        except (ValueError, InvalidOperation):
            raise CellError(
                _(
                    "Row %(row)s: “%(value)s” in “%(column)s” is not a number;"
                    " write for example 1250,50."
                ),
                value=raw.text,
                column=self.header,
            ) from None
        if number is None:
            return None
        if number < 0:
            raise CellError(_("Row %(row)s: “%(column)s” cannot be negative."), column=self.header)
        number = number.quantize(Decimal(1).scaleb(-self.decimal_places), ROUND_HALF_UP)
        if len(number.as_tuple().digits) > self.max_digits:
            raise CellError(
                _("Row %(row)s: “%(value)s” in “%(column)s” is too large."),
                value=raw.text,
                column=self.header,
            )
        return number


@dataclass(frozen=True, kw_only=True)
class PercentColumn(Column):
    """Progress: a whole percentage; an empty cell keeps the stored progress."""

    number_format: str | None = "0"

    def parse(self, raw: RawCell, lookups: Lookups) -> Any:
        try:
            number = parse_number(raw)
        except (ValueError, InvalidOperation):
            number = Decimal(-1)
        if number is None:
            return KEEP
        if "%" in raw.number_format:  # a cell formatted as a percentage holds 0.45 for 45 %
            number *= 100
        if not 0 <= number <= 100:
            raise CellError(
                _("Row %(row)s: progress “%(value)s” must be a percentage from 0 to 100."),
                value=raw.text,
            )
        return int(number.quantize(Decimal(1), ROUND_HALF_UP))


@dataclass(frozen=True, kw_only=True)
class LastUpdateColumn(Column):
    """Written by the export for information; ignored by the import."""

    importable: bool = False
    number_format: str | None = DATETIME_FORMAT

    def cell(self, record: ActionRecord) -> Any:
        value = record.action.last_update_at
        return timezone.localtime(value).replace(tzinfo=None, microsecond=0) if value else None


def _money(key: str, header: str, label: Promise) -> DecimalColumn:
    return DecimalColumn(
        key=key,
        header=header,
        label=label,
        help=gettext_lazy("An amount in euro; use a comma for decimals: 1250,50 or 1.250,50."),
        example="25000",
        width=14,
        number_format="#,##0.00",
    )


def _quantity(key: str, header: str, label: Promise, help: Promise) -> DecimalColumn:
    return DecimalColumn(
        key=key,
        header=header,
        label=label,
        help=help,
        example="12,5",
        width=14,
        max_digits=12,
        decimal_places=1,
        number_format="#,##0.0",
    )


COLUMNS: list[Column] = [
    TextColumn(
        key="identifier",
        header="Nummer",
        label=gettext_lazy("identifier"),
        help=gettext_lazy(
            "The action's identifier in the plan, for example B3.04. An action whose identifier"
            " exists already is updated; any other row adds a new action."
        ),
        example="B3.04",
        width=10,
        required=True,
        max_length=20,
    ),
    TextColumn(
        key="title",
        header="Titel",
        label=gettext_lazy("title"),
        help=gettext_lazy("A short title that says what will be done."),
        example="Fietsstraten in het centrum",
        width=40,
        required=True,
        max_length=250,
    ),
    TextColumn(
        key="description",
        header="Beschrijving",
        label=gettext_lazy("description"),
        help=gettext_lazy("What the action involves, in a few sentences."),
        width=50,
    ),
    ThemesColumn(
        key="themes",
        header="Thema's",
        label=gettext_lazy("themes"),
        help=gettext_lazy("Theme codes (or names), separated by semicolons."),
        example="B3; B7",
        width=14,
    ),
    DepartmentColumn(
        key="lead_department",
        header="Trekkende dienst",
        label=gettext_lazy("lead department"),
        help=gettext_lazy("The department that leads the action, by its name."),
        width=22,
    ),
    InvolvedColumn(
        key="involvements",
        header="Betrokken diensten",
        label=gettext_lazy("involved departments"),
        help=gettext_lazy(
            "Other departments, each with its role in brackets, separated by semicolons."
            " Without a role a department contributes."
        ),
        example="Groendienst (draagt bij); Wonen (geraadpleegd)",
        width=34,
    ),
    PersonColumn(
        key="responsible",
        header="Verantwoordelijke (e-mail)",
        label=gettext_lazy("responsible person"),
        help=gettext_lazy("The e-mail address of the responsible person, a member of this site."),
        example="naam@gemeente.be",
        width=28,
    ),
    StatusColumn(
        key="status",
        header="Status",
        label=gettext_lazy("status"),
        help=gettext_lazy(
            "One of the plan's statuses. Empty: unchanged, or the first status for a new action."
        ),
        width=16,
    ),
    ChoiceColumn(
        key="phase",
        header="Fase",
        label=gettext_lazy("phase"),
        help=gettext_lazy("The implementation phase. Empty: unchanged, or idea for a new action."),
        width=16,
        choices=Phase,
        keep_when_empty=True,
    ),
    PercentColumn(
        key="progress",
        header="Voortgang (%)",
        label=gettext_lazy("progress"),
        help=gettext_lazy("A whole number from 0 to 100. Empty: unchanged, or 0."),
        example="40",
        width=10,
    ),
    ChoiceColumn(
        key="priority",
        header="Prioriteit",
        label=gettext_lazy("priority"),
        help=gettext_lazy("Empty: unchanged, or normal for a new action."),
        width=12,
        choices=Priority,
        keep_when_empty=True,
    ),
    DateColumn(
        key="start_date",
        header="Startdatum",
        label=gettext_lazy("start date"),
        help=gettext_lazy("A date as dd/mm/yyyy (31/12/2030), as yyyy-mm-dd, or an Excel date."),
        example="01/09/2025",
        width=12,
    ),
    DateColumn(
        key="deadline",
        header="Deadline",
        label=gettext_lazy("deadline"),
        help=gettext_lazy("A date as dd/mm/yyyy (31/12/2030), as yyyy-mm-dd, or an Excel date."),
        example="31/12/2027",
        width=12,
    ),
    _money("budget_planned", "Budget gepland (€)", gettext_lazy("budget planned")),
    _money("budget_committed", "Budget vastgelegd (€)", gettext_lazy("budget committed")),
    _money("budget_spent", "Budget besteed (€)", gettext_lazy("budget spent")),
    ChoiceColumn(
        key="funding_source",
        header="Financieringsbron",
        label=gettext_lazy("funding source"),
        help=gettext_lazy("Where the money comes from."),
        width=20,
        choices=FundingSource,
    ),
    _quantity(
        "co2_reduction",
        "CO2-reductie (t/jaar)",
        gettext_lazy("expected CO2 reduction"),
        gettext_lazy("Expected reduction in tonnes of CO2 per year."),
    ),
    _quantity(
        "energy_saved",
        "Energiebesparing (MWh/jaar)",
        gettext_lazy("energy saved"),
        gettext_lazy("Energy saved in MWh per year."),
    ),
    _quantity(
        "renewable_produced",
        "Hernieuwbare productie (MWh/jaar)",
        gettext_lazy("renewable energy produced"),
        gettext_lazy("Renewable energy produced in MWh per year."),
    ),
    ChoiceColumn(
        key="com_sector",
        header="Convenant: sector",
        label=gettext_lazy("Covenant of Mayors sector"),
        help=gettext_lazy("The sector in the Covenant of Mayors report."),
        width=24,
        choices=covenant.Sector,
    ),
    ChoiceColumn(
        key="com_area",
        header="Convenant: interventiegebied",
        label=gettext_lazy("Covenant of Mayors area of intervention"),
        help=gettext_lazy("The area of intervention in the Covenant of Mayors report."),
        width=24,
        choices=covenant.AreaOfIntervention,
    ),
    ChoiceColumn(
        key="com_instrument",
        header="Convenant: beleidsinstrument",
        label=gettext_lazy("Covenant of Mayors policy instrument"),
        help=gettext_lazy("The policy instrument in the Covenant of Mayors report."),
        width=24,
        choices=covenant.PolicyInstrument,
    ),
    ChoiceColumn(
        key="com_kind",
        header="Mitigatie of adaptatie",
        label=gettext_lazy("mitigation or adaptation"),
        help=gettext_lazy("Empty: unchanged, or mitigation for a new action."),
        width=18,
        choices=covenant.ActionKind,
        keep_when_empty=True,
    ),
    CoBenefitsColumn(
        key="co_benefits",
        header="Nevenvoordelen",
        label=gettext_lazy("co-benefits"),
        help=gettext_lazy("What else the action improves, separated by semicolons."),
        width=28,
    ),
    ChoiceColumn(
        key="visibility",
        header="Zichtbaarheid",
        label=gettext_lazy("visibility"),
        help=gettext_lazy(
            "Public actions appear on the public site; internal ones only for members."
            " Empty: unchanged, or internal for a new action."
        ),
        width=12,
        choices=Visibility,
        keep_when_empty=True,
    ),
    TagsColumn(
        key="tags",
        header="Tags",
        label=gettext_lazy("tags"),
        help=gettext_lazy("Free words, separated by semicolons; new tags are added."),
        example="fiets; school",
        width=20,
    ),
    LastUpdateColumn(
        key="last_update_at",
        header="Laatste update",
        label=gettext_lazy("last update"),
        help=gettext_lazy("Filled in by the export; an import leaves it alone."),
        width=16,
    ),
]

COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}
REQUIRED_COLUMNS = [column for column in COLUMNS if column.required]
# Fields stored on the action row itself; the others are relations written separately.
RELATION_KEYS = {"themes", "involvements", "tags"}


def header_lookup() -> dict[str, Column]:
    """Every accepted header → its column: the Dutch header, the key, the label in any language."""
    lookup: dict[str, Column] = {}
    for column in COLUMNS:
        lookup[normalise(column.header)] = column
        lookup.setdefault(normalise(column.key), column)
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for column in COLUMNS:
                lookup.setdefault(normalise(str(column.label)), column)
    return lookup
