"""The action page's small budget chart: planned, committed and spent as bars on one scale."""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from daadkracht.common.charts import scale
from daadkracht.plans.models import Action


@dataclass(frozen=True)
class BudgetBar:
    label: str
    value: Any
    width: int
    css: str
    y: int


BUDGET_CHART_WIDTH = 320


def budget_bars(action: Action) -> list[BudgetBar]:
    """Planned, committed and spent budget as bars on one scale, for a small SVG chart."""
    rows = [
        (_("Planned"), action.budget_planned, "bar--planned"),
        (_("Committed"), action.budget_committed, "bar--committed"),
        (_("Spent"), action.budget_spent, "bar--spent"),
    ]
    largest = max((value for _label, value, _css in rows if value), default=None)
    if not largest:
        return []
    return [
        BudgetBar(
            label,
            value,
            round(scale(value or 0, largest, BUDGET_CHART_WIDTH)),
            css,
            index * 26,
        )
        for index, (label, value, css) in enumerate(rows)
    ]
