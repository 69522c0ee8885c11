"""The demo's messages to the network: an invitation the coordinator sent to a governance body
of Bruges three weeks ago, with its log of who received it and who was left out."""

from datetime import timedelta

from django.utils import timezone

from daadkracht.bodies.models import GovernanceBody
from daadkracht.messaging.models import (
    AudienceKind,
    DeliveryStatus,
    Message,
    MessageDelivery,
    MessageState,
)
from daadkracht.messaging.selectors import AudienceChoice, audience_of
from daadkracht.tenancy.models import Municipality

SUBJECT = "Uitnodiging: volgende samenkomst"
TEXT = (
    "Beste leden,\n\n"
    "Graag nodigen we u uit voor onze volgende samenkomst. We bespreken de voortgang van het "
    "klimaatplan en de acties waar uw organisatie bij betrokken is.\n\n"
    "Met vriendelijke groeten,\nDe klimaatcoördinator"
)
SUBJECT_FR = "Invitation : prochaine réunion"
TEXT_FR = (
    "Chers membres,\n\n"
    "Nous vous invitons à notre prochaine réunion, consacrée à l'avancement du plan climat.\n\n"
    "Cordialement,\nLe coordinateur climat"
)


def build_messages(municipality: Municipality, sender: object) -> int:
    """One message sent to the first governance body; the number of people it reached."""
    body = GovernanceBody.objects.filter(municipality=municipality).order_by("pk").first()
    if body is None:
        return 0
    choice = AudienceChoice(kind=AudienceKind.BODY, body=body)
    audience = audience_of(choice)
    sent_at = timezone.now() - timedelta(days=21)
    message = Message.objects.create(
        municipality=municipality,
        audience=AudienceKind.BODY,
        body=body,
        audience_label=choice.label(),
        subject=SUBJECT,
        text=TEXT,
        subject_fr=SUBJECT_FR,
        text_fr=TEXT_FR,
        sent_by=sender,
        state=MessageState.DONE,
        finished_at=sent_at,
    )
    Message.objects.filter(pk=message.pk).update(created_at=sent_at, updated_at=sent_at)
    MessageDelivery.objects.bulk_create(
        [
            MessageDelivery(
                municipality=municipality,
                message=message,
                kind=AudienceKind.BODY,
                contact_id=row.contact_id,
                email=row.email,
                language=message.version_for(row.language)[2],
                basis=row.basis,
                status=DeliveryStatus.SENT,
                sent_at=sent_at,
            )
            for row in audience.recipients
        ]
        + [
            MessageDelivery(
                municipality=municipality,
                message=message,
                kind=AudienceKind.BODY,
                contact_id=row.contact_id,
                email=row.email,
                status=DeliveryStatus.SKIPPED,
                reason=row.reason,
            )
            for row in audience.left_out
        ]
    )
    return len(audience.recipients)
