"""URL matrix rows: the collaboration trajectory, its phases and checklists, and its
administrative collaboration model."""

from daadkracht.meetings.catalogue import KICK_OFF_DAY
from daadkracht.testing.trajectory import drawn_up_plan, started_trajectory
from daadkracht.trajectory.models import (
    ChecklistItem,
    ChosenMethod,
    Phase,
    PhaseKind,
    PlanOfApproach,
    Trajectory,
)
from tests.url_matrix.rows import ALL_MEMBERS, FORBIDDEN, NOT_ALLOWED, OK, tenant


def _started(world) -> Trajectory:
    """Municipality A's trajectory (started once per world)."""
    trajectory = Trajectory.unscoped.filter(municipality=world.a).first()
    return trajectory or started_trajectory(world.a)


def _agreements(world) -> dict:
    _started(world)
    return {}


def _phase(world) -> dict:
    trajectory = _started(world)
    return {"pk": Phase.unscoped.get(trajectory=trajectory, kind=PhaseKind.WORKSHOPS).pk}


def _item(world) -> dict:
    trajectory = _started(world)
    return {"pk": ChecklistItem.unscoped.filter(trajectory=trajectory).first().pk}


def _plan(world) -> dict:
    """Municipality A's plan of approach (drawn up once per world), with one chosen method."""
    trajectory = _started(world)
    if not PlanOfApproach.unscoped.filter(municipality=world.a).exists():
        drawn_up_plan(
            world.a, trajectory, methods=[(KICK_OFF_DAY, "Veel diensten werken naast elkaar.")]
        )
    return {}


def _chosen(world) -> dict:
    _plan(world)
    return {"pk": ChosenMethod.unscoped.filter(municipality=world.a).first().pk}


# Coordinators and the coaches who guide the municipality through its trajectory.
MANAGING = tenant(OK, FORBIDDEN, FORBIDDEN, OK)
MANAGING_POST = tenant(NOT_ALLOWED, FORBIDDEN, FORBIDDEN, NOT_ALLOWED)

EXPECTED = {
    "trajectory:overview": ALL_MEMBERS,
    "trajectory:start": MANAGING_POST,
    "trajectory:agreements_edit": MANAGING,
    "trajectory:phase": ALL_MEMBERS,
    "trajectory:phase_edit": MANAGING,
    "trajectory:phase_item_create": MANAGING_POST,
    "trajectory:responsibility_create": MANAGING_POST,
    "trajectory:item_toggle": MANAGING_POST,
    "trajectory:item_edit": MANAGING,
    "trajectory:item_delete": MANAGING,
    "trajectory:collaboration_model": ALL_MEMBERS,
    "trajectory:collaboration_model_edit": MANAGING,
    "trajectory:collaboration_model_propose": MANAGING_POST,
    "trajectory:collaboration_bodies_edit": MANAGING,
    "trajectory:collaboration_contacts_edit": MANAGING,
    "trajectory:plan": ALL_MEMBERS,
    "trajectory:plan_pdf": ALL_MEMBERS,
    "trajectory:plan_start": MANAGING_POST,
    "trajectory:plan_edit": MANAGING,
    "trajectory:method_add": MANAGING,
    "trajectory:method_edit": MANAGING,
    "trajectory:method_delete": MANAGING,
}

SAMPLE_KWARGS = {
    "trajectory:agreements_edit": _agreements,
    "trajectory:phase": _phase,
    "trajectory:phase_edit": _phase,
    "trajectory:phase_item_create": _phase,
    "trajectory:responsibility_create": _agreements,
    "trajectory:item_toggle": _item,
    "trajectory:item_edit": _item,
    "trajectory:item_delete": _item,
    "trajectory:plan": _plan,
    "trajectory:plan_pdf": _plan,
    "trajectory:plan_start": _agreements,
    "trajectory:plan_edit": _plan,
    "trajectory:method_add": _plan,
    "trajectory:method_edit": _chosen,
    "trajectory:method_delete": _chosen,
}
