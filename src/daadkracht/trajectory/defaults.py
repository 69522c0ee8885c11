"""What a new trajectory starts with: its six phases on a first schedule, the checklist of
what the municipality itself stays responsible for, and a first collaboration model to adapt."""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from daadkracht.trajectory.models import (
    BodyKind,
    MeetingFrequency,
    Party,
    PhaseKind,
    ReportingRhythm,
)


@dataclass(frozen=True)
class PhasePlan:
    kind: PhaseKind
    owner: Party
    start_week: int  # weeks after the trajectory's start
    weeks: int


# A first schedule of about fifteen months; every municipality moves the dates to its own pace.
PHASES = [
    PhasePlan(PhaseKind.INTAKE, Party.COACH, 0, 4),
    PhasePlan(PhaseKind.DIAGNOSIS, Party.COACH, 4, 8),
    PhasePlan(PhaseKind.WORKSHOPS, Party.MUNICIPALITY, 12, 10),
    PhasePlan(PhaseKind.PLAN, Party.COACH, 22, 6),
    PhasePlan(PhaseKind.METHODS, Party.MUNICIPALITY, 28, 26),
    PhasePlan(PhaseKind.EVALUATION, Party.MUNICIPALITY, 54, 8),
]


@dataclass(frozen=True)
class Responsibility:
    key: str
    text: Any
    # Due at the end of this phase (or at its start when `at_start`).
    phase: PhaseKind
    at_start: bool = False


RESPONSIBILITIES = [
    Responsibility(
        "contact-person",
        _("Name one contact person for the coach, who answers for the municipality"),
        PhaseKind.INTAKE,
    ),
    Responsibility(
        "political-support",
        _(
            "Win and keep the support of the executive board and the council for the Covenant "
            "of Mayors and the climate plan (SECAP)"
        ),
        PhaseKind.WORKSHOPS,
    ),
    Responsibility(
        "internal-communication",
        _("Keep the departments and the executive board informed of the trajectory"),
        PhaseKind.DIAGNOSIS,
    ),
    Responsibility(
        "ownership",
        _(
            "Own the trajectory, its communication and its results; the coach stays behind "
            "the scenes at the meetings"
        ),
        PhaseKind.PLAN,
    ),
    Responsibility(
        "preparation",
        _("Carry out the agreed tasks to prepare the workshops and meetings"),
        PhaseKind.WORKSHOPS,
        at_start=True,
    ),
    Responsibility(
        "logistics",
        _(
            "Arrange rooms, catering and materials for the sessions: sticky notes, flip "
            "charts, printed visuals"
        ),
        PhaseKind.WORKSHOPS,
        at_start=True,
    ),
]

# What a trajectory is, for the page before it starts.
EXPLANATION = _(
    "Nearly every department of the municipality helps carry out the climate plan, so the plan "
    "needs departments that work together. The collaboration trajectory guides that, step by "
    "step: an intake to agree on how the support goes, a diagnosis of how the departments work "
    "together today, workshops with their representatives, a plan of approach, carrying out the "
    "chosen methods (such as a kick-off day, lunch talks and climate teams), and finally "
    "evaluating and adjusting. A coach can guide it; the municipality stays its owner."
)


@dataclass(frozen=True)
class BodyPlan:
    name: Any
    kind: BodyKind
    frequency: MeetingFrequency
    participants: Any
    decides: Any


# What a municipality that has not described its collaboration model yet may start from: the
# climate coordinator coordinates, climate teams for the two themes with the most emissions,
# and a steering group that takes proposals to the executive board every quarter.
SUGGESTED_MANDATE = _(
    "Prepares and follows up the climate plan with the departments, calls the climate teams "
    "together and takes their proposals to the steering group."
)
SUGGESTED_ROUTE = [_("Climate team"), _("Steering group"), _("Executive board")]
SUGGESTED_RHYTHM = ReportingRhythm.QUARTERLY
SUGGESTED_BODIES = [
    BodyPlan(
        _("Climate team buildings"),
        BodyKind.CLIMATE_TEAM,
        MeetingFrequency.MONTHLY,
        _("Heads and experts of the departments for buildings, facilities and energy"),
        _("Proposes actions and follows up their progress"),
    ),
    BodyPlan(
        _("Climate team mobility"),
        BodyKind.CLIMATE_TEAM,
        MeetingFrequency.MONTHLY,
        _("Heads and experts of the departments for mobility, public space and planning"),
        _("Proposes actions and follows up their progress"),
    ),
    BodyPlan(
        _("Steering group"),
        BodyKind.STEERING_GROUP,
        MeetingFrequency.QUARTERLY,
        _("The alderman for climate, the general director and the climate coordinator"),
        _("Sets the priorities and prepares the decisions of the executive board"),
    ),
]
