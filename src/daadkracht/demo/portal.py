"""The demo's portal visitor: Fluvius' regional manager in Bruges' policy group, with a portal
account, her organisation partnering in an action of the energy Bridge, and one update she
proposed that waits for the lead department."""

from datetime import timedelta

from django.utils import timezone

from daadkracht.accounts.models import User
from daadkracht.partners.models import ActionPartner, PartnerRole
from daadkracht.plans.models import Action
from daadkracht.portal.models import PortalAccess, UpdateProposal
from daadkracht.stakeholders.models import Contact
from daadkracht.tenancy.models import Municipality

PORTAL_PERSON = "Els Vandamme"
PROPOSAL = (
    "De netversterking in Sint-Pieters is klaar: de nieuwe cabine aan de Blankenbergse "
    "Steenweg is sinds vorige week in dienst. De wijk kan nu extra warmtepompen en laadpalen "
    "aan."
)


def build_portal(municipality: Municipality, user: User) -> PortalAccess | None:
    """Give the Fluvius delegate a portal account (as the platform, in the demo's build)."""
    contact = (
        Contact.objects.filter(municipality=municipality, full_name=PORTAL_PERSON)
        .select_related("organisation")
        .first()
    )
    if contact is None or contact.organisation is None:
        return None
    organisation = contact.organisation
    partnership = ActionPartner.objects.filter(
        municipality=municipality, organisation=organisation
    ).first()
    if partnership is None:
        action = (
            Action.objects.filter(municipality=municipality, themes__code="B1")
            .order_by("identifier")
            .first()
            or Action.objects.filter(municipality=municipality).order_by("identifier").first()
        )
        if action is None:
            return None
        partnership = ActionPartner.objects.create(
            municipality=municipality,
            action=action,
            organisation=organisation,
            role=PartnerRole.EXECUTOR,
        )
    now = timezone.now()
    access = PortalAccess.objects.create(
        municipality=municipality,
        contact=contact,
        user=user,
        email=user.email,
        invited_at=now - timedelta(days=20),
        accepted_at=now - timedelta(days=19),
    )
    UpdateProposal.objects.create(
        municipality=municipality,
        action=partnership.action,
        contact=contact,
        proposer_name=contact.full_name,
        organisation=organisation,
        text=PROPOSAL,
        suggested_progress=min(100, partnership.action.progress + 20),
    )
    return access
