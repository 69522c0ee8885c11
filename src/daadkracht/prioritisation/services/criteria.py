"""Writes of criteria: a new plan's defaults, adding, renaming and reweighting, deleting."""

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from daadkracht.common.fields import allowlist, only_fields
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.plans.models import Plan
from daadkracht.prioritisation.defaults import DEFAULT_CRITERIA
from daadkracht.prioritisation.models import Criterion
from daadkracht.prioritisation.policies import can_manage_prioritisation
from daadkracht.tenancy.policies import enforce

CRITERION_FIELDS = allowlist("name", "description", "weight")


def criteria_create_defaults(*, plan: Plan) -> list[Criterion]:
    """The default criteria of a new plan, named in the active language.

    Part of `plans.services.plan.plan_create`, which checks who may and records the plan's
    creation; the criteria come with it.
    """
    return Criterion.unscoped.bulk_create(
        Criterion(
            municipality_id=plan.municipality_id,
            plan=plan,
            key=key,
            name=str(name),
            description=str(description),
            weight=weight,
            position=position,
        )
        for position, (key, name, description, weight) in enumerate(DEFAULT_CRITERIA)
    )


def _name_taken(plan: Plan, name: str, *, exclude: Sequence[int] = ()) -> bool:
    return (
        Criterion.objects.filter(plan=plan, name__iexact=name.strip()).exclude(pk__in=exclude)
    ).exists()


def criterion_create(
    *, actor: Any, plan: Plan, name: str, weight: Decimal, description: str = ""
) -> Criterion:
    enforce(can_manage_prioritisation)
    if _name_taken(plan, name):
        raise ValidationError({"name": _("A criterion with this name exists already.")})
    with transaction.atomic():
        last = Criterion.objects.filter(plan=plan).order_by("-position").first()
        criterion = Criterion(
            municipality_id=plan.municipality_id,
            plan=plan,
            name=name.strip(),
            description=description.strip(),
            weight=weight,
            position=(last.position + 1) if last else 0,
        )
        criterion.full_clean(exclude=["municipality"], validate_constraints=False)
        criterion.save()
        audit_record(
            actor=actor, instance=criterion, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
    return criterion


def criteria_update(
    *, actor: Any, plan: Plan, changes: Sequence[tuple[Criterion, Mapping[str, Any]]]
) -> int:
    """Rename and reweight several criteria at once; returns how many changed."""
    enforce(can_manage_prioritisation)
    changes = [
        (criterion, only_fields(values, CRITERION_FIELDS, service="criteria_update"))
        for criterion, values in changes
    ]
    names = [str(values.get("name", c.name)).strip().lower() for c, values in changes]
    if len(set(names)) != len(names):
        raise ValidationError({"name": _("Two criteria cannot have the same name.")})
    ids = [c.pk for c, _values in changes]
    for criterion, values in changes:
        if criterion.plan_id != plan.pk:
            raise ValidationError(_("This criterion does not belong to the plan."))
        if _name_taken(plan, str(values.get("name", criterion.name)), exclude=ids):
            raise ValidationError({"name": _("A criterion with this name exists already.")})
    changed = 0
    try:
        with transaction.atomic():
            for criterion, values in changes:
                stored = Criterion.objects.get(pk=criterion.pk)
                before = snapshot(stored)
                for name in CRITERION_FIELDS:
                    if name in values:
                        value = values[name]
                        setattr(stored, name, value.strip() if isinstance(value, str) else value)
                stored.full_clean(exclude=["municipality"], validate_constraints=False)
                if snapshot(stored) == before:
                    continue
                stored.save()
                audit_record(
                    actor=actor,
                    instance=stored,
                    action=AuditAction.UPDATED,
                    source=ChangeSource.FORM,
                    before=before,
                )
                changed += 1
    except IntegrityError as error:
        raise ValidationError({"name": _("Two criteria cannot have the same name.")}) from error
    return changed


def criterion_delete(*, actor: Any, criterion: Criterion) -> None:
    """Delete one of the plan's own criteria together with its scores."""
    enforce(can_manage_prioritisation)
    if criterion.key:
        raise ValidationError(
            _("The default criteria stay; give this one weight 0 if it does not matter to you.")
        )
    with transaction.atomic():
        audit_record(
            actor=actor, instance=criterion, action=AuditAction.REMOVED, source=ChangeSource.FORM
        )
        criterion.delete()
