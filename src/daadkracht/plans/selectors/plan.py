"""The active municipality's plan and its reference lists."""

from django.db.models import QuerySet

from daadkracht.plans.models import ActionStatus, Plan


def current_plan() -> Plan | None:
    """The plan of the active municipality (one per municipality), or None before it exists."""
    return Plan.objects.first()


def statuses() -> QuerySet[ActionStatus]:
    return ActionStatus.objects.all()
