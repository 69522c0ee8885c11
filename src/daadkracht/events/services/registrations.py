"""Registrations: a person registers (publicly, or the coordinator registers a known contact),
lands on the waiting list when the event is full, cancels with the link in their mail, and the
first on the waiting list then moves up and is told.

A person is a contact of the network (`stakeholders.Contact`), found by e-mail address or added
through the network's services, with their consent for the purpose "events": never stored
twice. The public registration runs as the platform's own work for the municipality (the public
audience may neither read nor add contact persons), after the page has checked its form.
"""

import math
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from daadkracht.access import context as access
from daadkracht.access.context import Audience
from daadkracht.common.email import render_email
from daadkracht.events.calendar import event_ics
from daadkracht.events.models import NetworkEvent, Registration, RegistrationState, new_link_key
from daadkracht.events.policies import can_manage_events
from daadkracht.events.tasks import send_event_email
from daadkracht.events.tokens import CANCEL_LINK, cancel_path
from daadkracht.history.models import AuditAction, ChangeSource
from daadkracht.history.services import audit_record, snapshot
from daadkracht.stakeholders.models import (
    Consent,
    ConsentChannel,
    ConsentText,
    Contact,
    Language,
    Purpose,
)
from daadkracht.stakeholders.services.consents import consent_give
from daadkracht.stakeholders.services.contacts import contact_create
from daadkracht.stakeholders.tokens import consent_withdraw_path
from daadkracht.tenancy.policies import enforce

# The organiser hears when this share of the places is taken, and when all are.
ALMOST_FULL = 0.8


class AlreadyRegistered(ValidationError):
    """The person has a registration for this event that is not cancelled."""


@dataclass(frozen=True)
class Counts:
    registered: int
    waiting: int


def counts(event: NetworkEvent) -> Counts:
    rows = Registration.objects.filter(event=event).values_list("state", flat=True)
    states = list(rows)
    return Counts(
        registered=states.count(RegistrationState.REGISTERED),
        waiting=states.count(RegistrationState.WAITING),
    )


def event_public_path(event: NetworkEvent) -> str:
    return reverse(
        "event_public:register",
        kwargs={"town": event.municipality.slug, "pk": event.pk},
    )


def latest_consent_text() -> ConsentText | None:
    """The consent text for events that people are shown now: the newest version."""
    return ConsentText.objects.filter(purpose=Purpose.EVENTS).order_by("-version").first()


def public_facts(event: NetworkEvent) -> tuple[ConsentText | None, Counts]:
    """What the public registration page shows: the consent text people agree to and how many
    places are taken. The public may read neither the texts nor the registrations themselves:
    read as the platform's own work, for the event's municipality."""
    municipality = access.require().municipality
    if municipality is None or municipality.pk != event.municipality_id:
        raise PermissionDenied
    with access.tenant_scope(municipality):
        return latest_consent_text(), counts(event)


def find_contact(email: str) -> Contact | None:
    """The (not erased) contact person with this e-mail address, if the network knows them."""
    if not email.strip():
        return None
    return (
        Contact.objects.filter(email__iexact=email.strip(), erased_at__isnull=True)
        .order_by("pk")
        .first()
    )


# Mails ---------------------------------------------------------------------------------------


def _language(person: Any) -> str:
    language = getattr(person, "language", "") or ""
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def _send(
    event: NetworkEvent,
    *,
    template: str,
    to: str,
    language: str,
    context: dict[str, Any],
    with_calendar: bool,
) -> None:
    url = settings.SITE_URL + event_public_path(event)
    email = render_email(
        template=template, context={"event": event, "url": url, **context}, language=language
    )
    kwargs: dict[str, Any] = {
        "subject": email.subject,
        "body": email.body,
        "html": email.html,
        "to": [to],
    }
    if with_calendar:
        with translation.override(language):
            filename = _("event") + ".ics"
        kwargs.update(ics=event_ics(event, url=url).decode(), filename=filename)
    municipality_id = event.municipality_id
    transaction.on_commit(
        lambda: send_event_email.enqueue(municipality_id=municipality_id, actor_id=None, **kwargs)
    )


def _mail_person(registration: Registration, template: str) -> None:
    """Mail the person about their registration, with the link to cancel it and, when they
    gave their consent for events, the link to withdraw that consent."""
    contact = registration.contact
    if not contact.email:
        return
    cancel_url = settings.SITE_URL + cancel_path(registration)
    consent = (
        Consent.objects.filter(contact=contact, purpose=Purpose.EVENTS, withdrawn_at__isnull=True)
        .order_by("-given_at", "-pk")
        .first()
    )
    withdraw_url = settings.SITE_URL + consent_withdraw_path(consent) if consent else ""
    _send(
        registration.event,
        template=template,
        to=contact.email,
        language=_language(contact),
        context={
            "registration": registration,
            "person": contact,
            "cancel_url": cancel_url,
            "withdraw_url": withdraw_url,
        },
        with_calendar=registration.state == RegistrationState.REGISTERED,
    )


