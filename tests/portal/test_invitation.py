"""Inviting a body's member to the portal: a signed, single-use link in their language; the
account it makes is no member of the municipality; erasing the person ends it all."""

import re

from django.core import mail
from django.urls import reverse

from daadkracht.access.context import tenant_scope
from daadkracht.accounts.models import User
from daadkracht.bodies.models import BodyMembership
from daadkracht.portal.models import PortalAccess
from daadkracht.stakeholders.models import Contact
from daadkracht.tenancy.models import Membership

NEW_PASSWORD = "Zeebrugge-haven-2030!"


def _invitee(world):
    """A second member of the policy group, without portal access yet."""
    jan = world.stakeholder()
    with tenant_scope(world.a):
        contact = Contact.objects.create(
            full_name="Els De Smet",
            organisation=jan.organisation,
            email="els.desmet@fluvius.test",
            language="fr",
        )
        BodyMembership.objects.create(body=jan.body, contact=contact, starts_on="2025-03-01")
    return contact


def invite(world, contact, who="coordinator"):
    url = reverse(
        "portal_access:invite", kwargs={"municipality": world.a.slug, "contact": contact.pk}
    )
    return world.client_for(who).post(url)


def link_from(message) -> str:
    return re.search(r"https?://[^/\s]+(/portaal-uitnodiging/\S+/)", message.body).group(1)


def test_invitation_mail_in_their_language_with_a_working_link(
    world, django_capture_on_commit_callbacks
):
    contact = _invitee(world)
    with django_capture_on_commit_callbacks(execute=True):
        assert invite(world, contact).status_code == 302
    [message] = mail.outbox
    assert message.to == ["els.desmet@fluvius.test"]
    assert "portail" in message.subject.lower()
    link = link_from(message)
    client = world.client_for("anonymous")
    assert client.get(link).status_code == 200
    response = client.post(
        link,
        {"full_name": "Els De Smet", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:home", kwargs={"municipality": world.a.slug})
    user = User.objects.get(email="els.desmet@fluvius.test")
    assert not Membership.unscoped.filter(user=user).exists()
    assert client.get(response["Location"]).status_code == 200
    # Single use: the same link no longer works.
    assert world.client_for("anonymous").get(link).status_code == 410


def test_a_resent_invitation_voids_the_earlier_link(world, django_capture_on_commit_callbacks):
    contact = _invitee(world)
    with django_capture_on_commit_callbacks(execute=True):
        invite(world, contact)
        invite(world, contact)
    first, second = (link_from(m) for m in mail.outbox)
    assert world.client_for("anonymous").get(first).status_code == 410
    assert world.client_for("anonymous").get(second).status_code == 200


def test_a_forged_link_is_refused(world):
    url = reverse("portal_invitation:accept", kwargs={"token": "not-a-token"})
    assert world.client_for("anonymous").get(url).status_code == 410


def test_only_a_current_body_member_can_be_invited(world):
    world.stakeholder()
    with tenant_scope(world.a):
        loose = Contact.objects.create(full_name="Piet Loos", email="piet@example.test")
    response = invite(world, loose)
    assert response.status_code == 302
    assert not PortalAccess.unscoped.filter(contact=loose).exists()
    assert mail.outbox == []


def test_only_the_coordinator_invites(world):
    contact = _invitee(world)
    assert invite(world, contact, who="editor").status_code == 403
    assert not PortalAccess.unscoped.filter(contact=contact).exists()


def test_erasing_the_person_revokes_and_scrubs_the_portal_access(world):
    jan = world.stakeholder()
    client = world.client_for("stakeholder")
    assert (
        client.get(reverse("portal:home", kwargs={"municipality": world.a.slug})).status_code == 200
    )
    url = reverse(
        "stakeholders:contact_erase", kwargs={"municipality": world.a.slug, "pk": jan.contact.pk}
    )
    world.client_for("coordinator").post(url, {"confirm": "on"})
    jan.contact.refresh_from_db()
    assert jan.contact.erased_at is not None
    access = PortalAccess.unscoped.get(pk=jan.access.pk)
    assert access.revoked_at is not None
    assert access.email == ""
    assert access.user is None
    user = User.objects.get(pk=jan.user.pk)
    assert not user.is_active
    assert "fluvius" not in user.email
    assert user.full_name == ""
    assert client.get(
        reverse("portal:home", kwargs={"municipality": world.a.slug})
    ).status_code in (302, 404)
