"""The expected status of every URL for every kind of visitor, one module per area.

Each area module defines EXPECTED (URL name -> status per visitor) and SAMPLE_KWARGS
(URL name -> function of the test world giving the URL's keyword arguments).
"""

from tests.url_matrix import (
    actions,
    bodies,
    dashboard,
    diagnosis,
    engagement,
    events,
    foundation,
    meetings,
    messaging,
    network,
    networkmap,
    partners,
    plan_settings,
    portal,
    practices,
    prioritisation,
    spreadsheets,
    stakeholders,
    trajectory,
)
from tests.url_matrix.rows import VISITORS

AREAS = [
    foundation,
    bodies,
    actions,
    partners,
    plan_settings,
    prioritisation,
    network,
    spreadsheets,
    dashboard,
    trajectory,
    diagnosis,
    meetings,
    stakeholders,
    networkmap,
    events,
    engagement,
    messaging,
    portal,
    practices,
]

EXPECTED = {name: row for area in AREAS for name, row in area.EXPECTED.items()}
SAMPLE_KWARGS = {name: fn for area in AREAS for name, fn in area.SAMPLE_KWARGS.items()}

__all__ = ["EXPECTED", "SAMPLE_KWARGS", "VISITORS"]
