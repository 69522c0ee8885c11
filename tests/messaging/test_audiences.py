"""Who a message reaches: current members, participants, engaged organisations and consenting
network members; each address once, and the erased, the unreachable and who left out."""

from datetime import date

from daadkracht.access.context import tenant_scope
from daadkracht.bodies.models import BodyMembership
from daadkracht.engagement.models import Level
from daadkracht.messaging.models import AudienceKind, MailOptOut
from daadkracht.messaging.selectors import AudienceChoice, audience_of


def _emails(audience) -> set[str]:
    return {row.email for row in audience.recipients}


def _reasons(audience) -> dict[str, int]:
    counted: dict[str, int] = {}
    for row in audience.left_out:
        counted[row.reason] = counted.get(row.reason, 0) + 1
    return counted


def test_a_body_reaches_its_current_members_and_its_member_organisations_contacts(world, network):
    with tenant_scope(world.a):
        audience = audience_of(AudienceChoice(kind=AudienceKind.BODY, body=network.body))
    assert _emails(audience) == {
        "an.peeters@fluvius.be",
        "bram.desmet@fluvius.be",
        "chloe.dubois@portofantwerpbruges.com",
        "els@example.org",
        "hilde@example.be",
    }
    # The past member is no member: not even left out. The erased person and the port's
    # contact without an address are.
    assert _reasons(audience) == {"erased": 1, "no_email": 1}
    assert "frank.maes@telenet.be" not in {row.email for row in audience.left_out}
    assert all(row.email == "" for row in audience.left_out)
    assert {row.basis for row in audience.recipients} == {"governance"}


def test_one_address_in_two_cases_counts_once(world, network):
    with tenant_scope(world.a):
        BodyMembership.objects.create(
            body=network.body, organisation=network.fluvius, starts_on=date(2024, 1, 1)
        )
        audience = audience_of(AudienceChoice(kind=AudienceKind.BODY, body=network.body))
    addresses = [row.email.casefold() for row in audience.recipients]
    assert addresses.count("bram.desmet@fluvius.be") == 1
    # An sits in the body herself and through Fluvius: one person, not a duplicate.
    assert addresses.count("an.peeters@fluvius.be") == 1
    assert _reasons(audience)["duplicate"] == 1


def test_an_event_reaches_who_registered_and_the_waiting_list_on_request(world, network):
    with tenant_scope(world.a):
        registered = audience_of(AudienceChoice(kind=AudienceKind.EVENT, event=network.event))
        with_waiting = audience_of(
            AudienceChoice(kind=AudienceKind.EVENT, event=network.event, include_waiting=True)
        )
    assert _emails(registered) == {"frank.maes@telenet.be", "gwen.claes@skynet.be"}
    assert _emails(with_waiting) == _emails(registered) | {"els@example.org"}
    assert "ivo@school.be" not in _emails(with_waiting)


def test_a_theme_reaches_engaged_organisations_and_consenting_network_members(world, network):
    with tenant_scope(world.a):
        audience = audience_of(AudienceChoice(kind=AudienceKind.THEME, theme=network.energy))
        closer = audience_of(
            AudienceChoice(
                kind=AudienceKind.THEME, theme=network.energy, min_level=Level.COLLABORATE
            )
        )
    # Fluvius on the theme, the port on one of its actions, Gwen as a consenting member.
    assert _emails(audience) == {
        "an.peeters@fluvius.be",
        "Bram.DeSmet@Fluvius.be",
        "chloe.dubois@portofantwerpbruges.com",
        "gwen.claes@skynet.be",
    }
    # Frank withdrew his consent; the port's Dirk has no address.
    assert _reasons(audience) == {"no_consent": 1, "no_email": 1}
    assert _emails(closer) == {
        "an.peeters@fluvius.be",
        "Bram.DeSmet@Fluvius.be",
        "gwen.claes@skynet.be",
    }


def test_who_unsubscribed_is_left_out_of_that_kind_of_message_only(world, network):
    with tenant_scope(world.a):
        MailOptOut.objects.create(contact=network.people["gwen"], kind=AudienceKind.THEME)
        theme = audience_of(AudienceChoice(kind=AudienceKind.THEME, theme=network.energy))
        event = audience_of(AudienceChoice(kind=AudienceKind.EVENT, event=network.event))
    assert "gwen.claes@skynet.be" not in _emails(theme)
    assert _reasons(theme)["unsubscribed"] == 1
    assert "gwen.claes@skynet.be" in _emails(event)


def test_another_municipalitys_people_never_count(world, network):
    with tenant_scope(world.b):
        audience = audience_of(AudienceChoice(kind=AudienceKind.BODY, body=network.body))
    assert audience.recipients == []
