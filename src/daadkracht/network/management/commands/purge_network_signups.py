"""Enqueue the clean-up of unconfirmed Open Network sign-ups for every municipality; run it
daily (a systemd timer or cron), the task worker does the work."""

from typing import Any

from django.core.management.base import BaseCommand

from daadkracht.network.tasks import purge_signups
from daadkracht.tenancy.models import Municipality


class Command(BaseCommand):
    help = "Delete the Open Network sign-ups that were not confirmed within a week."

    def handle(self, *args: Any, **options: Any) -> None:
        count = 0
        for municipality_id in Municipality.objects.order_by("pk").values_list("pk", flat=True):
            purge_signups.enqueue(municipality_id=municipality_id, actor_id=None)
            count += 1
        self.stdout.write(f"Sign-up clean-up enqueued for {count} municipalities.")