def _alert_organiser(event: NetworkEvent) -> None:
    """Tell the organiser once when 80% of the places are taken, and once when all are."""
    organiser = event.organiser
    if organiser is None or not organiser.email:
        return
    registered = counts(event).registered
    now = timezone.now()
    alert = ""
    if registered >= event.capacity and event.full_alerted_at is None:
        event.full_alerted_at = now
        if event.almost_full_alerted_at is None:
            event.almost_full_alerted_at = now
        alert = "full"
    elif (
        registered >= math.ceil(ALMOST_FULL * event.capacity)
        and registered < event.capacity
        and event.almost_full_alerted_at is None
    ):
        event.almost_full_alerted_at = now
        alert = "almost_full"
    if not alert:
        return
    NetworkEvent.objects.filter(pk=event.pk).update(
        almost_full_alerted_at=event.almost_full_alerted_at,
        full_alerted_at=event.full_alerted_at,
    )
    page = reverse(
        "events:detail", kwargs={"municipality": event.municipality.slug, "pk": event.pk}
    )
    _send(
        event,
        template=f"events/email/{alert}",
        to=organiser.email,
        language=_language(organiser),
        context={
            "person": organiser,
            "registered": registered,
            "page_url": settings.SITE_URL + page,
        },
        with_calendar=False,
    )


# Registering ---------------------------------------------------------------------------------


def _next_waiting_position(event: NetworkEvent) -> int:
    top = Registration.objects.filter(event=event, state=RegistrationState.WAITING).aggregate(
        top=Max("waiting_position")
    )["top"]
    return (top or 0) + 1


def _register(
    *, actor: Any, event: NetworkEvent, contact: Contact, organisation: str, public: bool
) -> Registration:
    """Give the person a place, or a place on the waiting list when the event is full."""
    if event.is_cancelled:
        raise ValidationError(_("This event is cancelled."))
    with transaction.atomic():
        # One registration at a time per event: the last place goes to one person only.
        event = NetworkEvent.objects.select_for_update().get(pk=event.pk)
        existing = Registration.objects.filter(event=event, contact=contact).first()
        if existing is not None and existing.is_active:
            raise AlreadyRegistered(
                _(
                    "This e-mail address is already registered for this event. The mail we "
                    "sent then has a link to cancel."
                )
                if public
                else _("%(name)s is already registered for this event.") % {"name": contact}
            )
        full = counts(event).registered >= event.capacity
        state = RegistrationState.WAITING if full else RegistrationState.REGISTERED
        position = _next_waiting_position(event) if full else None
        if existing is None:
            registration = Registration(
                event=event,
                contact=contact,
                organisation=organisation,
                state=state,
                waiting_position=position,
            )
            registration.save()
            audit_record(
                actor=actor,
                instance=registration,
                action=AuditAction.CREATED,
                source=ChangeSource.FORM,
            )
        else:
            registration = existing
            before = snapshot(registration)
            registration.organisation = organisation
            registration.state = state
            registration.waiting_position = position
            registration.registered_at = timezone.now()
            registration.cancelled_at = None
            registration.attended = None
            registration.link_key = new_link_key()
            registration.save()
            audit_record(
                actor=actor,
                instance=registration,
                action=AuditAction.UPDATED,
                source=ChangeSource.FORM,
                before=before,
            )
        registration.event = event
        registration.contact = contact
        _mail_person(
            registration,
            "events/email/waiting" if full else "events/email/confirmation",
        )
        if not full:
            _alert_organiser(event)
    return registration


def registration_add(*, actor: Any, event: NetworkEvent, contact: Contact) -> Registration:
    """The coordinator registers a known contact person (on the waiting list when full)."""
    enforce(can_manage_events)
    if contact.is_erased:
        raise ValidationError(_("This person was erased."))
    if not contact.email:
        raise ValidationError(
            _("%(name)s has no e-mail address: add it first, so that they get the mails.")
            % {"name": contact}
        )
    organisation = contact.organisation.name if contact.organisation else ""
    return _register(
        actor=actor, event=event, contact=contact, organisation=organisation, public=False
    )


