"""Who a message reaches: the recipients of an audience and who is left out, and why.

An audience is the current members of a governance body, the participants of an event or
everyone engaged in a theme. A person counts once, by e-mail address whatever its case; an
erased person, a person without an e-mail address and a person who unsubscribed from that kind
of message are left out, and so is a member of the Open Network without an active consent.
Every audience is read in a fixed number of queries, whatever its size.
"""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from daadkracht.bodies.models import BodyMembership, GovernanceBody
from daadkracht.engagement.models import Engagement
from daadkracht.events.models import NetworkEvent, Registration, RegistrationState
from daadkracht.messaging.models import (
    AudienceKind,
    MailOptOut,
    Message,
    MessageDelivery,
    RecipientBasis,
    SkipReason,
)
from daadkracht.network.models import MemberTheme
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import Consent, Contact, Purpose


@dataclass(frozen=True)
class AudienceChoice:
    """What a coordinator chose to send to."""

    kind: str
    body: GovernanceBody | None = None
    event: NetworkEvent | None = None
    theme: Theme | None = None
    include_waiting: bool = False
    min_level: int = 1

    def label(self) -> str:
        if self.kind == AudienceKind.BODY and self.body is not None:
            return _("Members of %(body)s") % {"body": self.body.name}
        if self.kind == AudienceKind.EVENT and self.event is not None:
            if self.include_waiting:
                return _("Participants of %(event)s, waiting list included") % {
                    "event": self.event.title
                }
            return _("Participants of %(event)s") % {"event": self.event.title}
        if self.kind == AudienceKind.THEME and self.theme is not None:
            return _("Engaged in %(theme)s") % {"theme": self.theme.name}
        return ""


@dataclass(frozen=True)
class Recipient:
    contact_id: int
    name: str
    email: str
    organisation: str
    language: str
    basis: str  # a RecipientBasis

    @property
    def basis_label(self) -> str:
        return str(RecipientBasis(self.basis).label)


@dataclass(frozen=True)
class LeftOut:
    contact_id: int
    email: str
    reason: str


@dataclass
class Audience:
    recipients: list[Recipient] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)

    def counts(self) -> list[tuple[str, int]]:
        """Per reason, how many people are left out: (the reason's label, count)."""
        counted = Counter(row.reason for row in self.left_out)
        return [
            (str(label), counted[value]) for value, label in SkipReason.choices if counted[value]
        ]


def _body_candidates(body: GovernanceBody) -> dict[int, str]:
    """The body's current members, and the contact persons of its member organisations."""
    today = timezone.localdate()
    current = BodyMembership.objects.filter(body=body, starts_on__lte=today).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=today)
    )
    people: set[int] = set()
    organisations: set[int] = set()
    for contact_id, organisation_id in current.values_list("contact_id", "organisation_id"):
        if contact_id is not None:
            people.add(contact_id)
        elif organisation_id is not None:
            organisations.add(organisation_id)
    basis: str = RecipientBasis.GOVERNANCE
    candidates: dict[int, str] = dict.fromkeys(people, basis)
    for pk in Contact.objects.filter(organisation_id__in=organisations).values_list(
        "pk", flat=True
    ):
        candidates.setdefault(pk, basis)
    return candidates


def _event_candidates(event: NetworkEvent, *, include_waiting: bool) -> dict[int, str]:
    states = [RegistrationState.REGISTERED]
    if include_waiting:
        states.append(RegistrationState.WAITING)
    basis: str = RecipientBasis.REGISTRATION
    registered = Registration.objects.filter(event=event, state__in=states)
    return dict.fromkeys(registered.values_list("contact_id", flat=True), basis)


