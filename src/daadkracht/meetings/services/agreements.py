"""Making, changing and removing work agreements, and updating their state."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from daadkracht.common.concurrency import save_if_version
from daadkracht.common.dates import OUT_OF_RANGE, is_plausible
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import Snapshot, audit_record, snapshot
from daadkracht.meetings.models import (
    AgreementStatus,
    ClimateTeam,
    Meeting,
    WorkAgreement,
    WorkAgreementAction,
    WorkAgreementParty,
)
from daadkracht.meetings.policies import can_manage_meetings, can_update_agreement
from daadkracht.meetings.services.teams import check_team
from daadkracht.plans.models import Action
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.policies import enforce

# A party line: the department and what it does for the agreement.
Party = tuple[Department, str]

# An agreement binds at least two departments; otherwise it is a department's own task.
MIN_PARTIES = 2


def _check_dates(**dates: date | None) -> None:
    errors = {
        name: str(OUT_OF_RANGE)
        for name, value in dates.items()
        if value and not is_plausible(value)
    }
    if errors:
        raise ValidationError(errors)


def _check(*, title: str, status: str, parties: Sequence[Party]) -> None:
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = _("Say what the departments agree on.")
    if status not in AgreementStatus.values:
        errors["status"] = _("Choose a status.")
    ids = [department.pk for department, _commitment in parties]
    if len(set(ids)) != len(ids):
        errors["parties"] = _("Name each department once.")
    elif len(ids) < MIN_PARTIES:
        errors["parties"] = _("A work agreement binds at least two departments.")
    elif Department.objects.filter(pk__in=ids).count() != len(ids):
        errors["parties"] = _("Choose departments of this municipality.")
    if errors:
        raise ValidationError(errors)


def _snapshot(agreement: WorkAgreement) -> Snapshot:
    """The agreement's own fields and the actions it serves, as the history shows them."""
    actions = Action.objects.filter(agreement_links__agreement=agreement).order_by("identifier")
    return snapshot(agreement).merged(
        Snapshot({"actions": ", ".join(str(action) for action in actions)})
    )


def _set_links(
    agreement: WorkAgreement,
    parties: Sequence[Party],
    actions: Sequence[Action],
    *,
    actor: Any,
) -> None:
    """Make the agreement's parties and actions these; each party added, changed or taken off
    is recorded in the history."""
    stored = {
        p.department_id: p
        for p in WorkAgreementParty.objects.filter(agreement=agreement).select_related("department")
    }
    wanted = {department.pk: (department, commitment) for department, commitment in parties}
    for department_id, party in stored.items():
        if department_id not in wanted:
            audit_record(
                actor=actor, instance=party, action=AuditAction.REMOVED, source=ChangeSource.FORM
            )
            party.delete()
    for department_id, (department, commitment) in wanted.items():
        party = stored.get(department_id)
        if party is None:
            party = WorkAgreementParty.objects.create(
                agreement=agreement, department=department, commitment=commitment
            )
            audit_record(
                actor=actor, instance=party, action=AuditAction.CREATED, source=ChangeSource.FORM
            )
        elif party.commitment != commitment:
            before = snapshot(party)
            party.commitment = commitment
            party.save(update_fields=["commitment"])
            audit_record(
                actor=actor,
                instance=party,
                action=AuditAction.UPDATED,
                source=ChangeSource.FORM,
                before=before,
            )
    WorkAgreementAction.objects.filter(agreement=agreement).delete()
    WorkAgreementAction.objects.bulk_create(
        [WorkAgreementAction(agreement=agreement, action=action) for action in actions]
    )


def work_agreement_create(
    *,
    actor: Any,
    title: str,
    parties: Sequence[Party],
    description: str = "",
    due_date: date | None = None,
    status: str = AgreementStatus.PROPOSED,
    review_date: date | None = None,
    meeting: Meeting | None = None,
    actions: Sequence[Action] = (),
    team: ClimateTeam | None = None,
) -> WorkAgreement:
    """A work agreement between two or more departments, each with its part."""
    enforce(can_manage_meetings)
    _check(title=title, status=status, parties=parties)
    _check_dates(due_date=due_date, review_date=review_date)
    check_team(team)
    agreement = WorkAgreement(
        title=title.strip(),
        description=description,
        due_date=due_date,
        status=status,
        review_date=review_date,
        meeting=meeting,
        team=team,
    )
    with transaction.atomic():
        agreement.save()
        WorkAgreementAction.objects.bulk_create(
            [WorkAgreementAction(agreement=agreement, action=action) for action in actions]
        )
        audit_record(
            actor=actor,
            instance=agreement,
            action=AuditAction.CREATED,
            source=ChangeSource.FORM,
            after=_snapshot(agreement),
        )
        _set_links(agreement, parties, actions, actor=actor)
    return agreement


def work_agreement_update(
    *,
    actor: Any,
    agreement: WorkAgreement,
    expected_version: int,
    title: str,
    parties: Sequence[Party],
    description: str,
    due_date: date | None,
    status: str,
    review_date: date | None,
    meeting: Meeting | None,
    actions: Sequence[Action],
    team: ClimateTeam | None = None,
) -> WorkAgreement:
    """Save the edit unless someone saved in between (ConcurrentEditError)."""
    enforce(can_manage_meetings)
    _check(title=title, status=status, parties=parties)
    _check_dates(due_date=due_date, review_date=review_date)
    check_team(team)
    with transaction.atomic():
        before = _snapshot(WorkAgreement.objects.get(pk=agreement.pk))
        values = {
            "title": title.strip(),
            "description": description,
            "due_date": due_date,
            "status": status,
            "review_date": review_date,
            "meeting": meeting,
            "team": team,
        }
        for name, value in values.items():
            setattr(agreement, name, value)
        save_if_version(agreement, expected_version=expected_version, fields=list(values))
        _set_links(agreement, parties, actions, actor=actor)
        audit_record(
            actor=actor,
            instance=agreement,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
            after=_snapshot(agreement),
        )
    return agreement


def work_agreement_update_state(
    *,
    actor: Any,
    agreement: WorkAgreement,
    expected_version: int,
    status: str,
    review_date: date | None,
) -> WorkAgreement:
    """The state and next review of an agreement, as a party department reports it."""
    enforce(can_update_agreement, agreement)
    if status not in AgreementStatus.values:
        raise ValidationError({"status": _("Choose a status.")})
    _check_dates(review_date=review_date)
    with transaction.atomic():
        before = snapshot(WorkAgreement.objects.get(pk=agreement.pk))
        agreement.status = status
        agreement.review_date = review_date
        save_if_version(
            agreement, expected_version=expected_version, fields=["status", "review_date"]
        )
        audit_record(
            actor=actor,
            instance=agreement,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
    return agreement


def work_agreement_delete(*, actor: Any, agreement: WorkAgreement) -> None:
    """Remove an agreement made by mistake; one that was dropped is better marked dropped."""
    enforce(can_manage_meetings)
    with transaction.atomic():
        audit_record(
            actor=actor,
            instance=agreement,
            action=AuditAction.REMOVED,
            source=ChangeSource.FORM,
            after=_snapshot(agreement),
        )
        agreement.delete()
