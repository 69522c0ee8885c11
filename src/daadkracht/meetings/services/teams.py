"""Climate teams and their members."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from daadkracht.common.concurrency import save_if_version
from daadkracht.common.dates import OUT_OF_RANGE, is_plausible
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.meetings.models import ClimateTeam, ClimateTeamMember, TeamRole
from daadkracht.meetings.policies import can_manage_meetings
from daadkracht.plans.models import Theme
from daadkracht.tenancy.policies import enforce
from daadkracht.tenancy.selectors import member_users


def check_team(team: ClimateTeam | None) -> None:
    """A meeting or work agreement names a climate team of its own municipality, or none."""
    if team is not None and not ClimateTeam.objects.filter(pk=team.pk).exists():
        raise ValidationError({"team": _("Choose a climate team of this municipality.")})


def climate_team_create(
    *, actor: Any, name: str, theme: Theme | None = None, description: str = ""
) -> ClimateTeam:
    enforce(can_manage_meetings)
    if not name.strip():
        raise ValidationError({"name": _("Give the team a name.")})
    team = ClimateTeam(name=name.strip(), theme=theme, description=description)
    with transaction.atomic():
        team.save()
        audit_record(
            actor=actor, instance=team, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
    return team


def climate_team_update(
    *,
    actor: Any,
    team: ClimateTeam,
    expected_version: int,
    name: str,
    theme: Theme | None,
    description: str,
) -> ClimateTeam:
    """Save the edit unless someone saved in between (ConcurrentEditError)."""
    enforce(can_manage_meetings)
    if not name.strip():
        raise ValidationError({"name": _("Give the team a name.")})
    with transaction.atomic():
        before = snapshot(ClimateTeam.objects.get(pk=team.pk))
        team.name, team.theme, team.description = name.strip(), theme, description
        save_if_version(
            team, expected_version=expected_version, fields=["name", "theme", "description"]
        )
        audit_record(
            actor=actor,
            instance=team,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return team


def climate_team_member_add(
    *,
    actor: Any,
    team: ClimateTeam,
    user: Any,
    role: str,
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> ClimateTeamMember:
    """Add a member of the municipality to the team, as chair, member or expert."""
    enforce(can_manage_meetings)
    errors: dict[str, Any] = {}
    if role not in TeamRole.values:
        errors["role"] = _("Choose a role.")
    if not member_users().filter(pk=user.pk).exists():
        errors["user"] = _("Invite members of this municipality only.")
    for field, day in (("starts_on", starts_on), ("ends_on", ends_on)):
        if day is not None and not is_plausible(day):
            errors[field] = OUT_OF_RANGE
    if not errors and starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = _("The end comes after the start.")
    if errors:
        raise ValidationError(errors)
    member = ClimateTeamMember(
        team=team, user=user, role=role, starts_on=starts_on, ends_on=ends_on
    )
    with transaction.atomic():
        member.save()
        audit_record(
            actor=actor, instance=member, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
    return member


def climate_team_member_remove(*, actor: Any, member: ClimateTeamMember) -> None:
    enforce(can_manage_meetings)
    with transaction.atomic():
        audit_record(
            actor=actor, instance=member, action=AuditAction.REMOVED, source=ChangeSource.FORM
        )
        member.delete()
