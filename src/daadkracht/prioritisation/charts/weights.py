"""The criteria's weights as shares of the total, with the width of each one's bar."""

from dataclasses import dataclass
from decimal import Decimal

from daadkracht.common.charts import scale
from daadkracht.prioritisation.models import Criterion

BAR_LENGTH = 200  # the bar of the heaviest criterion, in the chart's units


@dataclass(frozen=True)
class WeightShare:
    criterion: Criterion
    share: float  # of the total weight, 0-100
    width: float  # of the bar, in the chart's units


def weight_shares(criteria: list[Criterion]) -> list[WeightShare]:
    total = sum((c.weight for c in criteria), Decimal(0))
    heaviest = max((c.weight for c in criteria), default=Decimal(0))
    return [
        WeightShare(
            c,
            float(c.weight / total * 100) if total else 0.0,
            scale(c.weight, heaviest, BAR_LENGTH),
        )
        for c in criteria
    ]
