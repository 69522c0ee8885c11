"""The action spreadsheet's columns in order, and every header an import accepts for each."""

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from daadkracht.common.numbers import parse_amount, read_money, read_tonnes
from daadkracht.plans.models import FundingSource, Phase, Priority, Visibility, covenant
from daadkracht.plans.spreadsheets.cells import normalise
from daadkracht.plans.spreadsheets.columns.base import Column
from daadkracht.plans.spreadsheets.columns.lists import (
    CoBenefitsColumn,
    InvolvedColumn,
    TagsColumn,
    ThemesColumn,
)
from daadkracht.plans.spreadsheets.columns.references import (
    ChoiceColumn,
    DepartmentColumn,
    PersonColumn,
    StatusColumn,
)
from daadkracht.plans.spreadsheets.columns.values import (
    DateColumn,
    DecimalColumn,
    ExtraListColumn,
    LastUpdateColumn,
    PercentColumn,
    TextColumn,
)


def _money(key: str, header: str, label: Promise, note_field: str | None = None) -> DecimalColumn:
    return DecimalColumn(
        key=key,
        header=header,
        label=label,
        note_field=note_field,
        reader=read_money if note_field else parse_amount,
        help=gettext_lazy("An amount in euro; use a comma for decimals: 1250,50 or 1.250,50.")
        if note_field is None
        else gettext_lazy(
            "An amount in euro; use a comma for decimals: 1250,50 or 1.250,50; € 1,2 mio is read"
            " too. Text that is no single amount (15-20 mio EUR) is kept as the source says it."
        ),
        example="25000",
        width=14,
        number_format="#,##0.00",
    )


def _quantity(
    key: str, header: str, label: Promise, help: Promise, note_field: str | None = None
) -> DecimalColumn:
    return DecimalColumn(
        note_field=note_field,
        reader=read_tonnes if note_field else parse_amount,
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
            " exists already is updated; any other row adds a new action. Left empty, a new"
            " action gets the next free identifier of its first theme."
        ),
        example="B3.04",
        width=10,
        max_length=40,
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
            "One of the plan's statuses. Empty: unchanged, or for a new action the status"
            " “unknown” (not “not started”), until someone posts its status."
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
        help=gettext_lazy(
            "A date as dd/mm/yyyy (31/12/2030), as yyyy-mm-dd, or an Excel date; a year alone"
            " (2026) is read as 1/1 of that year."
        ),
        example="01/09/2025",
        width=12,
    ),
    DateColumn(
        key="deadline",
        header="Deadline",
        label=gettext_lazy("deadline"),
        help=gettext_lazy(
            "A date as dd/mm/yyyy (31/12/2030), as yyyy-mm-dd, or an Excel date; a year alone"
            " (2030) is read as 31/12 of that year."
        ),
        year_ends=True,
        example="31/12/2027",
        width=12,
    ),
    _money("budget_planned", "Budget gepland (€)", gettext_lazy("budget planned"), "budget_note"),
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
        gettext_lazy(
            "Expected reduction in tonnes of CO2 per year; 1.150 t CO2-eq/y is read too. Text"
            " that is no single number (a few 100 t) is kept as the source says it."
        ),
        "co2_note",
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
        help=gettext_lazy(
            "Empty: unchanged; for a new action, what you choose once for the whole import in"
            " the preview (by default what most actions of its theme are)."
        ),
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
    ExtraListColumn(
        key="partners",
        header="Partners",
        label=gettext_lazy("partners"),
        help=gettext_lazy(
            "Organisations of the network that work on the action, separated by semicolons,"
            " each with its role in brackets: lead partner, co-financer, executor or supporter"
            " (without a role: supporter). A comma belongs to the name. The list replaces the"
            " action's partners; an empty cell removes them. A name the network does not know"
            " yet is asked about before anything is imported."
        ),
        example="Fluvius (trekker); IVBO (co-financier)",
        width=30,
        importable=True,
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
