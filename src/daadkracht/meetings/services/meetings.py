"""Planning, changing and cancelling meetings, recording attendance, and their invitations."""

from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from daadkracht.access.tasks import enqueue
from daadkracht.common.concurrency import save_if_version
from daadkracht.common.dates import OUT_OF_RANGE, is_plausible
from daadkracht.common.email import render_email
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.meetings.calendar import CANCEL, REQUEST, meeting_ics
from daadkracht.meetings.models import (
    ClimateTeam,
    Meeting,
    MeetingAttendee,
    MeetingDepartment,
    MeetingKind,
    MeetingUpdate,
    Method,
)
from daadkracht.meetings.policies import can_manage_meetings
from daadkracht.meetings.services.teams import check_team
from daadkracht.meetings.tasks import send_meeting_email
from daadkracht.plans.models import Action, StatusUpdate, UpdateKind
from daadkracht.plans.services.updates import timeline_update_post
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.policies import enforce
from daadkracht.tenancy.selectors import member_users

# What, when it changes, makes calendars move the event: an update goes out.
SCHEDULE_FIELDS = ("starts_at", "ends_at", "place")


class Invite:
    NEW = "new"
    UPDATE = "update"
    CANCEL = "cancel"


def _validate(
    *,
    kind: str,
    method: Method | None,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
) -> None:
    errors: dict[str, str] = {}
    if kind not in MeetingKind.values:
        errors["kind"] = _("Choose the type of meeting.")
    elif kind == MeetingKind.METHOD and method is None:
        errors["method"] = _("Choose the method this meeting follows.")
    if not title.strip():
        errors["title"] = _("Give the meeting a title.")
    if not is_plausible(timezone.localdate(starts_at)):
        errors["starts_at"] = str(OUT_OF_RANGE)
    elif ends_at <= starts_at:
        errors["ends_at"] = _("The meeting must end after it starts.")
    if errors:
        raise ValidationError(errors)


def _check_people(departments: Sequence[Department], attendees: Sequence[Any]) -> None:
    member_ids = set(
        member_users().filter(pk__in=[a.pk for a in attendees]).values_list("pk", flat=True)
    )
    if any(person.pk not in member_ids for person in attendees):
        raise ValidationError({"attendees": _("Invite members of this municipality only.")})
    live = set(
        Department.objects.filter(pk__in=[d.pk for d in departments]).values_list("pk", flat=True)
    )
    if any(department.pk not in live for department in departments):
        raise ValidationError({"departments": _("Choose departments of this municipality.")})


def _sync_links(
    meeting: Meeting, departments: Sequence[Department], attendees: Sequence[Any]
) -> tuple[list[Any], list[Any]]:
    """Make the meeting's departments and participants these; the added and removed people."""
    MeetingDepartment.objects.filter(meeting=meeting).exclude(
        department__in=[d.pk for d in departments]
    ).delete()
    known = set(
        MeetingDepartment.objects.filter(meeting=meeting).values_list("department_id", flat=True)
    )
    MeetingDepartment.objects.bulk_create(
        [MeetingDepartment(meeting=meeting, department=d) for d in departments if d.pk not in known]
    )
    wanted = {person.pk: person for person in attendees}
    stored = {a.user_id: a for a in MeetingAttendee.objects.filter(meeting=meeting)}
    removed = [a.user for a in stored.values() if a.user_id not in wanted]
    MeetingAttendee.objects.filter(meeting=meeting).exclude(user_id__in=list(wanted)).delete()
    added = [person for pk, person in wanted.items() if pk not in stored]
    MeetingAttendee.objects.bulk_create(
        [MeetingAttendee(meeting=meeting, user=person) for person in added]
    )
    return added, removed


