"""URL matrix rows: the methods catalogue, meetings and work agreements."""

from datetime import timedelta

from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.meetings.models import (
    ClimateTeam,
    ClimateTeamMember,
    Meeting,
    MeetingAttendee,
    MeetingKind,
    WorkAgreement,
    WorkAgreementParty,
)
from tests.url_matrix.rows import ALL_MEMBERS, GONE, NOT_ALLOWED, everyone, tenant


def _meeting(world) -> dict:
    """A meeting of municipality A next week, with the editor invited (made once per world)."""
    meeting = Meeting.unscoped.filter(municipality=world.a).first()
    if meeting is None:
        start = timezone.now() + timedelta(days=7)
        with tenant_scope(world.a):
            meeting = Meeting.objects.create(
                municipality=world.a,
                title="Lunchgesprek Mobiliteit",
                kind=MeetingKind.OTHER,
                starts_at=start,
                ends_at=start + timedelta(hours=1),
            )
            MeetingAttendee.objects.create(meeting=meeting, user=world.users["editor"])
    return {"pk": meeting.pk}


def _held_meeting(world) -> dict:
    """A meeting of municipality A held last week, the editor attending (made once per world)."""
    meeting = Meeting.unscoped.filter(municipality=world.a, title="Doorstartdag").first()
    if meeting is None:
        start = timezone.now() - timedelta(days=7)
        with tenant_scope(world.a):
            meeting = Meeting.objects.create(
                municipality=world.a,
                title="Doorstartdag",
                kind=MeetingKind.OTHER,
                starts_at=start,
                ends_at=start + timedelta(hours=3),
            )
            MeetingAttendee.objects.create(
                meeting=meeting, user=world.users["editor"], attended=True
            )
    return {"pk": meeting.pk}


def _agreement(world) -> dict:
    """An agreement of municipality A between the editor's department and another one."""
    agreement = WorkAgreement.unscoped.filter(municipality=world.a).first()
    if agreement is None:
        with tenant_scope(world.a):
            agreement = WorkAgreement.objects.create(
                municipality=world.a, title="Fietsstraten samen plannen"
            )
            for department in (world.department_a, world.other_department_a):
                WorkAgreementParty.objects.create(agreement=agreement, department=department)
    return {"pk": agreement.pk}


def _team(world) -> dict:
    """A climate team of municipality A with the editor as its chair."""
    team = ClimateTeam.unscoped.filter(municipality=world.a).first()
    if team is None:
        with tenant_scope(world.a):
            team = ClimateTeam.objects.create(municipality=world.a, name="Klimaatteam gebouwen")
            ClimateTeamMember.objects.create(team=team, user=world.users["editor"], role="chair")
    return {"pk": team.pk}


def _team_member(world) -> dict:
    pk = _team(world)["pk"]
    member = ClimateTeamMember.unscoped.filter(team_id=pk).first()
    return {"pk": pk, "member": member.pk}


# Coordinators and the coach who guides the municipality plan meetings; everyone reads them.
PLANNING = tenant(200, 403, 403, 200)

EXPECTED = {
    "meetings:catalogue": ALL_MEMBERS,
    "meetings:method": ALL_MEMBERS,
    "meetings:list": ALL_MEMBERS,
    "meetings:create": PLANNING,
    "meetings:detail": ALL_MEMBERS,
    "meetings:edit": PLANNING,
    "meetings:cancel": PLANNING,
    "meetings:attendance": tenant(NOT_ALLOWED, 403, 403, NOT_ALLOWED),
    "meetings:calendar": ALL_MEMBERS,
    # Sending, reminding and closing a meeting's evaluation: POST only, for who plans meetings.
    "meetings:evaluation_send": tenant(NOT_ALLOWED, 403, 403, NOT_ALLOWED),
    "meetings:evaluation_close": tenant(NOT_ALLOWED, 403, 403, NOT_ALLOWED),
    # Public: a participant's evaluation link; one that is not genuine is gone for everyone.
    "evaluation:answer": everyone(GONE),
    # Whoever posts on actions' timelines: coordinators, and editors for their department.
    "meetings:update_post": tenant(200, 200, 403, 403),
    # Whoever adds actions to the plan: coordinators, and editors for their department.
    "meetings:action_create": tenant(200, 200, 403, 403),
    "meetings:teams": ALL_MEMBERS,
    "meetings:team_create": PLANNING,
    "meetings:team": ALL_MEMBERS,
    "meetings:team_edit": PLANNING,
    "meetings:team_member_add": tenant(NOT_ALLOWED, 403, 403, NOT_ALLOWED),
    "meetings:team_member_remove": PLANNING,
    "agreements:list": ALL_MEMBERS,
    "agreements:department": ALL_MEMBERS,
    "agreements:create": PLANNING,
    "agreements:detail": ALL_MEMBERS,
    "agreements:edit": PLANNING,
    # The editor's department is a party to the agreement; viewers only read.
    "agreements:state": tenant(200, 200, 403, 200),
    "agreements:delete": PLANNING,
}

SAMPLE_KWARGS = {
    "meetings:method": lambda w: {"key": "lunch-talk"},
    "meetings:detail": _meeting,
    "meetings:edit": _meeting,
    "meetings:cancel": _meeting,
    "meetings:attendance": _meeting,
    "meetings:calendar": _meeting,
    "meetings:evaluation_send": _held_meeting,
    "meetings:evaluation_close": _held_meeting,
    "evaluation:answer": lambda w: {"token": "not-a-valid-token"},
    "meetings:update_post": _meeting,
    "meetings:action_create": _meeting,
    "meetings:team": _team,
    "meetings:team_edit": _team,
    "meetings:team_member_add": _team,
    "meetings:team_member_remove": _team_member,
    "agreements:department": lambda w: {"department": w.department_a.pk},
    "agreements:detail": _agreement,
    "agreements:edit": _agreement,
    "agreements:state": _agreement,
    "agreements:delete": _agreement,
}
