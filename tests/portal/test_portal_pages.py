"""The portal's pages: what a policy group member sees, and that they see nothing else."""

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import StatusUpdate
from daadkracht.portal.models import UpdateProposal


def portal_url(world, name="portal:home", **kwargs):
    return reverse(name, kwargs={"municipality": world.a.slug, **kwargs})


def test_home_shows_their_body_meeting_and_partner_action(world):
    jan = world.stakeholder()
    page = world.client_for("stakeholder").get(portal_url(world))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Beleidsgroep klimaat" in html
    assert jan.meeting.title in html
    assert "Fietsstraten in het centrum" in html
    assert "Ontharding van schoolpleinen" not in html
    assert "Geheime actie van Beta" not in html


def test_home_query_count_is_fixed(world, django_assert_max_num_queries):
    client = world.client_for("stakeholder")
    with django_assert_max_num_queries(20):
        client.get(portal_url(world))


def test_log_in_lands_on_the_portal(world, password):
    world.stakeholder()
    client = world.client_for("anonymous")
    response = client.post(
        reverse("accounts:login"),
        {"username": "jan.peeters@fluvius.test", "password": password},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == portal_url(world)


def test_meeting_page_and_agenda_download(world):
    jan = world.stakeholder()
    client = world.client_for("stakeholder")
    page = client.get(portal_url(world, "portal:meeting", pk=jan.meeting.pk))
    assert "Stand van de warmtenetten" in page.content.decode()
    download = client.get(portal_url(world, "portal:meeting_agenda", pk=jan.meeting.pk))
    assert download["Content-Disposition"].startswith("attachment")
    assert "Laadpalen in de wijken" in download.content.decode()


def test_a_meeting_of_another_body_is_not_found(world):
    from daadkracht.meetings.models import Meeting

    world.stakeholder()
    with tenant_scope(world.a):
        internal = Meeting.objects.create(
            title="Intern", kind="other", starts_at=timezone.now(), ends_at=timezone.now()
        )
    client = world.client_for("stakeholder")
    for name in ("portal:meeting", "portal:meeting_agenda"):
        assert client.get(portal_url(world, name, pk=internal.pk)).status_code == 404


def test_action_page_shows_course_but_keeps_internal_text_internal(world):
    with tenant_scope(world.a):
        StatusUpdate.objects.create(
            action=world.action_a, date=timezone.localdate(), text="Interne nota: budget krap"
        )
    page = world.client_for("stakeholder").get(
        portal_url(world, "portal:action", pk=world.action_a.pk)
    )
    assert page.status_code == 200
    assert "Interne nota" not in page.content.decode()


def test_proposing_an_update(world, django_capture_on_commit_callbacks):
    client = world.client_for("stakeholder")
    url = portal_url(world, "portal:action", pk=world.action_a.pk)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"text": "De fietsstraat in de Langestraat is aangelegd.\r\n"})
    assert response.status_code == 302
    proposal = UpdateProposal.unscoped.get()
    assert proposal.text == "De fietsstraat in de Langestraat is aangelegd."
    assert proposal.organisation.name == "Fluvius"
    assert proposal.proposer_name == "Jan Peeters"
    # The lead department's editor and the coordinator hear of it.
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["coordinator@alfa.test", "editor@alfa.test"]
    assert "Fluvius" in mail.outbox[0].body
    assert "Jan Peeters (Fluvius)" in mail.outbox[0].body
    assert "Langestraat is aangelegd" in client.get(url).content.decode()


def test_bad_proposals_are_refused_and_nothing_is_stored(world):
    client = world.client_for("stakeholder")
    url = portal_url(world, "portal:action", pk=world.action_a.pk)
    for data in (
        {"text": "   "},
        {"text": "x" * 2001},
        {"text": "<script>alert(1)</script>"},
        {"text": "Klaar", "suggested_progress": "140"},
        {"text": "Klaar", "suggested_status": "999999"},
    ):
        response = client.post(url, data)
        assert response.status_code == 200, data
        assert 'class="errors"' in response.content.decode() or "form-errors" in (
            response.content.decode()
        )
    assert UpdateProposal.unscoped.count() == 0
    assert mail.outbox == []


def test_a_proposal_for_an_action_outside_the_grant_is_not_found(world):
    client = world.client_for("stakeholder")
    for action in (world.other_action_a, world.action_b):
        url = portal_url(world, "portal:action", pk=action.pk)
        assert client.get(url).status_code == 404
        assert client.post(url, {"text": "Hallo"}).status_code == 404
    assert UpdateProposal.unscoped.count() == 0


def test_members_and_outsiders_do_not_enter_the_portal(world):
    world.stakeholder()
    assert world.client_for("editor").get(portal_url(world)).status_code == 403
    assert world.client_for("other_municipality").get(portal_url(world)).status_code == 404
    assert world.client_for("no_membership").get(portal_url(world)).status_code == 404
    assert world.client_for("anonymous").get(portal_url(world)).status_code == 302


def test_the_portal_of_another_municipality_stays_closed(world):
    client = world.client_for("stakeholder")
    url = reverse("portal:home", kwargs={"municipality": world.b.slug})
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("tenancy:home", kwargs={"municipality": world.a.slug})).status_code
        == 404
    )


def test_revoking_closes_the_portal_at_once(world):
    jan = world.stakeholder()
    client = world.client_for("stakeholder")
    assert client.get(portal_url(world)).status_code == 200
    coordinator = world.client_for("coordinator")
    response = coordinator.post(
        reverse("portal_access:revoke", kwargs={"municipality": world.a.slug, "pk": jan.access.pk})
    )
    assert response.status_code == 302
    assert client.get(portal_url(world)).status_code == 404