def _theme_candidates(theme: Theme, *, min_level: int) -> tuple[dict[int, str], set[int]]:
    """Contact persons of organisations engaged in the theme or one of its actions, and the
    Open Network members who follow it; the second set holds those who need a consent."""
    engaged = Engagement.objects.filter(
        Q(theme=theme) | Q(action__theme_links__theme=theme, action__deleted_at__isnull=True),
        intended__gte=min_level,
    ).values("organisation_id")
    basis: str = RecipientBasis.ENGAGED
    contacts = Contact.objects.filter(organisation_id__in=engaged)
    candidates: dict[int, str] = dict.fromkeys(contacts.values_list("pk", flat=True), basis)
    members = set(
        MemberTheme.objects.filter(theme=theme).values_list("member__contact_id", flat=True)
    )
    needs_consent = members - set(candidates)
    for pk in needs_consent:
        candidates[pk] = RecipientBasis.OPEN_NETWORK
    return candidates, needs_consent


def audience_of(choice: AudienceChoice) -> Audience:
    """The recipients of `choice` and who is left out, each person once."""
    needs_consent: set[int] = set()
    if choice.kind == AudienceKind.BODY and choice.body is not None:
        candidates = _body_candidates(choice.body)
    elif choice.kind == AudienceKind.EVENT and choice.event is not None:
        candidates = _event_candidates(choice.event, include_waiting=choice.include_waiting)
    elif choice.kind == AudienceKind.THEME and choice.theme is not None:
        candidates, needs_consent = _theme_candidates(choice.theme, min_level=choice.min_level)
    else:
        return Audience()
    opted_out = set(
        MailOptOut.objects.filter(kind=choice.kind, contact_id__in=candidates).values_list(
            "contact_id", flat=True
        )
    )
    consenting = (
        set(
            Consent.objects.filter(
                contact_id__in=needs_consent,
                purpose=Purpose.OPEN_NETWORK,
                withdrawn_at__isnull=True,
            ).values_list("contact_id", flat=True)
        )
        if needs_consent
        else set()
    )
    contacts = (
        Contact.objects.filter(pk__in=candidates)
        .select_related("organisation")
        .order_by("full_name", "id")
    )
    audience = Audience()
    seen: set[str] = set()
    for contact in contacts:
        email = contact.email.strip()
        reason = ""
        if contact.is_erased:
            reason, email = SkipReason.ERASED, ""
        elif not email:
            reason = SkipReason.NO_EMAIL
        elif contact.pk in opted_out:
            reason = SkipReason.UNSUBSCRIBED
        elif contact.pk in needs_consent and contact.pk not in consenting:
            reason = SkipReason.NO_CONSENT
        elif email.casefold() in seen:
            reason = SkipReason.DUPLICATE
        if reason:
            audience.left_out.append(LeftOut(contact.pk, email, reason))
            continue
        seen.add(email.casefold())
        audience.recipients.append(
            Recipient(
                contact_id=contact.pk,
                name=contact.full_name,
                email=email,
                organisation=contact.organisation.name if contact.organisation else "",
                language=contact.language,
                basis=candidates[contact.pk],
            )
        )
    return audience


def mailing_list_rows(audience: Audience) -> list[list[Any]]:
    return [
        [row.name, row.email, row.organisation, row.language, row.basis_label]
        for row in audience.recipients
    ]


def message_list() -> QuerySet[Message]:
    return Message.objects.select_related("sent_by")


def delivery_progress(message: Message) -> dict[str, int]:
    """How many of the message's recipients were sent, failed, skipped or wait."""
    counted: Counter[str] = Counter(
        dict(
            MessageDelivery.objects.filter(message=message)
            .order_by()
            .values_list("status")
            .annotate(n=Count("id"))
            .values_list("status", "n")
        )
    )
    total = sum(counted.values())
    return {
        "total": total,
        "sent": counted["sent"],
        "failed": counted["failed"],
        "skipped": counted["skipped"],
        "pending": counted["pending"],
        "to_send": total - counted["skipped"],
    }


def message_deliveries(message: Message) -> QuerySet[MessageDelivery]:
    return MessageDelivery.objects.filter(message=message).select_related("contact")
