"""Sending a message in the background, in batches, and withdrawing the consent of a person
who unsubscribed from a mail sent on it."""

from daadkracht.access.tasks import tenant_task
from daadkracht.messaging.services import consents_withdraw_for_unsubscribe, message_deliver


@tenant_task()
def send_message(*, message_id: int) -> int:
    return message_deliver(message_id=message_id)


@tenant_task()
def withdraw_consents(*, contact_id: int) -> int:
    return consents_withdraw_for_unsubscribe(contact_id=contact_id)
