"""When a person is erased (`stakeholders.services.privacy.contact_erase`), the addresses their
messages went to go too: the log keeps that a message was sent, no longer to which address."""

from typing import Any

from daadkracht.messaging.models import MessageDelivery
from daadkracht.stakeholders.models import Contact


def forget_erased_recipient(sender: Any, instance: Contact, **kwargs: Any) -> None:
    if instance.erased_at is None:
        return
    MessageDelivery.objects.filter(contact_id=instance.pk).exclude(email="").update(email="")
