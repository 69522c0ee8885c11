"""The demo's engagement of Bruges' network: how far each organisation is engaged on the themes
it works on and on the actions it partners in, a year of contacts with follow-ups, and the
commitments made on both sides.

Nobody is engaged on "Bruggelingen eten gezond en lokaal" (B5) yet, so that the coverage view
shows a gap: the school that follows the theme has not been approached, and no partner works on
its actions.
"""

from datetime import timedelta

from django.utils import timezone

from daadkracht.accounts.models import User
from daadkracht.engagement.models import (
    Commitment,
    CommitmentStatus,
    Direction,
    Engagement,
    Interaction,
    InteractionKind,
    Level,
    Weight,
    suggested_level,
)
from daadkracht.partners.models import ActionPartner
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import Contact, Organisation, OrganisationKind
from daadkracht.tenancy.models import Municipality

GAP_THEME = "B5"

# influence, interest per type of organisation
WEIGHTS = {
    OrganisationKind.INTERMUNICIPAL: (Weight.HIGH, Weight.HIGH),
    OrganisationKind.GRID_OPERATOR: (Weight.HIGH, Weight.MEDIUM),
    OrganisationKind.PORT: (Weight.HIGH, Weight.MEDIUM),
    OrganisationKind.CIVIL_SOCIETY: (Weight.MEDIUM, Weight.HIGH),
    OrganisationKind.POVERTY: (Weight.LOW, Weight.HIGH),
    OrganisationKind.BUSINESS: (Weight.MEDIUM, Weight.MEDIUM),
    OrganisationKind.KNOWLEDGE: (Weight.LOW, Weight.MEDIUM),
    OrganisationKind.CITIZEN_GROUP: (Weight.LOW, Weight.HIGH),
    OrganisationKind.SCHOOL: (Weight.LOW, Weight.MEDIUM),
}

# organisation, kind, days ago, summary, follow-up, follow-up due in days (negative: late)
INTERACTIONS = [
    (
        "Fluvius",
        InteractionKind.MEETING,
        330,
        "Overleg over de warmtezoneringskaart en de wijken waar het net eerst verzwaard wordt.",
        "Kaart met netverzwaringen per wijk bezorgen aan de dienst Ruimte",
        None,
    ),
    (
        "IVBO",
        InteractionKind.MEETING,
        280,
        "Restwarmte van de verbrandingsoven: haalbaarheid van een warmtenet naar Sint-Pieters.",
        "Haalbaarheidsstudie voorleggen aan de beleidsgroep",
        -20,
    ),
    (
        "Port of Antwerp-Bruges",
        InteractionKind.CALL,
        200,
        "Walstroom voor cruiseschepen in Zeebrugge: planning en wat de stad kan bijdragen.",
        "",
        None,
    ),
    (
        "Welzijnsschakels Brugge",
        InteractionKind.EVENT,
        150,
        "Op het netwerkmoment: energiearmoede in huurwoningen, nood aan een renovatiecoach.",
        "Renovatiecoach voor huurders bespreken met Wonen",
        14,
    ),
    (
        "Voka West-Vlaanderen",
        InteractionKind.EMAIL,
        90,
        "Voorstel voor een lerend netwerk circulair ondernemen voor KMO's in de Waggelwater-zone.",
        "Antwoord op het voorstel sturen",
        -5,
    ),
    (
        "Natuurpunt Brugge",
        InteractionKind.MEETING,
        60,
        "Ontharding van speelplaatsen en bermen: welke plekken eerst, en vrijwilligers voor het "
        "planten.",
        "Lijst met plantlocaties doorsturen",
        21,
    ),
    (
        "WVI",
        InteractionKind.CALL,
        30,
        "Klimaattoets voor nieuwe verkavelingen: WVI stelt een checklist voor.",
        "",
        None,
    ),
    (
        "Energiecoöperatie Brugge",
        InteractionKind.EVENT,
        12,
        "Zonnepanelen op het dak van de sporthal: de coöperatie wil instappen.",
        "Dakenscan van stadsgebouwen delen",
        30,
    ),
]