def registration_public(
    *,
    event: NetworkEvent,
    full_name: str,
    email: str,
    organisation: str,
    consent_text: ConsentText,
    language: str = "",
) -> Registration:
    """Someone registers on the public page, agreeing to `consent_text`.

    The person is looked up by e-mail address and added to the network if unknown; their
    consent for events is recorded unless they already gave it. The page checked the form
    (and the bots) first.
    """
    context = access.require()
    if context.audience != Audience.PUBLIC or context.municipality_id != event.municipality_id:
        raise PermissionDenied
    if not event.registration_open:
        raise ValidationError(_("Registration for this event is closed."))
    if consent_text.purpose != Purpose.EVENTS:
        raise ValidationError(_("Agree to the use of your data for this event."))
    municipality = context.municipality
    assert municipality is not None
    language = language if language in Language.values else Language.NL
    with access.tenant_scope(municipality), transaction.atomic():
        contact = find_contact(email)
        if contact is None:
            contact = contact_create(
                actor=None,
                full_name=full_name,
                email=email.strip(),
                language=language,
                notes=_("Registered for the event %(title)s.") % {"title": event.title},
            )
        has_consent = Consent.objects.filter(
            contact=contact, purpose=Purpose.EVENTS, withdrawn_at__isnull=True
        ).exists()
        if not has_consent:
            consent_give(
                actor=None,
                contact=contact,
                consent_text=consent_text,
                given_at=timezone.now(),
                given_how=ConsentChannel.WEB_FORM,
            )
        return _register(
            actor=None, event=event, contact=contact, organisation=organisation, public=True
        )


# Cancelling and moving up --------------------------------------------------------------------


def _renumber_waiting(event: NetworkEvent) -> None:
    waiting = Registration.objects.filter(event=event, state=RegistrationState.WAITING).order_by(
        "waiting_position", "registered_at", "pk"
    )
    for number, registration in enumerate(waiting, start=1):
        if registration.waiting_position != number:
            registration.waiting_position = number
            registration.save(update_fields=["waiting_position", "updated_at"])


def fill_free_places(event: NetworkEvent) -> list[Registration]:
    """Move the first people of the waiting list up into the places that are free, telling
    each of them by mail (with the calendar file)."""
    free = event.capacity - counts(event).registered
    moved: list[Registration] = []
    if free <= 0 or event.is_cancelled:
        return moved
    waiting = (
        Registration.objects.filter(event=event, state=RegistrationState.WAITING)
        .select_related("contact")
        .order_by("waiting_position", "registered_at", "pk")[:free]
    )
    for registration in waiting:
        before = snapshot(registration)
        registration.state = RegistrationState.REGISTERED
        registration.waiting_position = None
        registration.save(update_fields=["state", "waiting_position", "updated_at"])
        audit_record(
            actor=None,
            instance=registration,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
        registration.event = event
        _mail_person(registration, "events/email/moved_up")
        moved.append(registration)
    _renumber_waiting(event)
    if moved:
        _alert_organiser(event)
    return moved


def registration_cancel(*, actor: Any, registration: Registration, by_link: bool) -> Registration:
    """Cancel a registration (a second cancellation changes nothing). The place it frees goes
    to the first on the waiting list.

    With `by_link`, the person cancels themselves: the signed link they opened must be this
    registration's. Otherwise a member who manages events cancels it.
    """
    context = access.require()
    if by_link:
        grant = context.grant
        if (
            context.audience != Audience.SIGNED_LINK
            or grant is None
            or grant.purpose != CANCEL_LINK.name
            or grant.object_id != registration.pk
        ):
            raise PermissionDenied
    else:
        enforce(can_manage_events)
    if registration.state == RegistrationState.CANCELLED:
        return registration
    municipality = context.municipality
    assert municipality is not None
    # Moving someone else up reads the other registrations: the platform's own work.
    with access.tenant_scope(municipality, actor=context.actor), transaction.atomic():
        event = NetworkEvent.objects.select_for_update().get(pk=registration.event_id)
        registration = Registration.objects.select_related("contact").get(pk=registration.pk)
        before = snapshot(registration)
        registration.state = RegistrationState.CANCELLED
        registration.waiting_position = None
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["state", "waiting_position", "cancelled_at", "updated_at"])
        audit_record(
            actor=actor,
            instance=registration,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
        _renumber_waiting(event)
        fill_free_places(event)
        registration.event = event
    return registration


def event_cancel(*, actor: Any, event: NetworkEvent) -> NetworkEvent:
    """Cancel the event: everyone registered or waiting is told by mail (the calendar file
    takes the event out of their calendar)."""
    enforce(can_manage_events)
    if event.is_cancelled:
        raise ValidationError(_("This event is cancelled."))
    with transaction.atomic():
        before = snapshot(event)
        event.cancelled_at = timezone.now()
        NetworkEvent.objects.filter(pk=event.pk).update(cancelled_at=event.cancelled_at)
        audit_record(
            actor=actor,
            instance=event,
            action=AuditAction.UPDATED,
            source=ChangeSource.FORM,
            before=before,
        )
        people = (
            Registration.objects.filter(event=event)
            .exclude(state=RegistrationState.CANCELLED)
            .select_related("contact")
        )
        for registration in people:
            registration.event = event
            contact = registration.contact
            if not contact.email:
                continue
            _send(
                event,
                template="events/email/event_cancelled",
                to=contact.email,
                language=_language(contact),
                context={"registration": registration, "person": contact},
                with_calendar=registration.state == RegistrationState.REGISTERED,
            )
    return event
