"""Reads of the trajectory: its page, a phase's checklist, and the figures of the coach's
overview for several municipalities at once."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from daadkracht.trajectory.models import ChecklistItem, Phase, PhaseKind, PhaseState, Trajectory

NEXT_ITEMS = 3  # open items shown with each phase on the trajectory page


def trajectory_current() -> Trajectory | None:
    """The active municipality's trajectory, with its contact person."""
    return Trajectory.objects.select_related("contact_person").first()


@dataclass
class PhaseRow:
    phase: Phase
    items: list[ChecklistItem] = field(default_factory=list)

    @property
    def open_items(self) -> list[ChecklistItem]:
        return [item for item in self.items if not item.is_done]

    @property
    def next_items(self) -> list[ChecklistItem]:
        """The open items that come due first; those without a date last."""
        ordered = sorted(
            self.open_items, key=lambda i: (i.due_date is None, i.due_date or date.min)
        )
        return ordered[:NEXT_ITEMS]

    @property
    def done_count(self) -> int:
        return sum(1 for item in self.items if item.is_done)


@dataclass
class TrajectoryOverview:
    trajectory: Trajectory
    phases: list[PhaseRow]
    responsibilities: list[ChecklistItem]

    @property
    def current(self) -> Phase | None:
        return current_phase([row.phase for row in self.phases])


def current_phase(phases: Sequence[Phase]) -> Phase | None:
    """The first phase under way; else the first not started; None when all are done."""
    for state in (PhaseState.UNDER_WAY, PhaseState.NOT_STARTED):
        for phase in phases:
            if phase.state == state:
                return phase
    return None


def trajectory_overview(trajectory: Trajectory) -> TrajectoryOverview:
    """The phases with their checklists and the municipality's responsibilities, in two
    queries."""
    phases = list(Phase.objects.filter(trajectory=trajectory))
    rows = {phase.pk: PhaseRow(phase) for phase in phases}
    responsibilities = []
    for item in ChecklistItem.objects.filter(trajectory=trajectory):
        if item.phase_id is None:
            responsibilities.append(item)
        else:
            rows[item.phase_id].items.append(item)
    return TrajectoryOverview(trajectory, list(rows.values()), responsibilities)


def phase_items(phase: Phase) -> list[ChecklistItem]:
    return list(ChecklistItem.objects.filter(phase=phase))


@dataclass(frozen=True)
class TrajectorySummary:
    """A municipality's trajectory on the coach's overview."""

    phase_kind: str | None  # None when every phase is done
    phase_label: str | None
    open_items: int
    overdue_items: int

    @property
    def position(self) -> int:
        """The current phase's place in the order of phases; after the last when all are done."""
        kinds = list(PhaseKind.values)
        return kinds.index(self.phase_kind) if self.phase_kind in kinds else len(kinds)


def trajectory_summaries(
    municipality_ids: Sequence[int], today: date
) -> dict[int, TrajectorySummary]:
    """Per municipality id with a trajectory: its current phase and open checklist items, in
    one query for all of them."""
    phases = Phase.objects.filter(trajectory=OuterRef("pk"))
    current = phases.filter(state=PhaseState.UNDER_WAY).order_by("position")
    upcoming = phases.filter(state=PhaseState.NOT_STARTED).order_by("position")
    is_open = Q(checklist_items__done_at__isnull=True)
    rows = (
        Trajectory.objects.filter(municipality_id__in=municipality_ids)
        .annotate(
            phase_kind=Coalesce(
                Subquery(current.values("kind")[:1]), Subquery(upcoming.values("kind")[:1])
            ),
            open_items=Count("checklist_items", filter=is_open),
            overdue_items=Count(
                "checklist_items", filter=is_open & Q(checklist_items__due_date__lt=today)
            ),
        )
        .values("municipality_id", "phase_kind", "open_items", "overdue_items")
        .order_by()
    )
    labels = dict(Phase._meta.get_field("kind").flatchoices)
    return {
        row["municipality_id"]: TrajectorySummary(
            row["phase_kind"],
            str(labels[row["phase_kind"]]) if row["phase_kind"] else None,
            row["open_items"],
            row["overdue_items"],
        )
        for row in rows
    }
