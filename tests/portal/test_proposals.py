"""The lead department decides on a proposed update: accepted onto the timeline, attributed,
or declined with a reason the proposer receives; once only."""

import pytest
from django.core import mail
from django.urls import reverse

from daadkracht.access.context import stakeholder_scope
from daadkracht.plans.models import ActionStatus, StatusUpdate
from daadkracht.portal.access import portal_grant
from daadkracht.portal.models import UpdateProposal
from daadkracht.portal.services.proposals import (
    ProposalAlreadyDecided,
    proposal_accept,
    proposal_submit,
)


@pytest.fixture
def proposal(world):
    jan = world.stakeholder()
    status = (
        ActionStatus.unscoped.filter(plan=world.plan_a).exclude(pk=world.action_a.status_id).first()
    )
    with stakeholder_scope(world.a, portal_grant(jan.access), actor=jan.user):
        return proposal_submit(
            actor=jan.user,
            access=jan.access,
            action=world.action_a,
            text="De fietsstraat in de Langestraat is aangelegd.",
            suggested_status=status,
            suggested_progress=60,
        )


def decide_url(world, proposal):
    return reverse("proposals:decide", kwargs={"municipality": world.a.slug, "pk": proposal.pk})


def test_the_action_page_shows_the_pending_proposal_to_the_lead_department(world, proposal):
    url = reverse(
        "plans:action_detail", kwargs={"municipality": world.a.slug, "pk": proposal.action_id}
    )
    assert "Langestraat is aangelegd" in world.client_for("editor").get(url).content.decode()
    assert "Langestraat is aangelegd" not in world.client_for("viewer").get(url).content.decode()


def test_accepting_puts_it_on_the_timeline_attributed(
    world, proposal, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = world.client_for("editor").post(
            decide_url(world, proposal), {"decision": "accept"}
        )
    assert response.status_code == 302
    entry = StatusUpdate.unscoped.get(action=world.action_a)
    assert entry.text.startswith("De fietsstraat in de Langestraat is aangelegd.")
    assert "Voorgesteld door Jan Peeters (Fluvius), aanvaard door Editor Alfa" in entry.text
    assert entry.new_progress == 60
    assert entry.author == world.users["editor"]
    world.action_a.refresh_from_db()
    assert world.action_a.progress == 60
    stored = UpdateProposal.unscoped.get()
    assert stored.decision == "accepted"
    assert stored.update == entry
    # The proposer hears of it, in Dutch, addressed with "u".
    [message] = [m for m in mail.outbox if "jan.peeters@fluvius.test" in m.to]
    assert "aanvaard" in message.subject
    # The timeline on the action page shows it.
    page = world.client_for("viewer").get(
        reverse(
            "plans:action_detail", kwargs={"municipality": world.a.slug, "pk": world.action_a.pk}
        )
    )
    assert "Voorgesteld door Jan Peeters (Fluvius)" in page.content.decode()


def test_declining_needs_a_reason_which_the_proposer_receives(
    world, proposal, django_capture_on_commit_callbacks
):
    client = world.client_for("editor")
    response = client.post(decide_url(world, proposal), {"decision": "decline", "reason": "  "})
    assert response.status_code == 200
    assert UpdateProposal.unscoped.get().decided_at is None
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            decide_url(world, proposal),
            {"decision": "decline", "reason": "Dit gaat over een andere straat."},
        )
    assert response.status_code == 302
    assert UpdateProposal.unscoped.get().decision == "declined"
    assert not StatusUpdate.unscoped.filter(action=world.action_a).exists()
    [message] = [m for m in mail.outbox if "jan.peeters@fluvius.test" in m.to]
    assert "Dit gaat over een andere straat." in message.body


def test_a_proposal_is_decided_once(world, proposal):
    client = world.client_for("editor")
    client.post(decide_url(world, proposal), {"decision": "accept"})
    response = client.post(
        decide_url(world, proposal), {"decision": "decline", "reason": "Nee"}, follow=True
    )
    assert "in the meantime" in response.content.decode() or "intussen" in response.content.decode()
    assert UpdateProposal.unscoped.get().decision == "accepted"
    assert StatusUpdate.unscoped.filter(action=world.action_a).count() == 1


def test_a_concurrent_decision_is_detected(world, proposal):
    stale = UpdateProposal.unscoped.get(pk=proposal.pk)
    world.client_for("coordinator").post(decide_url(world, proposal), {"decision": "accept"})
    with world.as_member("editor"), pytest.raises(ProposalAlreadyDecided):
        proposal_accept(actor=world.users["editor"], proposal=stale)


def test_only_the_lead_department_and_the_coordinator_decide(world, proposal):
    # The viewer may not open the page; the editor of another department has no action to
    # decide on, and a direct post changes nothing.
    assert world.client_for("viewer").get(decide_url(world, proposal)).status_code == 403
    from daadkracht.access.context import tenant_scope
    from daadkracht.tenancy.models import Membership

    with tenant_scope(world.a):
        Membership.unscoped.filter(user=world.users["editor"]).update(
            department=world.other_department_a
        )
    response = world.client_for("editor").post(decide_url(world, proposal), {"decision": "accept"})
    assert response.status_code == 403
    assert UpdateProposal.unscoped.get().decided_at is None


def test_the_list_of_proposals(world, proposal):
    url = reverse("proposals:list", kwargs={"municipality": world.a.slug})
    page = world.client_for("editor").get(url)
    assert page.status_code == 200
    assert "Langestraat is aangelegd" in page.content.decode()
