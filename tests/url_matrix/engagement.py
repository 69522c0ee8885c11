"""URL matrix rows: engagement levels, coverage, the contacts log and the commitments."""

from datetime import date

from daadkracht.access.context import tenant_scope
from daadkracht.engagement.models import (
    Commitment,
    Direction,
    Engagement,
    Interaction,
    InteractionKind,
    Level,
    Weight,
)
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import Organisation, OrganisationKind
from tests.url_matrix.rows import ALL_MEMBERS, COORDINATOR_ONLY, NOT_ALLOWED, tenant


def _organisation(world) -> Organisation:
    found = Organisation.unscoped.filter(municipality=world.a, name="Natuurpunt").first()
    if found is None:
        with tenant_scope(world.a):
            found = Organisation.objects.create(
                name="Natuurpunt", kind=OrganisationKind.CIVIL_SOCIETY
            )
    return found


def _engagement(world) -> dict:
    organisation = _organisation(world)
    found = Engagement.unscoped.filter(organisation=organisation).first()
    if found is None:
        with tenant_scope(world.a):
            theme = Theme.objects.create(plan=world.plan_a, code="B6", name="Klimaatrobuust")
            found = Engagement.objects.create(
                organisation=organisation,
                theme=theme,
                influence=Weight.MEDIUM,
                interest=Weight.HIGH,
                intended=Level.COLLABORATE,
            )
    return {"pk": found.pk}


def _interaction(world) -> dict:
    organisation = _organisation(world)
    found = Interaction.unscoped.filter(organisation=organisation).first()
    if found is None:
        with tenant_scope(world.a):
            found = Interaction.objects.create(
                organisation=organisation,
                kind=InteractionKind.CALL,
                happened_on=date(2026, 3, 2),
                summary="Plantdag besproken.",
                follow_up="Locaties doorsturen",
            )
    return {"pk": found.pk}


def _commitment(world) -> dict:
    organisation = _organisation(world)
    found = Commitment.unscoped.filter(organisation=organisation).first()
    if found is None:
        with tenant_scope(world.a):
            found = Commitment.objects.create(
                organisation=organisation,
                direction=Direction.BY_STAKEHOLDER,
                description="Vrijwilligers voor de plantdag",
                made_on=date(2026, 3, 2),
            )
    return {"pk": found.pk}


POST_ONLY = tenant(NOT_ALLOWED, 403, 403, 403)

EXPECTED = {
    "engagement:list": ALL_MEMBERS,
    "engagement:coverage": ALL_MEMBERS,
    "engagement:interactions": ALL_MEMBERS,
    "engagement:commitments": ALL_MEMBERS,
    "engagement:create": COORDINATOR_ONLY,
    "engagement:edit": COORDINATOR_ONLY,
    "engagement:delete": COORDINATOR_ONLY,
    "engagement:interaction_create": COORDINATOR_ONLY,
    "engagement:interaction_edit": COORDINATOR_ONLY,
    "engagement:interaction_delete": COORDINATOR_ONLY,
    "engagement:follow_up": POST_ONLY,
    "engagement:commitment_create": COORDINATOR_ONLY,
    "engagement:commitment_edit": COORDINATOR_ONLY,
    "engagement:commitment_delete": COORDINATOR_ONLY,
}

SAMPLE_KWARGS: dict = {
    "engagement:edit": _engagement,
    "engagement:delete": _engagement,
    "engagement:interaction_edit": _interaction,
    "engagement:interaction_delete": _interaction,
    "engagement:follow_up": _interaction,
    "engagement:commitment_edit": _commitment,
    "engagement:commitment_delete": _commitment,
}
