"""Writing and sending messages, and unsubscribing from them.

`message_send` checks what the coordinator wrote, fixes the recipients as they are now (a
delivery per person, those left out with their reason) and, once stored, enqueues the task that
sends. `message_deliver` (the task's work) sends the waiting deliveries in batches, each in the
recipient's language, with the unsubscribe link in the text and in the `List-Unsubscribe`
header. `delivery_unsubscribe` is what that link does.
"""

import re
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from daadkracht.access.context import Audience as Door
from daadkracht.access.context import active_municipality, require
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record
from daadkracht.messaging.models import (
    AudienceKind,
    DeliveryStatus,
    MailOptOut,
    Message,
    MessageDelivery,
    MessageState,
    SkipReason,
)
from daadkracht.messaging.selectors import AudienceChoice, audience_of
from daadkracht.messaging.tokens import unsubscribe_url
from daadkracht.stakeholders.models import Consent, Purpose, WithdrawalChannel
from daadkracht.stakeholders.policies import can_manage_stakeholders
from daadkracht.stakeholders.services.consents import consent_withdraw
from daadkracht.tenancy.policies import enforce

SUBJECT_MAX = 200
TEXT_MAX = 20_000
BATCH = 100
# Something that looks like an HTML tag: a message is plain text, and says so.
TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^<>]*>")


def _check_text(
    errors: dict[str, Any], *, name: str, value: str, limit: int, required: bool
) -> None:
    if "\x00" in value:
        errors[name] = _("This text holds a character that cannot be sent.")
    elif required and not value.strip():
        errors[name] = _("This field is required.")
    elif len(value) > limit:
        errors[name] = _("Write at most %(limit)s characters (now %(count)s).") % {
            "limit": limit,
            "count": len(value),
        }
    elif TAG.search(value):
        errors[name] = _(
            "Write plain text: HTML tags such as <script> or <b> are not allowed in a message."
        )


def message_check(
    *,
    choice: AudienceChoice,
    subject: str,
    text: str,
    subject_fr: str = "",
    text_fr: str = "",
    subject_en: str = "",
    text_en: str = "",
) -> None:
    """Raise ValidationError, per field, for what cannot be sent."""
    errors: dict[str, Any] = {}
    if choice.kind not in AudienceKind.values:
        errors["audience"] = _("Choose who receives the message.")
    elif choice.kind == AudienceKind.BODY and choice.body is None:
        errors["body"] = _("Choose a governance body.")
    elif choice.kind == AudienceKind.EVENT and choice.event is None:
        errors["event"] = _("Choose an event.")
    elif choice.kind == AudienceKind.THEME and choice.theme is None:
        errors["theme"] = _("Choose a theme.")
    _check_text(errors, name="subject", value=subject, limit=SUBJECT_MAX, required=True)
    _check_text(errors, name="text", value=text, limit=TEXT_MAX, required=True)
    for code, sub, body in (("fr", subject_fr, text_fr), ("en", subject_en, text_en)):
        _check_text(errors, name=f"subject_{code}", value=sub, limit=SUBJECT_MAX, required=False)
        _check_text(errors, name=f"text_{code}", value=body, limit=TEXT_MAX, required=False)
        if bool(sub.strip()) != bool(body.strip()) and f"text_{code}" not in errors:
            errors[f"text_{code}"] = _(
                "Write both the subject and the message of a translation, or neither."
            )
    if errors:
        raise ValidationError(errors)