# organisation, direction, description, made days ago, due in days, status
COMMITMENTS = [
    (
        "Fluvius",
        Direction.BY_STAKEHOLDER,
        "Netverzwaringen per wijk aanleveren voor de warmtezonering",
        330,
        -200,
        CommitmentStatus.CLOSED,
    ),
    (
        "IVBO",
        Direction.BY_STAKEHOLDER,
        "Haalbaarheidsstudie restwarmte afronden",
        280,
        -20,
        CommitmentStatus.IN_PROGRESS,
    ),
    (
        "IVBO",
        Direction.BY_MUNICIPALITY,
        "Tracé voor een warmtenet meenemen in de heraanleg van de Blankenbergse Steenweg",
        280,
        120,
        CommitmentStatus.OPEN,
    ),
    (
        "Welzijnsschakels Brugge",
        Direction.BY_MUNICIPALITY,
        "Terugkoppeling geven over de renovatiecoach voor huurders",
        150,
        14,
        CommitmentStatus.OPEN,
    ),
    (
        "Natuurpunt Brugge",
        Direction.BY_STAKEHOLDER,
        "Vrijwilligers leveren voor de plantdag in november",
        60,
        40,
        CommitmentStatus.IN_PROGRESS,
    ),
    (
        "Voka West-Vlaanderen",
        Direction.BY_MUNICIPALITY,
        "Standpunt over het lerend netwerk circulair ondernemen",
        90,
        -5,
        CommitmentStatus.OPEN,
    ),
]


def _actual(intended: int, index: int) -> int | None:
    """Most organisations are engaged as intended, some one level short, a few not yet."""
    if index % 5 == 3:
        return None
    if index % 3 == 1:
        return max(Level.INFORM, intended - 1)
    return intended


def build_engagement(municipality: Municipality) -> int:
    """Engagement, contacts and commitments of Bruges' network; run as the platform."""
    today = timezone.localdate()
    organisations = {
        o.name: o
        for o in Organisation.objects.filter(municipality=municipality).prefetch_related("themes")
    }
    coordinator = User.objects.get(email="coordinator@brugge.demo")
    gap = Theme.objects.filter(municipality=municipality, code=GAP_THEME).first()
    engagements = []
    index = 0
    for organisation in organisations.values():
        influence, interest = WEIGHTS.get(organisation.kind, (Weight.LOW, Weight.LOW))
        intended = suggested_level(interest=interest, influence=influence)
        for theme in organisation.themes.all():
            if gap is not None and theme.pk == gap.pk:
                continue
            engagements.append(
                Engagement(
                    municipality=municipality,
                    organisation=organisation,
                    theme=theme,
                    influence=influence,
                    interest=interest,
                    intended=intended,
                    actual=_actual(intended, index),
                )
            )
            index += 1
    partners = (
        ActionPartner.objects.filter(municipality=municipality)
        .select_related("organisation")
        .order_by("action__identifier")
    )
    seen: set[tuple[int, int]] = set()
    for link in partners:
        key = (link.organisation_id, link.action_id)
        if key in seen:
            continue
        seen.add(key)
        engagements.append(
            Engagement(
                municipality=municipality,
                organisation=link.organisation,
                action_id=link.action_id,
                influence=Weight.HIGH,
                interest=Weight.HIGH,
                intended=Level.COLLABORATE,
                actual=Level.COLLABORATE if len(seen) % 4 else Level.INVOLVE,
            )
        )
    Engagement.objects.bulk_create(engagements)

    contacts = {
        c.organisation_id: c
        for c in Contact.objects.filter(municipality=municipality, organisation__isnull=False)
    }
    Interaction.objects.bulk_create(
        Interaction(
            municipality=municipality,
            organisation=organisations[name],
            contact=contacts.get(organisations[name].pk),
            kind=kind,
            happened_on=today - timedelta(days=ago),
            by=coordinator,
            theme=next(iter(organisations[name].themes.all()), None),
            summary=summary,
            follow_up=follow_up,
            follow_up_owner=coordinator if follow_up else None,
            follow_up_due=today + timedelta(days=due) if follow_up and due is not None else None,
            follow_up_done_at=(
                timezone.now() - timedelta(days=ago - 10) if follow_up and due is None else None
            ),
        )
        for name, kind, ago, summary, follow_up, due in INTERACTIONS
        if name in organisations
    )
    Commitment.objects.bulk_create(
        Commitment(
            municipality=municipality,
            organisation=organisations[name],
            direction=direction,
            description=description,
            made_on=today - timedelta(days=made),
            due_on=today + timedelta(days=due),
            owner=coordinator if direction == Direction.BY_MUNICIPALITY else None,
            status=status,
            closed_on=today + timedelta(days=due) if status == CommitmentStatus.CLOSED else None,
        )
        for name, direction, description, made, due, status in COMMITMENTS
        if name in organisations
    )
    return len(engagements)
