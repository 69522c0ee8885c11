"""The board's columns: one per status, each with its first cards and the count of all."""

from dataclasses import dataclass

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber

from daadkracht.plans.models import ActionStatus, Plan
from daadkracht.plans.selectors.actions import ActionFilter, filtered_actions
from daadkracht.plans.selectors.rows import ActionListRow, action_list_rows
from daadkracht.tenancy.models import Membership

BOARD_CARDS_PER_COLUMN = 20


@dataclass(frozen=True)
class BoardColumn:
    status: ActionStatus
    count: int
    cards: list[ActionListRow]
    # The <option>s of the cards' "move to" menus, with this column's status chosen: the same
    # for every card of the column, so rendered once rather than per card.
    move_options: str = ""

    @property
    def hidden(self) -> int:
        return self.count - len(self.cards)


def board_columns(
    *, plan: Plan, filters: ActionFilter, statuses: list[ActionStatus], who: Membership
) -> list[BoardColumn]:
    """One column per status, with at most BOARD_CARDS_PER_COLUMN cards: two queries in all."""
    matching = filtered_actions(filters, plan)
    counts = {
        entry["status_id"]: entry["n"]
        for entry in matching.order_by().values("status_id").annotate(n=Count("id"))
    }
    ranked = (
        matching.select_related("status", "lead_department")
        .annotate(
            board_rank=Window(
                RowNumber(),
                partition_by=[F("status_id")],
                order_by=[F("deadline").asc(nulls_last=True), F("identifier").asc()],
            )
        )
        .filter(board_rank__lte=BOARD_CARDS_PER_COLUMN)
        .order_by(F("deadline").asc(nulls_last=True), "identifier")
    )
    by_status: dict[int, list[ActionListRow]] = {}
    for row in action_list_rows(list(ranked), plan, who):
        by_status.setdefault(row.action.status_id, []).append(row)
    return [
        BoardColumn(
            status=status, count=counts.get(status.pk, 0), cards=by_status.get(status.pk, [])
        )
        for status in statuses
    ]
