"""Creating and changing the plan itself."""

from typing import Any

from django.db import transaction
from django.utils import translation

from daadkracht.history.models import AuditAction
from daadkracht.history.services import audit_record
from daadkracht.plans.defaults import DEFAULT_CRITERIA, DEFAULT_STATUSES
from daadkracht.plans.models import ActionStatus, Criterion, Plan
from daadkracht.tenancy.models import Municipality


def plan_create(*, actor: Any, municipality: Municipality, **values: Any) -> Plan:
    """A new plan with the default statuses and criteria, named in the municipality's language."""
    with transaction.atomic(), translation.override("nl"):
        plan = Plan(municipality=municipality, **values)
        plan.full_clean(exclude=["municipality"], validate_constraints=False)
        plan.save()
        ActionStatus.unscoped.bulk_create(
            ActionStatus(
                municipality=municipality,
                plan=plan,
                name=str(name),
                category=category,
                colour=colour,
                position=position,
            )
            for position, (name, category, colour) in enumerate(DEFAULT_STATUSES)
        )
        Criterion.unscoped.bulk_create(
            Criterion(
                municipality=municipality,
                plan=plan,
                key=key,
                name=str(name),
                description=str(description),
                weight=weight,
                position=position,
            )
            for position, (key, name, description, weight) in enumerate(DEFAULT_CRITERIA)
        )
        audit_record(actor=actor, instance=plan, action=AuditAction.CREATED)
    return plan
