"""The criteria's weights as shares of the total, with the width of each one's bar."""

from dataclasses import dataclass
from decimal import Decimal

from daadkracht.plans.models import Criterion


@dataclass(frozen=True)
class WeightShare:
    criterion: Criterion
    share: float  # of the total weight, 0-100
    width: float  # of the bar, in the chart's units


def weight_shares(criteria: list[Criterion]) -> list[WeightShare]:
    total = sum((c.weight for c in criteria), Decimal(0))
    return [
        WeightShare(
            c,
            float(c.weight / total * 100) if total else 0.0,
            float(c.weight / max(c.weight for c in criteria) * 200) if total else 0.0,
        )
        for c in criteria
    ]
