"""The network of municipality A as a coordinator finds it: a climate workbench with current
and past members (people and an organisation), an event with places and a waiting list, and a
theme with engaged organisations and Open Network members, in the mess real lists hold."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.bodies.models import BodyKind, BodyMembership, GovernanceBody
from daadkracht.engagement.models import Engagement, Level, Weight
from daadkracht.events.models import EventKind, NetworkEvent, Registration, RegistrationState
from daadkracht.network.models import MemberTheme, NetworkMember
from daadkracht.plans.models import ActionTheme, Theme
from daadkracht.stakeholders.models import (
    Consent,
    ConsentChannel,
    ConsentText,
    Contact,
    Organisation,
    OrganisationKind,
    Purpose,
)


def url(name: str, world, **kwargs) -> str:
    return reverse(f"messaging:{name}", kwargs={"municipality": world.a.slug, **kwargs})


@dataclass
class Network:
    body: GovernanceBody
    event: NetworkEvent
    energy: Theme
    mobility: Theme
    fluvius: Organisation
    haven: Organisation
    people: dict[str, Contact]


def _contact(name: str, email: str, **fields) -> Contact:
    return Contact.objects.create(full_name=name, email=email, **fields)


def _member(contact: Contact, theme: Theme, text: ConsentText, *, withdrawn: bool = False) -> None:
    member = NetworkMember.objects.create(contact=contact, joined_at=timezone.now())
    MemberTheme.objects.create(member=member, theme=theme)
    Consent.objects.create(
        contact=contact,
        purpose=Purpose.OPEN_NETWORK,
        consent_text=text,
        given_at=timezone.now() - timedelta(days=30),
        given_how=ConsentChannel.WEB_FORM,
        withdrawn_at=timezone.now() - timedelta(days=2) if withdrawn else None,
        withdrawn_how="signed_link" if withdrawn else "",
    )


def build_network(world) -> Network:
    with tenant_scope(world.a):
        energy = Theme.objects.create(plan=world.plan_a, code="E", name="Energie")
        mobility = Theme.objects.create(plan=world.plan_a, code="M", name="Mobiliteit")
        ActionTheme.objects.create(action=world.action_a, theme=energy)
        fluvius = Organisation.objects.create(name="Fluvius", kind=OrganisationKind.GRID_OPERATOR)
        haven = Organisation.objects.create(
            name="Port of Antwerp-Bruges", kind=OrganisationKind.PORT
        )
        school = Organisation.objects.create(
            name="Sint-Lodewijkscollege", kind=OrganisationKind.SCHOOL
        )
        people = {
            "an": _contact("An Peeters", "an.peeters@fluvius.be", organisation=fluvius),
            "bram": _contact("Bram De Smet", "Bram.DeSmet@Fluvius.be", organisation=fluvius),
            # The same person twice, typed in another case.
            "bram2": _contact("Bram De Smet (dubbel)", "bram.desmet@fluvius.be"),
            "chloe": _contact(
                "Chloé Dubois",
                "chloe.dubois@portofantwerpbruges.com",
                organisation=haven,
                language="fr",
            ),
            "dirk": _contact("Dirk Janssens", "", organisation=haven),
            "els": _contact("Els Vandamme", "els@example.org", language="en"),
            "frank": _contact("Frank Maes", "frank.maes@telenet.be"),
            "gwen": _contact("Gwen Claes", "gwen.claes@skynet.be"),
            "hilde": _contact("Hilde Wouters", "hilde@example.be", language="de"),
            "ivo": _contact("Ivo Mertens", "ivo@school.be", organisation=school),
            "wiped": _contact("Gewist Persoon", "gewist@example.be"),
        }
        wiped = people["wiped"]
        wiped.full_name, wiped.email, wiped.erased_at = "", "", timezone.now()
        wiped.save()
        body = GovernanceBody.objects.create(name="Klimaatwerkbank", kind=BodyKind.WORKBENCH)
        today = timezone.localdate()
        for key in ("an", "els", "hilde", "wiped", "bram2"):
            BodyMembership.objects.create(
                body=body, contact=people[key], starts_on=date(2024, 1, 1)
            )
        # A past member receives nothing.
        BodyMembership.objects.create(
            body=body,
            contact=people["frank"],
            starts_on=date(2022, 1, 1),
            ends_on=today - timedelta(days=1),
        )
        # An organisation sits in the body: its contact persons receive the body's messages.
        BodyMembership.objects.create(body=body, organisation=haven, starts_on=date(2024, 1, 1))
        start = timezone.now() + timedelta(days=7)
        event = NetworkEvent.objects.create(
            title="Open netwerkmoment energie",
            kind=EventKind.OPEN_NETWORK,
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            place="Stadshallen",
            capacity=2,
            registration_until=start - timedelta(days=1),
        )
        Registration.objects.create(event=event, contact=people["frank"])
        Registration.objects.create(event=event, contact=people["gwen"])
        Registration.objects.create(
            event=event, contact=people["els"], state=RegistrationState.WAITING, waiting_position=1
        )
        Registration.objects.create(
            event=event, contact=people["ivo"], state=RegistrationState.CANCELLED
        )
        Engagement.objects.create(
            organisation=fluvius,
            theme=energy,
            influence=Weight.HIGH,
            interest=Weight.HIGH,
            intended=Level.COLLABORATE,
        )
        # The port is engaged in an action of the theme, to be kept informed.
        Engagement.objects.create(
            organisation=haven,
            action=world.action_a,
            influence=Weight.LOW,
            interest=Weight.LOW,
            intended=Level.INFORM,
        )
        Engagement.objects.create(
            organisation=school,
            theme=mobility,
            influence=Weight.LOW,
            interest=Weight.HIGH,
            intended=Level.INVOLVE,
        )
        text = ConsentText.objects.create(
            purpose=Purpose.OPEN_NETWORK,
            version=1,
            text="Ik wil berichten van het Open Netwerk ontvangen.",
            published_at=timezone.now() - timedelta(days=60),
        )
        _member(people["gwen"], energy, text)
        _member(people["frank"], energy, text, withdrawn=True)
        # An organisation's contact who also joined the Open Network counts once.
        _member(people["an"], energy, text)
    return Network(body, event, energy, mobility, fluvius, haven, people)


@pytest.fixture
def network(world) -> Network:
    return build_network(world)
