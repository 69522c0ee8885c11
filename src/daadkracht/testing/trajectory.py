"""Test data of the collaboration trajectory: a started trajectory, made as the service makes it."""

from datetime import date, timedelta

from django.utils import timezone

from daadkracht.tenancy.models import Municipality
from daadkracht.testing.factories import as_platform
from daadkracht.trajectory.models import Trajectory
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
