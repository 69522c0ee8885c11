"""URL matrix rows: messages to the network, the mailing list and the unsubscribe link."""

from daadkracht.access.context import tenant_scope
from daadkracht.bodies.models import BodyKind, GovernanceBody
from daadkracht.messaging.models import AudienceKind, Message
from tests.url_matrix.rows import COORDINATOR_ONLY, GONE, everyone


def _message(world) -> dict:
    """A message of municipality A to its climate workbench (made once per world)."""
    message = Message.unscoped.filter(municipality=world.a).first()
    if message is None:
        with tenant_scope(world.a):
            body = GovernanceBody.objects.create(name="Klimaatwerkbank", kind=BodyKind.WORKBENCH)
            message = Message.objects.create(
                audience=AudienceKind.BODY,
                body=body,
                audience_label="Leden van Klimaatwerkbank",
                subject="Uitnodiging",
                text="Beste leden, tot dan.",
            )
    return {"pk": message.pk}


EXPECTED = {
    "messaging:list": COORDINATOR_ONLY,
    "messaging:compose": COORDINATOR_ONLY,
    "messaging:mailing_list": COORDINATOR_ONLY,
    "messaging:detail": COORDINATOR_ONLY,
    # Public: a recipient's unsubscribe link; one that is not genuine is gone for everyone.
    "message_link:unsubscribe": everyone(GONE),
}
SAMPLE_KWARGS = {
    "messaging:detail": _message,
    "message_link:unsubscribe": lambda w: {"token": "not-a-valid-token"},
}
