"""The retention job: a background task per municipality that erases the people whose every
lawful basis has expired (`manage.py apply_retention` enqueues it for every municipality)."""

from daadkracht.access.tasks import tenant_task
from daadkracht.stakeholders.services.retention import retention_apply


@tenant_task()
def apply_retention() -> int:
    return retention_apply()
