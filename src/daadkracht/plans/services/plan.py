"""Creating and changing the plan itself, its themes and its list of statuses."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from daadkracht.common.concurrency import save_if_version
from daadkracht.common.fields import allowlist, only_fields
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.plans.defaults import DEFAULT_STATUSES
from daadkracht.plans.models import (
    Action,
    ActionStatus,
    Plan,
    StatusCategory,
    StatusUpdate,
    Theme,
)
from daadkracht.plans.policies import can_manage_plan
from daadkracht.plans.spreadsheets.cells import normalise
from daadkracht.prioritisation.services.criteria import criteria_create_defaults
from daadkracht.tenancy.models import Municipality
from daadkracht.tenancy.policies import enforce

PLAN_FIELDS = allowlist(
    "name",
    "start_year",
    "end_year",
    "baseline_year",
    "baseline_emissions",
    "reduction_target",
    "target_year",
    "neutrality_year",
    "stale_after_days",
)


def plan_create(*, actor: Any, municipality: Municipality, **values: Any) -> Plan:
    """A new plan with the default statuses and criteria, named in the municipality's language."""
    enforce(can_manage_plan)
    values = only_fields(values, PLAN_FIELDS, service="plan_create")
    _validate_baseline(values)
    _validate_plan_years(values)
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
        criteria_create_defaults(plan=plan)
        audit_record(
            actor=actor, instance=plan, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
    return plan


BASELINE_MISSING = gettext_lazy(
    "Give the emissions of the baseline year, in tonnes of CO2 (the municipality's CO2 inventory"
    " has them). The target and the CO2 gap on the dashboard are counted from this figure; with"
    " 0 there is nothing to count from."
)


def _validate_baseline(values: dict[str, Any]) -> None:
    """Baseline emissions, which every CO2 figure is counted from, are more than 0 when given."""
    baseline = values.get("baseline_emissions")
    if baseline is not None and baseline <= 0:
        raise ValidationError({"baseline_emissions": BASELINE_MISSING})


def _validate_plan_years(values: dict[str, Any]) -> None:
    """The years of a plan must follow each other: baseline, period, target, neutrality."""
    errors: dict[str, str] = {}
    start, end = values.get("start_year"), values.get("end_year")
    baseline, target = values.get("baseline_year"), values.get("target_year")
    neutrality = values.get("neutrality_year")
    if start and end and end < start:
        errors["end_year"] = _("The last year cannot be before the first year.")
    if baseline and start and baseline > start:
        errors["baseline_year"] = _("The baseline year comes before the plan starts.")
    if target and start and target < start:
        errors["target_year"] = _("The target year cannot be before the plan starts.")
    if neutrality and target and neutrality < target:
        errors["neutrality_year"] = _("Climate neutrality comes in or after the target year.")
    if errors:
        raise ValidationError(errors)


def plan_update(*, actor: Any, plan: Plan, expected_version: int, **values: Any) -> Plan:
    """Save the plan's settings unless someone else saved in between (ConcurrentEditError)."""
    enforce(can_manage_plan)
    values = only_fields(values, PLAN_FIELDS, service="plan_update")
    _validate_baseline(values)
    _validate_plan_years({**{f: getattr(plan, f) for f in PLAN_FIELDS}, **values})
    for field, value in values.items():
        setattr(plan, field, value)
    plan.full_clean(exclude=["municipality"], validate_constraints=False)
    with transaction.atomic():
        before = snapshot(Plan.unscoped.get(pk=plan.pk))
        plan.updated_at = timezone.now()
        save_if_version(plan, expected_version=expected_version, fields=[*values, "updated_at"])
        audit_record(
            actor=actor,
            instance=plan,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return plan


# Themes: a hierarchy of two levels (a Bridge and its sub-themes), ordered by position.

THEME_FIELDS = allowlist("parent", "code", "name", "description", "colour")


def _validate_theme(*, plan: Plan, theme: Theme | None, values: dict[str, Any]) -> None:
    code = values.get("code", theme.code if theme else "")
    name = values.get("name", theme.name if theme else "")
    _validate_theme_key(plan=plan, theme=theme, code=code, name=name)
    parent = values.get("parent")
    if parent is None:
        return
    if parent.plan_id != plan.pk or parent.deleted_at is not None:
        raise ValidationError({"parent": _("Choose a theme of this plan.")})
    if theme is not None and parent.pk == theme.pk:
        raise ValidationError({"parent": _("A theme cannot be its own parent.")})
    if parent.parent_id is not None:
        raise ValidationError(
            {"parent": _("Sub-themes go under a main theme; choose a main theme.")}
        )
    if theme is not None and Theme.objects.filter(parent=theme).exists():
        raise ValidationError(
            {"parent": _("This theme has sub-themes itself, so it stays a main theme.")}
        )


def _validate_theme_key(*, plan: Plan, theme: Theme | None, code: str, name: str) -> None:
    """A spreadsheet names a theme by its key (its code, or its name without one).

    No two live themes share a key, and no key is another theme's name, so that every cell
    with a key or a name means exactly one theme."""
    code, name = (code or "").strip(), (name or "").strip()
    key = code or name
    field = "code" if code else "name"
    if ";" in key or "\n" in key:
        raise ValidationError(
            {field: _("A semicolon separates themes in a spreadsheet cell; leave it out here.")}
        )
    others = Theme.objects.filter(plan=plan).exclude(pk=theme.pk if theme else None)
    clash = next(
        (
            other
            for other in others
            if normalise(key) in {normalise(other.key), normalise(other.name)}
            or normalise(name) == normalise(other.key)
        ),
        None,
    )
    if clash is not None:
        raise ValidationError(
            {
                field: _(
                    "The theme “%(theme)s” is already written as “%(key)s” in spreadsheets;"
                    " give this theme a code of its own."
                )
                % {"theme": str(clash), "key": key}
            }
        )


def _next_position(queryset: QuerySet[Any]) -> int:
    last = queryset.aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


def theme_create(
    *, actor: Any, plan: Plan, source: ChangeSource = ChangeSource.FORM, **values: Any
) -> Theme:
    """A new theme, placed last among its siblings; `source` says where it was made."""
    enforce(can_manage_plan)
    values = only_fields(values, THEME_FIELDS, service="theme_create")
    _validate_theme(plan=plan, theme=None, values=values)
    with transaction.atomic():
        siblings = Theme.objects.filter(plan=plan, parent=values.get("parent"))
        theme = Theme(
            municipality_id=plan.municipality_id,
            plan=plan,
            position=_next_position(siblings),
            **values,
        )
        theme.full_clean(exclude=["municipality", "plan"])
        theme.save()
        audit_record(actor=actor, instance=theme, action=AuditAction.CREATED, source=source)
    return theme


def theme_update(*, actor: Any, theme: Theme, expected_version: int, **values: Any) -> Theme:
    """Save the edit unless someone else saved in between (ConcurrentEditError)."""
    enforce(can_manage_plan)
    values = only_fields(values, THEME_FIELDS, service="theme_update")
    _validate_theme(plan=theme.plan, theme=theme, values=values)
    with transaction.atomic():
        stored = Theme.unscoped.get(pk=theme.pk)
        before = snapshot(stored)
        for field, value in values.items():
            setattr(theme, field, value)
        if theme.parent_id != stored.parent_id:
            theme.position = _next_position(
                Theme.objects.filter(plan_id=theme.plan_id, parent_id=theme.parent_id)
            )
            values["position"] = theme.position
        theme.full_clean(exclude=["municipality", "plan"])
        theme.updated_at = timezone.now()
        save_if_version(theme, expected_version=expected_version, fields=[*values, "updated_at"])
        audit_record(
            actor=actor,
            instance=theme,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return theme


def _move(*, actor: Any, item: Any, siblings: QuerySet[Any], direction: str) -> None:
    """Swap the item with its neighbour in `direction` ("up" or "down") and renumber."""
    if direction not in {"up", "down"}:
        raise ValidationError(_("Move a row up or down."))
    with transaction.atomic():
        rows = list(siblings.select_for_update())
        index = next(i for i, row in enumerate(rows) if row.pk == item.pk)
        other = index - 1 if direction == "up" else index + 1
        if not 0 <= other < len(rows):
            return
        before = snapshot(rows[index])
        rows[index], rows[other] = rows[other], rows[index]
        for position, row in enumerate(rows):
            if row.position != position:
                type(row).objects.filter(pk=row.pk).update(position=position)
                row.position = position
        moved = rows[other]
        item.position = moved.position
        audit_record(
            actor=actor,
            instance=moved,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )


def theme_reorder(*, actor: Any, theme: Theme, direction: str) -> None:
    """Move a theme one place up or down among the themes with the same parent."""
    enforce(can_manage_plan)
    siblings = Theme.objects.filter(plan_id=theme.plan_id, parent_id=theme.parent_id)
    _move(actor=actor, item=theme, siblings=siblings, direction=direction)


def theme_delete(*, actor: Any, theme: Theme) -> list[Theme]:
    """Move the theme, and its sub-themes with it, to the trash. Actions keep their other themes."""
    enforce(can_manage_plan)
    with transaction.atomic():
        trashed = [theme, *Theme.objects.filter(parent=theme)]
        for item in trashed:
            item.mark_deleted()
            item.save(update_fields=["deleted_at", "updated_at"])
            audit_record(
                actor=actor, instance=item, action=AuditAction.DELETED, source=ChangeSource.FORM
            )
    return trashed


def theme_restore(*, actor: Any, theme: Theme) -> Theme:
    """Bring a theme back from the trash (with its parent, if that was trashed too)."""
    enforce(can_manage_plan)
    with transaction.atomic():
        parent = Theme.trash.filter(pk=theme.parent_id).first() if theme.parent_id else None
        for item in [p for p in (parent, theme) if p is not None]:
            _validate_theme_key(plan=item.plan, theme=item, code=item.code, name=item.name)
            item.mark_restored()
            item.save(update_fields=["deleted_at", "updated_at"])
            audit_record(
                actor=actor, instance=item, action=AuditAction.RESTORED, source=ChangeSource.FORM
            )
    return theme


# The plan's list of action statuses.

STATUS_FIELDS = allowlist("name", "category", "colour")


def _validate_status(*, plan: Plan, status: ActionStatus | None, name: str) -> None:
    if (
        ActionStatus.objects.filter(plan=plan, name__iexact=name.strip())
        .exclude(pk=status.pk if status else None)
        .exists()
    ):
        raise ValidationError({"name": _("The plan has a status with this name already.")})


def action_status_create(
    *, actor: Any, plan: Plan, name: str, category: str, colour: str
) -> ActionStatus:
    """A new status at the end of the plan's list."""
    enforce(can_manage_plan)
    _validate_status(plan=plan, status=None, name=name)
    with transaction.atomic():
        status = ActionStatus(
            municipality_id=plan.municipality_id,
            plan=plan,
            name=name.strip(),
            category=category,
            colour=colour,
            position=_next_position(ActionStatus.objects.filter(plan=plan)),
        )
        status.full_clean(exclude=["municipality", "plan"], validate_constraints=False)
        status.save()
        audit_record(
            actor=actor, instance=status, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
    return status


def action_status_update(*, actor: Any, status: ActionStatus, **values: Any) -> ActionStatus:
    """Rename, recolour or give another meaning to a status; actions keep it."""
    enforce(can_manage_plan)
    values = only_fields(values, STATUS_FIELDS, service="action_status_update")
    _validate_status(plan=status.plan, status=status, name=values.get("name", status.name))
    # The form has set its values on `status` already: compare with the stored one.
    stored = ActionStatus.objects.get(pk=status.pk)
    if values.get("category", stored.category) != stored.category and _last_unknown(stored):
        raise ValidationError({"category": LAST_UNKNOWN})
    with transaction.atomic():
        before = snapshot(ActionStatus.unscoped.get(pk=status.pk))
        for field, value in values.items():
            setattr(status, field, value.strip() if field == "name" else value)
        status.full_clean(exclude=["municipality", "plan"], validate_constraints=False)
        status.save(update_fields=[*values, "updated_at"])
        audit_record(
            actor=actor,
            instance=status,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return status


def action_status_reorder(*, actor: Any, status: ActionStatus, direction: str) -> None:
    enforce(can_manage_plan)
    siblings = ActionStatus.objects.filter(plan_id=status.plan_id)
    _move(actor=actor, item=status, siblings=siblings, direction=direction)


def action_status_delete_blocker(status: ActionStatus) -> str | None:
    """Why the status cannot be deleted, or None when nothing uses it."""
    actions = Action.unscoped.filter(status=status).count()
    if actions:
        return ngettext(
            "%(count)d action has this status (the trash included); give it another status first.",
            "%(count)d actions have this status (the trash included); give them another status "
            "first.",
            actions,
        ) % {"count": actions}
    if StatusUpdate.objects.filter(Q(previous_status=status) | Q(new_status=status)).exists():
        return _(
            "Entries in the timeline of actions refer to this status, so it stays. "
            "Rename it instead, for example to mark it as no longer used."
        )
    if ActionStatus.objects.filter(plan_id=status.plan_id).count() <= 1:
        return _("A plan needs at least one status.")
    if _last_unknown(status):
        return str(LAST_UNKNOWN)
    return None


LAST_UNKNOWN = gettext_lazy(
    "The import gives this status to new actions whose status is not given, so the plan keeps"
    " one status meaning “unknown”. Rename it if you like."
)


def _last_unknown(status: ActionStatus) -> bool:
    """The plan's only status meaning "unknown", which the import needs."""
    return (
        status.is_unknown
        and not ActionStatus.objects.filter(plan_id=status.plan_id, category=StatusCategory.UNKNOWN)
        .exclude(pk=status.pk)
        .exists()
    )


def action_status_delete(*, actor: Any, status: ActionStatus) -> None:
    """Remove a status nobody uses; a used one would leave actions or their timeline without."""
    enforce(can_manage_plan)
    blocker = action_status_delete_blocker(status)
    if blocker:
        raise ValidationError(blocker)
    with transaction.atomic():
        audit_record(
            actor=actor, instance=status, action=AuditAction.REMOVED, source=ChangeSource.FORM
        )
        status.delete()
