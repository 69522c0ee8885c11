"""The list and a body's page read a fixed number of queries: as many for 100 bodies as for 10,
for 50 members as for 5."""

from datetime import date, timedelta
from http import HTTPStatus

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.bodies.models import BodyKind, BodyMeeting, BodyMembership, GovernanceBody
from daadkracht.meetings.models import Meeting
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import Contact, Organisation
from tests.bodies.conftest import url


def _queries(client, target: str) -> int:
    client.get(target)  # warm the session and content type caches
    with CaptureQueriesContext(connection) as context:
        response = client.get(target)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == HTTPStatus.OK
    return len(context.captured_queries)


def _bodies(world, count: int, start: int) -> None:
    with tenant_scope(world.a):
        theme = Theme.objects.create(plan=world.plan_a, code=f"T{start}", name=f"Thema {start}")
        organisation = Organisation.objects.create(name=f"Partner {start}", kind="business")
        for number in range(start, start + count):
            body = GovernanceBody.objects.create(name=f"Werkbank {number}", kind=BodyKind.WORKBENCH)
            body.themes.add(theme)
            BodyMembership.objects.create(
                body=body, organisation=organisation, starts_on=date(2025, 1, 1)
            )
            begin = timezone.now() + timedelta(days=number + 1)
            meeting = Meeting.objects.create(
                title=f"Overleg {number}", kind="other", starts_at=begin, ends_at=begin
            )
            BodyMeeting.objects.create(body=body, meeting=meeting)


def test_the_list_and_its_export_read_as_much_for_100_bodies_as_for_10(world):
    client = world.client_for("coordinator")
    counts: dict[str, list[int]] = {"": [], "?kind=workbench": [], "?export=xlsx": []}
    _bodies(world, 10, 0)
    for query in counts:
        counts[query].append(_queries(client, url("bodies:list", world) + query))
    _bodies(world, 90, 10)
    for query in counts:
        counts[query].append(_queries(client, url("bodies:list", world) + query))
    assert {q: pair for q, pair in counts.items() if pair[0] != pair[1]} == {}


def _members(world, body: GovernanceBody, count: int, start: int) -> None:
    with tenant_scope(world.a):
        for number in range(start, start + count):
            organisation = Organisation.objects.create(name=f"Org {number}", kind="civil_society")
            contact = Contact.objects.create(
                full_name=f"Persoon {number}", organisation=organisation
            )
            other = GovernanceBody.objects.create(name=f"Orgaan {number}", kind="other")
            BodyMembership.objects.create(
                body=body, contact=contact, starts_on=date(2024, 1, 1), delegated_to=other
            )
            BodyMembership.objects.create(
                body=body,
                organisation=organisation,
                starts_on=date(2023, 1, 1),
                ends_on=date(2023, 12, 31),
            )
            BodyMembership.objects.create(
                body=other, contact=contact, starts_on=date(2024, 1, 1), delegated_to=body
            )


def test_a_body_page_reads_as_much_for_50_members_as_for_5(world):
    with tenant_scope(world.a):
        body = GovernanceBody.objects.create(name="Klankbordgroep", kind=BodyKind.SOUNDING_BOARD)
    target = url("bodies:detail", world, pk=body.pk)
    counts: dict[str, list[int]] = {"coordinator": [], "viewer": []}
    _members(world, body, 5, 0)
    for who in counts:
        counts[who].append(_queries(world.client_for(who), target))
    _members(world, body, 45, 5)
    for who in counts:
        counts[who].append(_queries(world.client_for(who), target))
    assert {who: pair for who, pair in counts.items() if pair[0] != pair[1]} == {}