def message_send(
    *,
    actor: Any,
    choice: AudienceChoice,
    subject: str,
    text: str,
    subject_fr: str = "",
    text_fr: str = "",
    subject_en: str = "",
    text_en: str = "",
) -> Message:
    """Store the message with its recipients as they are now, and send it in the background."""
    enforce(can_manage_stakeholders)
    message_check(
        choice=choice,
        subject=subject,
        text=text,
        subject_fr=subject_fr,
        text_fr=text_fr,
        subject_en=subject_en,
        text_en=text_en,
    )
    audience = audience_of(choice)
    if not audience.recipients:
        raise ValidationError(_("Nobody would receive this message."))
    with transaction.atomic():
        message = Message(
            audience=choice.kind,
            body=choice.body,
            event=choice.event,
            theme=choice.theme,
            include_waiting=choice.include_waiting,
            min_level=choice.min_level,
            audience_label=choice.label()[:300],
            subject=subject.strip(),
            text=text.strip(),
            subject_fr=subject_fr.strip(),
            text_fr=text_fr.strip(),
            subject_en=subject_en.strip(),
            text_en=text_en.strip(),
            sent_by=actor,
        )
        message.save()
        rows = [
            MessageDelivery(
                message=message,
                kind=message.audience,
                contact_id=row.contact_id,
                email=row.email,
                language=message.version_for(row.language)[2],
                basis=row.basis,
            )
            for row in audience.recipients
        ] + [
            MessageDelivery(
                message=message,
                kind=message.audience,
                contact_id=row.contact_id,
                email=row.email,
                status=DeliveryStatus.SKIPPED,
                reason=row.reason,
            )
            for row in audience.left_out
        ]
        MessageDelivery.objects.bulk_create(rows, batch_size=500)
        audit_record(
            actor=actor, instance=message, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
        from daadkracht.messaging.tasks import send_message

        # The task carries the municipality and actor itself: the commit may come after the
        # request's context is gone.
        municipality_id, actor_id = message.municipality_id, getattr(actor, "pk", None)
        transaction.on_commit(
            lambda: send_message.enqueue(
                municipality_id=municipality_id, actor_id=actor_id, message_id=message.pk
            )
        )
    return message


def _mail(message: Message, delivery: MessageDelivery, sender: str) -> EmailMultiAlternatives:
    subject, text, language = message.version_for(delivery.language)
    url = unsubscribe_url(delivery)
    context = {
        "text": text,
        "unsubscribe_url": url,
        "municipality": sender,
        "kind": message.audience,
    }
    with translation.override(language):
        body = render_to_string("messaging/email/message.txt", context)
        html = render_to_string("messaging/email/message.html", context)
    mail = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[delivery.email],
        headers={
            "List-Unsubscribe": f"<{url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    mail.attach_alternative(html, "text/html")
    return mail


def message_deliver(*, message_id: int) -> int:
    """Send the message's waiting deliveries in batches; the number sent. For the worker."""
    message = Message.objects.filter(pk=message_id).first()
    if message is None:
        return 0
    municipality = active_municipality()
    sender = municipality.name if municipality is not None else ""
    Message.objects.filter(pk=message.pk).update(state=MessageState.SENDING)
    sent = 0
    while True:
        batch = list(
            MessageDelivery.objects.filter(message=message, status=DeliveryStatus.PENDING).order_by(
                "id"
            )[:BATCH]
        )
        if not batch:
            break
        opted_out = set(
            MailOptOut.objects.filter(
                kind=message.audience, contact_id__in=[row.contact_id for row in batch]
            ).values_list("contact_id", flat=True)
        )
        with mailers.default as connection:
            for delivery in batch:
                if delivery.contact_id in opted_out:
                    delivery.status, delivery.reason = (
                        DeliveryStatus.SKIPPED,
                        SkipReason.UNSUBSCRIBED,
                    )
                    continue
                try:
                    connection.send_messages([_mail(message, delivery, sender)])
                except Exception as error:
                    delivery.status = DeliveryStatus.FAILED
                    delivery.error = str(error)[:300]
                    continue
                delivery.status = DeliveryStatus.SENT
                delivery.sent_at = timezone.now()
                sent += 1
        MessageDelivery.objects.bulk_update(batch, ["status", "reason", "error", "sent_at"])
    Message.objects.filter(pk=message.pk).update(
        state=MessageState.DONE, finished_at=timezone.now()
    )
    return sent


def delivery_unsubscribe(*, delivery: MessageDelivery) -> bool:
    """The person of `delivery` gets no more messages of its kind; True if newly recorded.

    Only through the delivery's own signed link. A person reached on their consent (an Open
    Network member) has that consent withdrawn as well, in the background.
    """
    context = require()
    grant = context.grant
    if (
        context.audience != Door.SIGNED_LINK
        or grant is None
        or grant.model_label != MessageDelivery._meta.label
        or grant.object_id != delivery.pk
    ):
        raise PermissionDenied
    if delivery.contact_id is None or delivery.unsubscribed_at is not None:
        return False
    kind = delivery.kind
    with transaction.atomic():
        delivery.unsubscribed_at = timezone.now()
        delivery.save(update_fields=["unsubscribed_at"])
        try:
            with transaction.atomic():
                opt_out = MailOptOut(contact_id=delivery.contact_id, kind=kind, delivery=delivery)
                opt_out.save()
        except IntegrityError:
            # Unsubscribed before, through another mail.
            return True
        audit_record(
            actor=None, instance=opt_out, action=AuditAction.CREATED, source=ChangeSource.FORM
        )
    if kind == AudienceKind.THEME:
        from daadkracht.messaging.tasks import withdraw_consents

        municipality_id, contact_id = delivery.municipality_id, delivery.contact_id
        transaction.on_commit(
            lambda: withdraw_consents.enqueue(
                municipality_id=municipality_id, actor_id=None, contact_id=contact_id
            )
        )
    return True


def consents_withdraw_for_unsubscribe(*, contact_id: int) -> int:
    """Withdraw the Open Network consent of a person who unsubscribed through a mail's link.
    For the worker; the number withdrawn."""
    consents = Consent.objects.filter(
        contact_id=contact_id, purpose=Purpose.OPEN_NETWORK, withdrawn_at__isnull=True
    )
    count = 0
    for consent in consents:
        consent_withdraw(actor=None, consent=consent, how=WithdrawalChannel.SIGNED_LINK)
        count += 1
    return count
