"""The query parameters of the plan's pages: the filters every list of actions shares, and the
few parameters of the action page, the export, the import and the theme form."""

from daadkracht.common.query import (
    EXPORT_FORMATS,
    FlagField,
    IdField,
    KeyField,
    QueryForm,
    TextField,
)
from daadkracht.plans.models import Phase, Priority, UpdateKind

# What the timeline can show on its own: updates, decisions, or the changes recorded with an
# edit, a move on the board or an import.
RECORDED = "recorded"
TIMELINE_KINDS = (*UpdateKind.values, RECORDED)


class ActionFilterQuery(QueryForm):
    """`?q=`, `?theme=`, `?department=` … as the filter form sends them; see ActionFilter."""

    q = TextField()
    theme = IdField()
    department = IdField()
    status = IdField()
    phase = KeyField(Phase.values)
    priority = KeyField(Priority.values)
    tag = IdField()
    partner = IdField()
    overdue = FlagField()
    stale = FlagField()


class TimelineQuery(QueryForm):
    """An action's timeline: `?kind=` shows one kind of entry, `?order=oldest` the oldest first."""

    kind = KeyField(TIMELINE_KINDS)
    order = KeyField(("newest", "oldest"))


class SpreadsheetQuery(QueryForm):
    """`?format=csv` for a CSV file; an Excel workbook otherwise."""

    format = KeyField(EXPORT_FORMATS)


class ImportPreviewQuery(QueryForm):
    """`?voorbeeld=1` shows the preview of the file waiting to be imported."""

    voorbeeld = FlagField()


class NewThemeQuery(QueryForm):
    """`?parent=id`: the new theme goes under this one."""

    parent = IdField()
