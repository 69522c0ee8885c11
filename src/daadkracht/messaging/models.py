"""Messages to the network: what a coordinator sent to which audience, the log of every
recipient (address, language, sent or not and why), and the people who unsubscribed.

A message is written once and sent once, by a background task, to the recipients computed when
it was sent (`selectors.audience`). Each recipient gets a `MessageDelivery`; its signed link
unsubscribes that person from that kind of message (`MailOptOut`), and for mails sent on a
consent withdraws the consent as well.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from daadkracht.access.reach import GRANTED, declare
from daadkracht.common.models import TimeStampedModel
from daadkracht.tenancy.scoping import TenantModel


class AudienceKind(models.TextChoices):
    BODY = "body", _("members of a governance body")
    EVENT = "event", _("participants of an event")
    THEME = "theme", _("everyone engaged in a theme")


class MessageState(models.TextChoices):
    QUEUED = "queued", _("waiting to be sent")
    SENDING = "sending", _("being sent")
    DONE = "done", _("sent")


class Message(TenantModel, TimeStampedModel):
    """A message to an audience, with its versions per language (Dutch is the default)."""

    audience = models.CharField(_("send to"), max_length=10, choices=AudienceKind.choices)
    body = models.ForeignKey(
        "bodies.GovernanceBody",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name=_("governance body"),
    )
    event = models.ForeignKey(
        "events.NetworkEvent",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name=_("event"),
    )
    theme = models.ForeignKey(
        "plans.Theme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name=_("theme"),
    )
    include_waiting = models.BooleanField(_("also the waiting list"), default=False)
    min_level = models.PositiveSmallIntegerField(_("engaged at least at level"), default=1)
    # What the audience was called when the message was sent: it stays if the body goes.
    audience_label = models.CharField(_("audience"), max_length=300)
    subject = models.CharField(_("subject"), max_length=200)
    text = models.TextField(_("message"))
    subject_fr = models.CharField(_("subject in French"), max_length=200, blank=True)
    text_fr = models.TextField(_("message in French"), blank=True)
    subject_en = models.CharField(_("subject in English"), max_length=200, blank=True)
    text_en = models.TextField(_("message in English"), blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=MessageState.choices, default=MessageState.QUEUED
    )
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta(TenantModel.Meta):
        ordering = ["-created_at", "-id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        return self.subject

    def version_for(self, language: str) -> tuple[str, str, str]:
        """The subject, text and language a recipient speaking `language` gets."""
        if language == "fr" and self.subject_fr and self.text_fr:
            return self.subject_fr, self.text_fr, "fr"
        if language == "en" and self.subject_en and self.text_en:
            return self.subject_en, self.text_en, "en"
        return self.subject, self.text, "nl"


class RecipientBasis(models.TextChoices):
    """On what ground a person receives a message."""

    GOVERNANCE = "governance", _("public task: member of a governance body")
    REGISTRATION = "registration", _("registered for the event")
    ENGAGED = "engaged", _("legitimate interest: contact of an engaged organisation")
    OPEN_NETWORK = "open_network", _("consent: member of the Open Network")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("to be sent")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")
    SKIPPED = "skipped", _("not sent")


class SkipReason(models.TextChoices):
    ERASED = "erased", _("person erased")
    NO_EMAIL = "no_email", _("no e-mail address")
    UNSUBSCRIBED = "unsubscribed", _("unsubscribed from these messages")
    NO_CONSENT = "no_consent", _("no active consent")
    DUPLICATE = "duplicate", _("same e-mail address as another recipient")


class MessageDelivery(TenantModel):
    """One recipient of a message: to which address, in which language, and what happened."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="deliveries")
    # The kind of message, kept here so that the unsubscribe link needs nothing else.
    kind = models.CharField(_("messages"), max_length=10, choices=AudienceKind.choices)
    contact = models.ForeignKey(
        "stakeholders.Contact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="message_deliveries",
        verbose_name=_("contact person"),
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    language = models.CharField(_("language"), max_length=2, blank=True)
    # On what ground the person receives it (public task, consent, …), as shown in the log.
    basis = models.CharField(_("basis"), max_length=20, choices=RecipientBasis.choices, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    reason = models.CharField(_("reason"), max_length=20, choices=SkipReason.choices, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    belongs_to = "message"
    # The unsubscribe link in a mail opens its one delivery.
    read_access = declare(signed_link=GRANTED)

    class Meta(TenantModel.Meta):
        ordering = ["id"]
        verbose_name = _("delivery of a message")
        verbose_name_plural = _("deliveries of messages")
        indexes = [models.Index(fields=["message", "status"], name="message_delivery_status")]

    def __str__(self) -> str:
        return f"{self.message_id}: {self.status}"


class MailOptOut(TenantModel, TimeStampedModel):
    """A person who no longer wants messages of one kind (the audience of a message)."""

    contact = models.ForeignKey(
        "stakeholders.Contact",
        on_delete=models.CASCADE,
        related_name="mail_opt_outs",
        verbose_name=_("contact person"),
    )
    kind = models.CharField(_("messages"), max_length=10, choices=AudienceKind.choices)
    # The mail whose link the person used; None when recorded otherwise.
    delivery = models.ForeignKey(
        MessageDelivery,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta(TenantModel.Meta):
        ordering = ["-created_at", "-id"]
        verbose_name = _("unsubscription")
        verbose_name_plural = _("unsubscriptions")
        constraints = [
            models.UniqueConstraint(fields=["contact", "kind"], name="mail_opt_out_unique")
        ]

    def __str__(self) -> str:
        return f"{self.contact_id}: {self.kind}"
