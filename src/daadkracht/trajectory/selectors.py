"""Reads of the trajectory: its page, a phase's checklist, the figures of the coach's overview
for several municipalities at once, and the administrative collaboration model."""

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from daadkracht.accounts.models import User
from daadkracht.tenancy.models import Department, Municipality
from daadkracht.trajectory.models import (
    ChecklistItem,
    ClimateContactName,
    CollaborationBody,
    CollaborationModel,
    Phase,
    PhaseKind,
    PhaseState,
    Trajectory,
)

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


# --- The administrative collaboration model -------------------------------------------------


@dataclass(frozen=True)
class ContactRow:
    """A department and its climate contact: a member, a name without an account, or none."""

    department: Department
    member: User | None
    name: str

    @property
    def contact(self) -> str:
        return str(self.member) if self.member is not None else self.name

    @property
    def email(self) -> str:
        return self.member.email if self.member is not None else ""

    @property
    def is_gap(self) -> bool:
        return not self.contact


@dataclass(frozen=True)
class CollaborationModelSummary:
    """What the collaboration model page and the plan of approach show."""

    model: CollaborationModel | None
    bodies: list[CollaborationBody]
    contacts: list[ContactRow]

    @property
    def covered(self) -> int:
        return sum(1 for row in self.contacts if not row.is_gap)

    @property
    def gaps(self) -> list[ContactRow]:
        return [row for row in self.contacts if row.is_gap]

    @property
    def is_empty(self) -> bool:
        """Nothing described yet; departments may have their climate contacts already."""
        return self.model is None


def collaboration_model_current() -> CollaborationModel | None:
    """The active municipality's collaboration model."""
    return CollaborationModel.objects.select_related(
        "coordinator", "coordinating_department"
    ).first()


def climate_contact_rows(municipality: Municipality) -> list[ContactRow]:
    """Every department of the municipality with its climate contact, by name; two queries."""
    departments = Department.objects.filter(municipality_id=municipality.pk).select_related(
        "climate_contact"
    )
    names = dict(
        ClimateContactName.objects.filter(municipality_id=municipality.pk).values_list(
            "department_id", "name"
        )
    )
    return [
        ContactRow(
            department,
            department.climate_contact,
            "" if department.climate_contact_id else names.get(department.pk, ""),
        )
        for department in departments.order_by("name")
    ]


def collaboration_model_summary(municipality: Municipality) -> CollaborationModelSummary:
    """The municipality's collaboration model, its bodies and every department's climate
    contact, in four queries whatever their number. For `trajectory/_collaboration_model_
    summary.html`, as `collaboration_summary`."""
    model = (
        CollaborationModel.objects.filter(municipality_id=municipality.pk)
        .select_related("coordinator", "coordinating_department")
        .first()
    )
    bodies = (
        list(
            CollaborationBody.objects.filter(collaboration_model=model).select_related(
                "climate_team"
            )
        )
        if model is not None
        else []
    )
    return CollaborationModelSummary(model, bodies, climate_contact_rows(municipality))


def climate_contacts_basis(municipality: Municipality) -> str:
    """A mark of the climate contacts as stored: it changes with any department's contact."""
    rows = sorted(
        (row.department.pk, row.member.pk if row.member else None, row.name)
        for row in climate_contact_rows(municipality)
    )
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()[:32]
