"""The daily clean-up: a background task per municipality that deletes the sign-ups nobody
confirmed within a week (`manage.py purge_network_signups` enqueues it for every municipality)."""

from daadkracht.access.tasks import tenant_task
from daadkracht.network.services import signups_purge


@tenant_task()
def purge_signups() -> int:
    return signups_purge()
