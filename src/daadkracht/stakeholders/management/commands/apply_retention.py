"""Enqueue the retention job for every municipality; run it daily (a systemd timer or
cron), the task worker does the work."""

from typing import Any

from django.core.management.base import BaseCommand

from daadkracht.stakeholders.tasks import apply_retention
from daadkracht.tenancy.models import Municipality


class Command(BaseCommand):
    help = "Erase the contact persons whose every lawful basis has passed its retention period."

    def handle(self, *args: Any, **options: Any) -> None:
        count = 0
        for municipality_id in Municipality.objects.order_by("pk").values_list("pk", flat=True):
            apply_retention.enqueue(municipality_id=municipality_id, actor_id=None)
            count += 1
        self.stdout.write(f"Retention job enqueued for {count} municipalities.")
