"""Creating, changing, trashing and restoring actions, with their themes, tags and departments."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.common.concurrency import save_if_version
from daadkracht.common.fields import allowlist, only_fields
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import RelatedIds, Snapshot, audit_record, snapshot
from daadkracht.plans.models import (
    Action,
    ActionDepartment,
    ActionStatus,
    DepartmentRole,
    Plan,
    Tag,
    Theme,
    UpdateSource,
)
from daadkracht.plans.models.covenant import CoBenefit
from daadkracht.plans.policies import (
    can_create_action,
    can_trash_actions,
    can_update_action,
)
from daadkracht.plans.selectors.themes import TREE_ORDER
from daadkracht.plans.services.updates import Course, timeline_changes_record
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.policies import enforce
from daadkracht.tenancy.trash import live_only

TAG_MAX_LENGTH = Tag._meta.get_field("name").max_length or 60

# What the action form edits: the action's own fields; themes, tags and the involved departments
# are passed on their own.
ACTION_FIELDS = allowlist(
    "identifier",
    "title",
    "description",
    "lead_department",
    "responsible",
    "responsible_note",
    "status",
    "phase",
    "progress",
    "priority",
    "start_date",
    "deadline",
    "budget_planned",
    "budget_committed",
    "budget_spent",
    "budget_note",
    "funding_source",
    "co2_reduction",
    "co2_note",
    "energy_saved",
    "renewable_produced",
    "com_kind",
    "com_sector",
    "com_area",
    "com_instrument",
    "visibility",
    "co_benefits",
    "decision_needed",
    "decision_question",
)


@dataclass(frozen=True)
class Involvement:
    """A department involved in an action besides the lead, and how."""

    department: Department
    role: str


def parse_tags(text: str) -> list[str]:
    """Comma-separated tags, trimmed, without empty entries or duplicates (ignoring case)."""
    names: dict[str, str] = {}
    for part in text.split(","):
        name = " ".join(part.split())
        if not name:
            continue
        if len(name) > TAG_MAX_LENGTH:
            raise ValidationError(
                _("A tag has at most %(max)d characters: %(tag)s")
                % {"max": TAG_MAX_LENGTH, "tag": name}
            )
        names.setdefault(name.casefold(), name)
    return list(names.values())


def _tags_named(municipality_id: int, names: Sequence[str]) -> list[Tag]:
    """The municipality's tags with these names; missing ones are created."""
    tags = []
    for name in names:
        tag = Tag.objects.filter(name__iexact=name).first()
        if tag is None:
            tag = Tag.objects.create(municipality_id=municipality_id, name=name)
        tags.append(tag)
    return tags


def _validate(
    *,
    plan: Plan,
    action_pk: int | None,
    values: dict[str, Any],
    themes: Sequence[Theme],
    involvements: Sequence[Involvement],
) -> None:
    errors: dict[str, list[str]] = {}
    identifier = (values.get("identifier") or "").strip()
    if (
        identifier
        and Action.objects.filter(plan=plan, identifier__iexact=identifier)
        .exclude(pk=action_pk)
        .exists()
    ):
        errors["identifier"] = [
            _("Another action of the plan has the identifier %(identifier)s.")
            % {"identifier": identifier}
        ]
    start, deadline = values.get("start_date"), values.get("deadline")
    if start and deadline and deadline < start:
        errors["deadline"] = [_("The deadline cannot be before the start date.")]
    status = values.get("status")
    if isinstance(status, ActionStatus) and status.plan_id != plan.pk:
        errors["status"] = [_("This status does not belong to the plan.")]
    if any(theme.plan_id != plan.pk for theme in themes):
        errors["themes"] = [_("A chosen theme does not belong to the plan.")]
    unknown = set(values.get("co_benefits") or []) - set(CoBenefit.values)
    if unknown:
        errors["co_benefits"] = [_("Unknown co-benefit: %(name)s") % {"name": sorted(unknown)[0]}]
    lead = values.get("lead_department")
    departments = [i.department.pk for i in involvements]
    if lead is not None and lead.pk in departments:
        errors["involvements"] = [
            _("%(department)s leads the action; do not list it again as involved.")
            % {"department": lead}
        ]
    elif len(set(departments)) != len(departments):
        errors["involvements"] = [_("Each department can be listed only once.")]
    if any(i.role not in DepartmentRole.values for i in involvements):
        errors["involvements"] = [_("Choose a role for every involved department.")]
    if errors:
        raise ValidationError(errors)


def _related_snapshot(action: Action) -> Snapshot:
    """Themes, tags and involved departments as readable text and ids, for the history."""
    themes = list(action.themes.order_by(*TREE_ORDER))
    tags = list(action.tags.order_by("name"))
    involvements = list(
        action.involvements.select_related("department").order_by("department__name")
    )
    return Snapshot(
        {
            "themes": ", ".join(str(t) for t in themes),
            "tags": ", ".join(t.name for t in tags),
            "involvements": ", ".join(str(i) for i in involvements),
        },
        {
            "themes": RelatedIds(Theme, tuple(str(t.pk) for t in themes)),
            "tags": RelatedIds(Tag, tuple(str(t.pk) for t in tags)),
            "involvements": RelatedIds(
                Department, tuple(str(i.department_id) for i in involvements)
            ),
        },
    )


