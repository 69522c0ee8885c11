"""Test data of the collaboration trajectory: a started trajectory, the suggested
collaboration model, a closed round of the diagnosis and a plan of approach, made as the
services make them."""

from collections.abc import Sequence
from datetime import date, timedelta

from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.diagnosis.models import SurveyRound
from daadkracht.meetings.models import Method
from daadkracht.tenancy.models import Department, Municipality
from daadkracht.testing.factories import SurveyRoundFactory, as_platform, survey_answers_give
from daadkracht.trajectory.approach_services import chosen_method_add, plan_of_approach_create
from daadkracht.trajectory.collaboration_services import collaboration_model_propose
from daadkracht.trajectory.models import CollaborationModel, PlanOfApproach, Trajectory
from daadkracht.trajectory.services import trajectory_start


@as_platform
def started_trajectory(municipality: Municipality, *, started_on: date | None = None) -> Trajectory:
    """The municipality's trajectory, started (by default six weeks ago) with its six phases
    and the checklist of the municipality's responsibilities."""
    return trajectory_start(
        actor=None,
        municipality=municipality,
        started_on=started_on or timezone.localdate() - timedelta(weeks=6),
    )


@as_platform
def proposed_collaboration_model(municipality: Municipality) -> CollaborationModel:
    """The municipality's collaboration model as the suggestion fills it in: its coordinator
    coordinates, two climate teams meet monthly and a steering group quarterly."""
    return collaboration_model_propose(actor=None, municipality=municipality)


@as_platform
def closed_round(
    municipality: Municipality,
    departments: Sequence[Department],
    *,
    levels: dict[tuple[int, int], int],
    name: str = "Nulmeting samenwerking",
    opens_on: date | None = None,
    silent: Sequence[Department] = (),
    maturity: dict[str, int] | None = None,
) -> SurveyRound:
    """A closed round of the diagnosis in which each department but the `silent` ones answered:
    `levels[(i, j)]` is what the i-th department said about the j-th (0 when not given)."""
    opens_on = opens_on or timezone.localdate() - timedelta(days=30)
    survey_round = SurveyRoundFactory.create(
        municipality=municipality,
        name=name,
        opens_on=opens_on,
        closes_on=opens_on + timedelta(days=14),
        departments=list(departments),
    )
    for i, department in enumerate(departments):
        if department in silent:
            continue
        said = {other: levels.get((i, j), 0) for j, other in enumerate(departments) if j != i}
        survey_answers_give(survey_round, department, said, maturity)
    SurveyRound.objects.filter(pk=survey_round.pk).update(
        state=SurveyRound.State.CLOSED, closed_at=timezone.now()
    )
    survey_round.refresh_from_db()
    return survey_round


def drawn_up_plan(
    municipality: Municipality,
    trajectory: Trajectory,
    *,
    methods: Sequence[tuple[str, str]] = (),
) -> PlanOfApproach:
    """The municipality's plan of approach, drawn up as the service does, with `methods` as
    (method key, why) rows."""
    with tenant_scope(municipality):
        plan = plan_of_approach_create(actor=None, trajectory=trajectory)
        catalogue = {m.key: m for m in Method.objects.all()}
        for key, reason in methods:
            chosen_method_add(actor=None, plan=plan, method=catalogue[key], reason=reason)
    return plan