def meeting_create(
    *,
    actor: Any,
    kind: str,
    method: Method | None,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    place: str = "",
    agenda: str = "",
    notes: str = "",
    decisions: str = "",
    departments: Sequence[Department] = (),
    attendees: Sequence[Any] = (),
    team: ClimateTeam | None = None,
) -> Meeting:
    """Plan a meeting and invite its participants by e-mail, with a calendar file."""
    enforce(can_manage_meetings)
    if kind != MeetingKind.METHOD:
        method = None
    _validate(kind=kind, method=method, title=title, starts_at=starts_at, ends_at=ends_at)
    _check_people(departments, attendees)
    check_team(team)
    if not agenda.strip() and method is not None and method.text and method.text.agendas:
        agenda = method.text.agendas[0].as_text()
    meeting = Meeting(
        kind=kind,
        method=method,
        title=title.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        agenda=agenda,
        notes=notes,
        decisions=decisions,
        team=team,
        organiser=actor if getattr(actor, "is_authenticated", False) else None,
    )
    with transaction.atomic():
        meeting.save()
        _sync_links(meeting, departments, attendees)
        audit_record(
            actor=actor, instance=meeting, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
        _send(meeting, Invite.NEW, attendees)
    return meeting


def meeting_update(
    *,
    actor: Any,
    meeting: Meeting,
    expected_version: int,
    departments: Sequence[Department] | None = None,
    attendees: Sequence[Any] | None = None,
    **values: Any,
) -> Meeting:
    """Save the edit unless someone saved in between (ConcurrentEditError). When the date, time or
    place changes, the participants get an update; people added get an invitation, people taken
    off the list a cancellation."""
    enforce(can_manage_meetings)
    allowed = {"kind", "method", "title", "starts_at", "ends_at", "place", "agenda", "notes"}
    allowed.update({"decisions", "team"})
    unknown = set(values) - allowed
    if unknown:
        raise TypeError(f"meeting_update got unknown fields: {sorted(unknown)}")
    stored = Meeting.objects.get(pk=meeting.pk)
    merged = {name: values.get(name, getattr(stored, name)) for name in allowed}
    if merged["kind"] != MeetingKind.METHOD:
        merged["method"] = None
        values["method"] = None
    _validate(
        kind=merged["kind"],
        method=merged["method"],
        title=merged["title"],
        starts_at=merged["starts_at"],
        ends_at=merged["ends_at"],
    )
    if departments is not None or attendees is not None:
        _check_people(departments or [], attendees or [])
    if "team" in values:
        check_team(values["team"])
    rescheduled = any(
        name in values and values[name] != getattr(stored, name) for name in SCHEDULE_FIELDS
    )
    with transaction.atomic():
        before = snapshot(stored)
        for name, value in values.items():
            setattr(meeting, name, value.strip() if name == "title" else value)
        fields = list(values)
        if rescheduled and not meeting.is_cancelled:
            meeting.sequence = stored.sequence + 1
            fields.append("sequence")
        save_if_version(meeting, expected_version=expected_version, fields=fields)
        added: list[Any] = []
        removed: list[Any] = []
        if departments is not None and attendees is not None:
            added, removed = _sync_links(meeting, departments, attendees)
        audit_record(
            actor=actor,
            instance=meeting,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
        if not meeting.is_cancelled and not meeting.is_past:
            if rescheduled:
                added_ids = {person.pk for person in added}
                staying = [p for p in meeting_people(meeting) if p.pk not in added_ids]
                _send(meeting, Invite.UPDATE, staying)
            _send(meeting, Invite.NEW, added)
            _send(meeting, Invite.CANCEL, removed)
    return meeting


def meeting_cancel(*, actor: Any, meeting: Meeting) -> Meeting:
    """Call the meeting off: it stays on record, marked cancelled, and the participants get a
    cancellation that removes it from their calendars."""
    enforce(can_manage_meetings)
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting was cancelled already."))
    if meeting.is_past:
        raise ValidationError(_("This meeting has taken place: it can no longer be cancelled."))
    with transaction.atomic():
        before = snapshot(Meeting.objects.get(pk=meeting.pk))
        meeting.cancelled_at = timezone.now()
        meeting.sequence += 1
        meeting.version += 1
        meeting.save(update_fields=["cancelled_at", "sequence", "version", "updated_at"])
        audit_record(
            actor=actor,
            instance=meeting,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
        if not meeting.is_past:
            _send(meeting, Invite.CANCEL, meeting_people(meeting))
    return meeting


def meeting_attendance_record(*, actor: Any, meeting: Meeting, present: Iterable[int]) -> int:
    """Record who attended: the participants named in `present`, the others absent. Returns
    how many attended."""
    enforce(can_manage_meetings)
    present_ids = set(present)
    with transaction.atomic():
        attendees = list(MeetingAttendee.objects.filter(meeting=meeting).select_related("user"))
        for attendee in attendees:
            attended = attendee.user_id in present_ids
            if attendee.attended is attended:
                continue
            before = snapshot(attendee)
            attendee.attended = attended
            attendee.save(update_fields=["attended"])
            audit_record(
                actor=actor,
                instance=attendee,
                action=AuditAction.UPDATED,
                source=ChangeSource.FORM,
                before=before,
            )
    return sum(1 for a in attendees if a.attended)


def meeting_people(meeting: Meeting) -> list[Any]:
    return [
        a.user
        for a in MeetingAttendee.objects.filter(meeting=meeting)
        .select_related("user")
        .order_by("user__full_name")
    ]


def meeting_path(meeting: Meeting) -> str:
    return reverse(
        "meetings:detail",
        kwargs={"municipality": meeting.municipality.slug, "pk": meeting.pk},
    )


SUBJECTS = {
    Invite.NEW: "meetings/email/invitation",
    Invite.UPDATE: "meetings/email/update",
    Invite.CANCEL: "meetings/email/cancellation",
}


def _send(meeting: Meeting, invite: str, people: Sequence[Any]) -> None:
    """Mail each person (in their own language) after commit, with the calendar file."""
    url = settings.SITE_URL + meeting_path(meeting)
    method = CANCEL if invite == Invite.CANCEL else REQUEST
    everyone = meeting_people(meeting)
    for person in people:
        if not getattr(person, "email", ""):
            continue
        language = getattr(person, "language", "") or translation.get_language()
        email = render_email(
            template=SUBJECTS[invite],
            context={"meeting": meeting, "person": person, "url": url},
            language=language,
        )
        ics = meeting_ics(
            meeting,
            method=method,
            url=url,
            attendees=[person] if invite == Invite.CANCEL else everyone,
            organiser=meeting.organiser,
        ).decode()
        with translation.override(language):
            filename = _("meeting") + ".ics"
        kwargs = {
            "subject": email.subject,
            "body": email.body,
            "html": email.html,
            "to": [person.email],
            "ics": ics,
            "method": method,
            "filename": filename,
        }
        transaction.on_commit(partial(enqueue, send_meeting_email, **kwargs))


def meeting_update_post(
    *, actor: Any, meeting: Meeting, action: Action, text: str, kind: str = UpdateKind.UPDATE
) -> StatusUpdate:
    """Post a status update or decision on the action's timeline, dated the day of the meeting
    (or today, before it), and keep with the meeting that it was posted there. Whoever may post
    on the action's timeline may do so (`timeline_update_post` asks)."""
    if meeting.is_cancelled:
        raise ValidationError(_("A cancelled meeting can no longer be changed."))
    held_on = timezone.localdate(meeting.starts_at)
    with transaction.atomic():
        update = timeline_update_post(
            actor=actor,
            action=action,
            text=text,
            kind=kind,
            on_date=min(held_on, timezone.localdate()),
        )
        MeetingUpdate.objects.create(meeting=meeting, update=update)
    return update
