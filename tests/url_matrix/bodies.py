"""URL matrix rows: the governance bodies of the network and their members and meetings."""

from datetime import date

from daadkracht.access.context import tenant_scope
from daadkracht.bodies.models import BodyKind, BodyMembership, GovernanceBody, MemberRole
from daadkracht.stakeholders.models import Organisation, OrganisationKind
from tests.url_matrix.rows import ALL_MEMBERS, COORDINATOR_ONLY, NOT_ALLOWED, tenant


def _body(world) -> dict:
    """The policy group of municipality A (made once per world)."""
    body = GovernanceBody.unscoped.filter(municipality=world.a).first()
    if body is None:
        with tenant_scope(world.a):
            body = GovernanceBody.objects.create(
                name="Beleidsgroep klimaat", kind=BodyKind.POLICY_GROUP
            )
    return {"pk": body.pk}


def _membership(world) -> dict:
    """An organisation of the network sitting in that body (an organisation, not a person: the
    network's own rows make their contact person with a consent)."""
    pk = _body(world)["pk"]
    membership = BodyMembership.unscoped.filter(body_id=pk).first()
    if membership is None:
        with tenant_scope(world.a):
            organisation = Organisation.objects.create(
                name="IVBO", kind=OrganisationKind.INTERMUNICIPAL
            )
            membership = BodyMembership.objects.create(
                body_id=pk,
                organisation=organisation,
                role=MemberRole.MEMBER,
                starts_on=date(2025, 1, 1),
            )
    return {"pk": pk, "membership": membership.pk}


POST_ONLY = tenant(NOT_ALLOWED, 403, 403, 403)

EXPECTED = {
    "bodies:list": ALL_MEMBERS,
    "bodies:detail": ALL_MEMBERS,
    "bodies:create": COORDINATOR_ONLY,
    "bodies:propose": POST_ONLY,
    "bodies:edit": COORDINATOR_ONLY,
    "bodies:member_add": COORDINATOR_ONLY,
    "bodies:member_end": COORDINATOR_ONLY,
    "bodies:meeting_create": COORDINATOR_ONLY,
}

SAMPLE_KWARGS = {
    "bodies:detail": _body,
    "bodies:edit": _body,
    "bodies:member_add": _body,
    "bodies:member_end": _membership,
    "bodies:meeting_create": _body,
}
