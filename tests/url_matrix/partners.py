"""URL matrix rows: external partners on an action (the sample action is led by the editor's
department)."""

from daadkracht.access.context import tenant_scope
from daadkracht.partners.models import ActionPartner, PartnerRole
from daadkracht.stakeholders.models import Organisation, OrganisationKind
from tests.url_matrix.rows import FORBIDDEN, OK, tenant

EDIT_OWN_ACTION = tenant(OK, OK, FORBIDDEN, FORBIDDEN)


def _action(world) -> dict:
    return {"pk": world.action_a.pk}


def _partner(world) -> dict:
    """Fluvius as executor of municipality A's sample action (made once per world)."""
    link = ActionPartner.unscoped.filter(action=world.action_a).first()
    if link is None:
        with tenant_scope(world.a):
            organisation = Organisation.objects.create(
                municipality=world.a, name="Fluvius", kind=OrganisationKind.GRID_OPERATOR
            )
            link = ActionPartner.objects.create(
                municipality=world.a,
                action=world.action_a,
                organisation=organisation,
                role=PartnerRole.EXECUTOR,
            )
    return {"pk": world.action_a.pk, "link": link.pk}


EXPECTED: dict[str, dict[str, int]] = {
    "partners:add": EDIT_OWN_ACTION,
    "partners:remove": EDIT_OWN_ACTION,
}

SAMPLE_KWARGS: dict = {
    "partners:add": _action,
    "partners:remove": _partner,
}
