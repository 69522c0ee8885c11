"""The links of a municipality's network at scale, for the network map: governance bodies with
their themes and members, engagement per organisation and theme or action, and partners on
actions. Written in bulk, in the caller's access context, over the organisations, themes and
actions the municipality has (see `daadkracht.testing.stakeholders.bulk_network`)."""

import random
from dataclasses import dataclass
from datetime import date

from daadkracht.bodies.models import BodyKind, BodyMembership, BodyTheme, GovernanceBody, MemberRole
from daadkracht.engagement.models import Engagement
from daadkracht.partners.models import ActionPartner, PartnerRole
from daadkracht.plans.models import Action, Theme
from daadkracht.stakeholders.models import Contact, Organisation
from daadkracht.tenancy.models import Municipality


@dataclass(frozen=True)
class Links:
    bodies: int
    memberships: int
    engagements: int
    partners: int


def bulk_links(
    municipality: Municipality, *, bodies: int = 12, seed: int = 4, today: date | None = None
) -> Links:
    """Write `bodies` bodies (each on one or two themes), put each organisation in up to two of
    them (every third through a contact person), engage a third of the organisations in a
    theme or an action, and make every fifth a partner on an action."""
    chance = random.Random(seed)
    start = date(2024, 1, 1) if today is None else today.replace(year=today.year - 1)
    themes = list(Theme.objects.filter(municipality=municipality).order_by("pk"))
    # Only organisations not linked yet: the helper may run again on a grown network.
    organisations = list(
        Organisation.objects.filter(
            municipality=municipality,
            engagements__isnull=True,
            action_links__isnull=True,
            body_memberships__isnull=True,
        ).order_by("pk")
    )
    actions = list(Action.objects.filter(municipality=municipality).order_by("pk")[:500])
    people = dict(
        Contact.objects.filter(municipality=municipality, organisation__isnull=False)
        .order_by("pk")
        .values_list("organisation_id", "pk")
    )
    kinds = list(BodyKind)
    made = GovernanceBody.objects.bulk_create(
        [
            GovernanceBody(
                municipality=municipality, name=f"Klimaatwerkbank {n + 1}", kind=kinds[n % 5]
            )
            for n in range(bodies)
        ]
    )
    BodyTheme.objects.bulk_create(
        [
            BodyTheme(municipality=municipality, body=body, theme=theme)
            for body in made
            for theme in chance.sample(themes, min(len(themes), chance.randint(1, 2)))
        ]
    )
    memberships, engagements, partners = [], [], []
    roles = list(MemberRole)
    for n, organisation in enumerate(organisations):
        for body in chance.sample(made, min(len(made), chance.randint(0, 2))):
            person = people.get(organisation.pk) if n % 3 == 0 else None
            memberships.append(
                BodyMembership(
                    municipality=municipality,
                    body=body,
                    organisation=None if person else organisation,
                    contact_id=person,
                    role=chance.choice(roles),
                    starts_on=start,
                )
            )
        if n % 3 == 0 and (themes or actions):
            on_action = bool(actions) and (n % 2 == 0 or not themes)
            intended = chance.randint(1, 5)
            engagements.append(
                Engagement(
                    municipality=municipality,
                    organisation=organisation,
                    theme=None if on_action else chance.choice(themes),
                    action=chance.choice(actions) if on_action else None,
                    influence=chance.randint(1, 3),
                    interest=chance.randint(1, 3),
                    intended=intended,
                    actual=chance.choice([None, *range(1, intended + 1)]),
                )
            )
        if n % 5 == 0 and actions:
            partners.append(
                ActionPartner(
                    municipality=municipality,
                    action=chance.choice(actions),
                    organisation=organisation,
                    role=chance.choice(list(PartnerRole)),
                )
            )
    BodyMembership.objects.bulk_create(memberships, batch_size=2000)
    Engagement.objects.bulk_create(engagements, batch_size=2000)
    ActionPartner.objects.bulk_create(partners, batch_size=2000)
    return Links(len(made), len(memberships), len(engagements), len(partners))
