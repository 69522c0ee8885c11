"""Test data of the collaboration trajectory: a started trajectory and the suggested
collaboration model, made as the services make them."""

from datetime import date, timedelta

from django.utils import timezone

from daadkracht.tenancy.models import Municipality
from daadkracht.testing.factories import as_platform
from daadkracht.trajectory.collaboration_services import collaboration_model_propose
from daadkracht.trajectory.models import CollaborationModel, Trajectory
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