def _set_related(
    action: Action,
    *,
    themes: Iterable[Theme],
    tag_names: Sequence[str],
    involvements: Sequence[Involvement],
) -> None:
    # Related managers do not hide trashed themes: keep those links, so that restoring a theme
    # brings it back on its actions; the form only offers the live ones.
    trashed = list(action.themes.filter(deleted_at__isnull=False))
    action.themes.set([*themes, *trashed])
    action.tags.set(_tags_named(action.municipality_id, tag_names))
    # Likewise a trashed department stays involved, for when it is restored.
    wanted = {i.department.pk: i.role for i in involvements}
    live = ActionDepartment.objects.filter(live_only("department"), action=action)
    existing = {i.department_id: i for i in live}
    live.exclude(department_id__in=wanted).delete()
    for department_id, role in wanted.items():
        current = existing.get(department_id)
        if current is None:
            ActionDepartment.objects.create(
                municipality_id=action.municipality_id,
                action=action,
                department_id=department_id,
                role=role,
            )
        elif current.role != role:
            current.role = role
            current.save(update_fields=["role"])


def _record(
    *,
    actor: Any,
    action: Action,
    kind: AuditAction,
    before: Snapshot | None = None,
    related_before: Snapshot | None = None,
) -> None:
    """The history entry of the action, including changes to its themes, tags and departments."""
    after = snapshot(action).merged(_related_snapshot(action))
    if before is not None and related_before is not None:
        before = before.merged(related_before)
    audit_record(
        actor=actor,
        instance=action,
        action=kind,
        source=ChangeSource.FORM,
        before=before,
        after=after,
    )


def _lead_id(values: dict[str, Any], stored: int | None) -> int | None:
    """The lead department the action will have: the one in `values`, or the stored one."""
    if "lead_department" not in values:
        return stored
    lead = values["lead_department"]
    return lead.pk if lead is not None else None


def _duplicate_identifier(identifier: str) -> ValidationError:
    return ValidationError(
        {
            "identifier": _("Another action of the plan has the identifier %(identifier)s.")
            % {"identifier": identifier}
        }
    )


def action_create(
    *,
    actor: Any,
    plan: Plan,
    themes: Sequence[Theme] = (),
    tag_names: Sequence[str] = (),
    involvements: Sequence[Involvement] = (),
    **values: Any,
) -> Action:
    """A new action in the plan; the status defaults to the first of the plan's list."""
    values = only_fields(values, ACTION_FIELDS, service="action_create")
    enforce(can_create_action, _lead_id(values, None))
    values.setdefault("status", ActionStatus.objects.filter(plan=plan).first())
    _validate(plan=plan, action_pk=None, values=values, themes=themes, involvements=involvements)
    action = Action(municipality_id=plan.municipality_id, plan=plan, **values)
    action.full_clean(exclude=["municipality", "plan"], validate_constraints=False)
    try:
        with transaction.atomic():
            action.save()
            _set_related(action, themes=themes, tag_names=tag_names, involvements=involvements)
            _record(actor=actor, action=action, kind=AuditAction.CREATED)
    except IntegrityError as error:
        raise _duplicate_identifier(action.identifier) from error
    return action


def action_update(
    *,
    actor: Any,
    action: Action,
    expected_version: int,
    themes: Sequence[Theme],
    tag_names: Sequence[str],
    involvements: Sequence[Involvement],
    **values: Any,
) -> Action:
    """Save the edit unless someone else saved (or posted an update) in between; a new status,
    progress or deadline is recorded on the action's timeline.

    Raises ConcurrentEditError when the action changed since the editor opened it.
    """
    values = only_fields(values, ACTION_FIELDS, service="action_update")
    try:
        with transaction.atomic():
            # A bound model form has already put the new values on `action`: the permission and
            # the history go by the stored row.
            stored = Action.unscoped.get(pk=action.pk)
            enforce(can_update_action, stored, _lead_id(values, stored.lead_department_id))
            _validate(
                plan=action.plan,
                action_pk=action.pk,
                values=values,
                themes=themes,
                involvements=involvements,
            )
            for field, value in values.items():
                setattr(action, field, value)
            action.full_clean(exclude=["municipality", "plan"], validate_constraints=False)
            action.updated_at = timezone.now()
            before, related_before = snapshot(stored), _related_snapshot(stored)
            save_if_version(
                action, expected_version=expected_version, fields=[*values, "updated_at"]
            )
            timeline_changes_record(
                actor=actor, source=UpdateSource.FORM, changes=[(action, Course.of(stored))]
            )
            _set_related(action, themes=themes, tag_names=tag_names, involvements=involvements)
            _record(
                actor=actor,
                action=action,
                kind=AuditAction.UPDATED,
                before=before,
                related_before=related_before,
            )
    except IntegrityError as error:
        raise _duplicate_identifier(action.identifier) from error
    return action


def action_delete(*, actor: Any, action: Action) -> Action:
    """Move to the trash; a coordinator can restore it from there."""
    enforce(can_trash_actions)
    with transaction.atomic():
        action.mark_deleted()
        action.save(update_fields=["deleted_at", "updated_at"])
        audit_record(
            actor=actor, instance=action, action=AuditAction.DELETED, source=ChangeSource.FORM
        )
    return action


def action_restore(*, actor: Any, action: Action) -> Action:
    enforce(can_trash_actions)
    if Action.objects.filter(plan_id=action.plan_id, identifier__iexact=action.identifier).exists():
        raise ValidationError(
            _(
                "Another action has the identifier %(identifier)s now; change that one's "
                "identifier before restoring this action."
            )
            % {"identifier": action.identifier}
        )
    with transaction.atomic():
        action.mark_restored()
        action.save(update_fields=["deleted_at", "updated_at"])
        audit_record(
            actor=actor, instance=action, action=AuditAction.RESTORED, source=ChangeSource.FORM
        )
    return action
