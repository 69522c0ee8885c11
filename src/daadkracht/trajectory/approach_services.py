"""Writes of the plan of approach: drawing it up, its text and status, and its chosen methods."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from daadkracht.common.concurrency import save_if_version
from daadkracht.common.fields import allowlist, only_fields
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.meetings.models import Method
from daadkracht.tenancy.policies import enforce
from daadkracht.trajectory.approach import methods_used_in_meetings
from daadkracht.trajectory.models import ChosenMethod, Party, PlanOfApproach, PlanStatus, Trajectory
from daadkracht.trajectory.policies import can_manage_trajectory

PLAN_FIELDS = allowlist("introduction", "aim", "coach_responsibilities", "status", "approved_on")
METHOD_FIELDS = allowlist("method", "title", "reason", "finding", "period", "lead")

ALREADY_DRAWN_UP = gettext_lazy("This municipality's plan of approach already exists.")

# What the coach does in every method (seed: train the trainer), the start of the plan's text.
COACH_RESPONSIBILITIES = gettext_lazy(
    "The coach lists the methods that fit and chooses them together with the sustainability "
    "department.\n"
    "The coach prepares each method with the municipality, in content and in method, and gives "
    "tips to those who lead it (train the trainer).\n"
    "The coach is present when a method is carried out, stays behind the scenes, and evaluates "
    "and adjusts it with the municipality afterwards."
)


def _clean_plan(plan: PlanOfApproach) -> None:
    if plan.status == PlanStatus.APPROVED and plan.approved_on is None:
        raise ValidationError(
            {"approved_on": _("Give the date on which the executive board approved the plan.")}
        )
    if plan.status != PlanStatus.APPROVED and plan.approved_on is not None:
        raise ValidationError(
            {"approved_on": _("A date of approval goes with the status approved only.")}
        )
    if plan.approved_on is not None and plan.approved_on > timezone.localdate():
        raise ValidationError({"approved_on": _("The approval cannot lie in the future.")})


def plan_of_approach_create(*, actor: Any, trajectory: Trajectory) -> PlanOfApproach:
    """The trajectory's plan of approach, with the methods the meetings used so far as its first
    chosen methods (their reasons still to be written). A municipality has one plan."""
    enforce(can_manage_trajectory)
    if PlanOfApproach.objects.filter(municipality_id=trajectory.municipality_id).exists():
        raise ValidationError(ALREADY_DRAWN_UP)
    plan = PlanOfApproach(
        municipality_id=trajectory.municipality_id,
        trajectory=trajectory,
        coach_responsibilities=str(COACH_RESPONSIBILITIES),
    )
    try:
        with transaction.atomic():
            plan.save()
            audit_record(
                actor=actor, instance=plan, action=AuditAction.CREATED, source=ChangeSource.FORM
            )
            for position, use in enumerate(methods_used_in_meetings(trajectory.municipality_id)):
                chosen = ChosenMethod.objects.create(
                    municipality_id=trajectory.municipality_id,
                    plan=plan,
                    method=use.method,
                    period=_("from %(month)s") % {"month": formats.date_format(use.first, "F Y")},
                    lead=Party.MUNICIPALITY,
                    position=position,
                )
                audit_record(
                    actor=actor,
                    instance=chosen,
                    action=AuditAction.CREATED,
                    source=ChangeSource.FORM,
                )
    except IntegrityError:
        # Drawn up by someone else at the same moment.
        raise ValidationError(ALREADY_DRAWN_UP) from None
    return plan


def _save[M: (PlanOfApproach, ChosenMethod)](
    *, actor: Any, instance: M, expected_version: int, values: dict[str, Any]
) -> M:
    for name, value in values.items():
        setattr(instance, name, value.strip() if isinstance(value, str) else value)
    instance.full_clean(exclude=["municipality", "trajectory", "plan"])
    with transaction.atomic():
        before = snapshot(type(instance).objects.get(pk=instance.pk))
        instance.updated_at = timezone.now()
        save_if_version(instance, expected_version=expected_version, fields=[*values, "updated_at"])
        audit_record(
            actor=actor,
            instance=instance,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return instance


def plan_of_approach_update(
    *, actor: Any, plan: PlanOfApproach, expected_version: int, **values: Any
) -> PlanOfApproach:
    """The plan's introduction, aim, the coach's responsibilities and its status with the
    executive board. Refused with ConcurrentEditError when someone else saved in between."""
    values = only_fields(values, PLAN_FIELDS, service="plan_of_approach_update")
    enforce(can_manage_trajectory)
    if values.get("status", plan.status) not in PlanStatus.values:
        raise ValidationError({"status": _("Choose one of the statuses.")})
    for name, value in values.items():
        setattr(plan, name, value)
    _clean_plan(plan)
    return _save(actor=actor, instance=plan, expected_version=expected_version, values=values)


def _check_method(values: dict[str, Any]) -> None:
    if "method" in values and not isinstance(values["method"], Method):
        raise ValidationError({"method": _("Choose a method of the catalogue.")})
    if "reason" in values and not str(values["reason"]).strip():
        raise ValidationError({"reason": _("Say why this method was chosen.")})


def chosen_method_add(
    *,
    actor: Any,
    plan: PlanOfApproach,
    method: Method,
    reason: str,
    title: str = "",
    finding: str = "",
    period: str = "",
    lead: str = Party.MUNICIPALITY,
) -> ChosenMethod:
    """A method at the end of the plan's chosen methods, with why it was chosen."""
    enforce(can_manage_trajectory)
    _check_method({"method": method, "reason": reason})
    with transaction.atomic():
        last = ChosenMethod.objects.filter(plan=plan).aggregate(last=Max("position"))["last"]
        chosen = ChosenMethod(
            municipality_id=plan.municipality_id,
            plan=plan,
            method=method,
            title=title.strip(),
            reason=reason.strip(),
            finding=finding.strip(),
            period=period.strip(),
            lead=lead,
            position=0 if last is None else last + 1,
        )
        chosen.full_clean(exclude=["municipality", "plan"])
        chosen.save()
        audit_record(
            actor=actor, instance=chosen, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
    return chosen


def chosen_method_update(
    *, actor: Any, chosen: ChosenMethod, expected_version: int, **values: Any
) -> ChosenMethod:
    values = only_fields(values, METHOD_FIELDS, service="chosen_method_update")
    enforce(can_manage_trajectory)
    _check_method(values)
    return _save(actor=actor, instance=chosen, expected_version=expected_version, values=values)


def chosen_method_remove(*, actor: Any, chosen: ChosenMethod) -> None:
    enforce(can_manage_trajectory)
    with transaction.atomic():
        audit_record(
            actor=actor, instance=chosen, action=AuditAction.REMOVED, source=ChangeSource.FORM
        )
        chosen.delete()
