"""The unsubscribe link in every message: signed per recipient, valid for years, reusable
(unsubscribing twice changes nothing)."""

from django.conf import settings
from django.urls import reverse

from daadkracht.access.links import LinkPurpose, link_token
from daadkracht.messaging.models import MessageDelivery

# People unsubscribe from old mails too.
UNSUBSCRIBE_LINK_MAX_AGE = 5 * 365 * 24 * 60 * 60

UNSUBSCRIBE_LINK = LinkPurpose(
    name="messaging_unsubscribe",
    model_label="messaging.MessageDelivery",
    max_age=lambda: UNSUBSCRIBE_LINK_MAX_AGE,
)


def unsubscribe_url(delivery: MessageDelivery) -> str:
    """The absolute address of the delivery's unsubscribe page (also the one-click address)."""
    token = link_token(
        UNSUBSCRIBE_LINK,
        municipality_id=delivery.municipality_id,
        object_id=delivery.pk,
        version="",
    )
    return settings.SITE_URL + reverse("message_link:unsubscribe", kwargs={"token": token})
