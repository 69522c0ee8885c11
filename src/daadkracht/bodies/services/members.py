"""Members of a body: adding a person or an organisation in a role, and ending a membership.

A person who sits in a governance body is processed on the lawful basis of public task for the
purpose `governance` (the Open Network excepted: its people take part on their consent):
adding them records that basis (through the network's `basis_set`), and
when their last running membership ends, the basis ends that day, from which the retention
period runs.
"""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.bodies.models import BodyKind, BodyMembership, GovernanceBody, MemberRole
from daadkracht.bodies.policies import can_manage_bodies
from daadkracht.common.dates import OUT_OF_RANGE, is_plausible
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.stakeholders.models import Contact, LawfulBasis, Organisation, Purpose
from daadkracht.stakeholders.services.contacts import basis_set
from daadkracht.tenancy.policies import enforce


def governance_basis_sync(*, actor: Any, contact: Contact) -> None:
    """Record the person's lawful basis for governance from their memberships: public task
    since the start of the memberships that run and open, or, when none runs, from the first
    until the last one ended."""
    if contact.is_erased:
        return
    today = timezone.localdate()
    # The open network's people take part on their consent, not as a public task.
    memberships = BodyMembership.objects.filter(contact=contact).exclude(
        body__kind=BodyKind.OPEN_NETWORK
    )
    span = memberships.aggregate(first=Min("starts_on"), last=Max("ends_on"))
    if span["first"] is None:
        return
    running = memberships.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
    # While a membership runs, the basis runs since the first of those that run.
    running_since = running.aggregate(first=Min("starts_on"))["first"]
    if running_since is not None:
        since, until = running_since, None
    else:
        since, until = span["first"], span["last"]
    bodies = ", ".join(sorted(set(memberships.values_list("body__name", flat=True))))
    basis_set(
        actor=actor,
        contact=contact,
        purpose=Purpose.GOVERNANCE,
        basis=LawfulBasis.PUBLIC_TASK,
        since=since,
        until=until,
        note=(_("Member of %(bodies)s") % {"bodies": bodies})[:300],
    )


def membership_add(
    *,
    actor: Any,
    body: GovernanceBody,
    contact: Contact | None = None,
    organisation: Organisation | None = None,
    role: str = MemberRole.MEMBER,
    starts_on: date,
    ends_on: date | None = None,
    delegated_to: GovernanceBody | None = None,
) -> BodyMembership:
    enforce(can_manage_bodies)
    errors: dict[str, Any] = {}
    if (contact is None) == (organisation is None):
        errors["contact"] = _("Choose either a person or an organisation.")
    elif contact is not None and (
        contact.is_erased or not Contact.objects.filter(pk=contact.pk).exists()
    ):
        errors["contact"] = _("Choose a person of this municipality's network.")
    elif organisation is not None and not Organisation.objects.filter(pk=organisation.pk).exists():
        errors["organisation"] = _("Choose an organisation of this municipality's network.")
    if role not in MemberRole.values:
        errors["role"] = _("Choose a role.")
    for field, day in (("starts_on", starts_on), ("ends_on", ends_on)):
        if day is not None and not is_plausible(day):
            errors[field] = OUT_OF_RANGE
    if "starts_on" not in errors and ends_on is not None and ends_on < starts_on:
        errors["ends_on"] = _("The end comes after the start.")
    if delegated_to is not None and (
        delegated_to.pk == body.pk or not GovernanceBody.objects.filter(pk=delegated_to.pk).exists()
    ):
        errors["delegated_to"] = _("Choose another body of this municipality.")
    if errors:
        raise ValidationError(errors)
    membership = BodyMembership(
        body=body,
        contact=contact,
        organisation=organisation,
        role=role,
        starts_on=starts_on,
        ends_on=ends_on,
        delegated_to=delegated_to,
    )
    with transaction.atomic():
        membership.save()
        audit_record(
            actor=actor, instance=membership, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
        if contact is not None:
            governance_basis_sync(actor=actor, contact=contact)
    return membership


def membership_end(*, actor: Any, membership: BodyMembership, ends_on: date) -> BodyMembership:
    """End the membership on `ends_on`; it stays visible as past composition."""
    enforce(can_manage_bodies)
    if not is_plausible(ends_on):
        raise ValidationError({"ends_on": OUT_OF_RANGE})
    if ends_on < membership.starts_on:
        raise ValidationError({"ends_on": _("The end comes after the start.")})
    with transaction.atomic():
        before = snapshot(BodyMembership.objects.get(pk=membership.pk))
        membership.ends_on = ends_on
        membership.save(update_fields=["ends_on", "updated_at"])
        audit_record(
            actor=actor,
            instance=membership,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
        if membership.contact is not None:
            governance_basis_sync(actor=actor, contact=membership.contact)
    return membership
