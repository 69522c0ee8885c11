"""A message to two thousand people: the preview, the sending and the log take a number of
queries that does not grow with the number of people."""

from datetime import date

from django.core import mail

from daadkracht.access.context import tenant_scope
from daadkracht.bodies.models import BodyKind, BodyMembership, GovernanceBody
from daadkracht.messaging.models import DeliveryStatus, Message, MessageDelivery
from daadkracht.stakeholders.models import Contact, Organisation, OrganisationKind
from tests.messaging.conftest import url

PEOPLE = 2000


def _big_body(world) -> GovernanceBody:
    with tenant_scope(world.a):
        body = GovernanceBody.objects.create(name="Klimaatforum", kind=BodyKind.OTHER)
        organisation = Organisation.objects.create(
            name="Buurtwerking", kind=OrganisationKind.CITIZEN_GROUP
        )
        contacts = Contact.objects.bulk_create(
            Contact(
                municipality=world.a,
                full_name=f"Deelnemer {number:04d}",
                # Every hundredth address twice, in capitals.
                email=(
                    f"DEELNEMER{number - 1:04d}@EXAMPLE.BE"
                    if number % 100 == 0
                    else f"deelnemer{number:04d}@example.be"
                ),
                language=("fr", "nl", "en", "de")[number % 4],
                organisation=organisation if number % 2 else None,
            )
            for number in range(1, PEOPLE + 1)
        )
        BodyMembership.objects.bulk_create(
            BodyMembership(
                municipality=world.a, body=body, contact=contact, starts_on=date(2025, 1, 1)
            )
            for contact in contacts
            if contact.organisation_id is None
        )
        # The odd ones sit in it through their organisation.
        BodyMembership.objects.create(
            body=body, organisation=organisation, starts_on=date(2025, 1, 1)
        )
    return body


def test_two_thousand_recipients_in_a_bounded_number_of_queries(
    world, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    body = _big_body(world)
    client = world.client_for("coordinator")
    form = {
        "audience": "body",
        "body": body.pk,
        "subject": "Klimaatforum: verslag",
        "text": "Beste deelnemer,\n\nHet verslag staat online.",
        "subject_fr": "Forum climat : compte rendu",
        "text_fr": "Cher participant,\n\nLe compte rendu est en ligne.",
    }
    with django_assert_max_num_queries(25):
        preview = client.post(url("compose", world), {**form, "preview": "1"})
    assert "1980 personen ontvangen dit bericht." in preview.content.decode()
    with django_assert_max_num_queries(25):
        response = client.get(url("mailing_list", world), {"audience": "body", "body": body.pk})
        rows = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert len(rows) == 1 + 1980
    # Sending: a few queries per batch of a hundred, none per person.
    with django_assert_max_num_queries(120), django_capture_on_commit_callbacks(execute=True):
        client.post(url("compose", world), {**form, "send": "1"})
    assert len(mail.outbox) == 1980
    french = [m for m in mail.outbox if m.subject == "Forum climat : compte rendu"]
    # The French speakers less the twenty duplicates, who all happen to read French.
    assert len(french) == 480
    with tenant_scope(world.a):
        message = Message.objects.get()
        assert (
            MessageDelivery.objects.filter(message=message, status=DeliveryStatus.SENT).count()
            == 1980
        )
        assert MessageDelivery.objects.filter(message=message, reason="duplicate").count() == 20
    with django_assert_max_num_queries(20):
        page = client.get(url("detail", world, pk=message.pk))
    assert "1980 van 1980 verzonden." in page.content.decode()
    with django_assert_max_num_queries(20):
        client.get(url("list", world))
