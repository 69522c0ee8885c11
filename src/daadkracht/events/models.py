"""Network events (open network moments, climate workbench sessions) and who registered.

A registration belongs to a contact person of the network (`stakeholders.Contact`), found or
added by e-mail address: a person is never stored twice. While places are free a registration
is `registered`; once the event is full it lands on the waiting list with a position, and moves
up when someone cancels.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from daadkracht.access.reach import GRANTED, OWN, declare
from daadkracht.common.concurrency import VersionedModel
from daadkracht.common.models import TimeStampedModel
from daadkracht.tenancy.scoping import TenantModel


def new_link_key() -> str:
    return secrets.token_urlsafe(16)


class EventKind(models.TextChoices):
    OPEN_NETWORK = "open_network", _("open network moment")
    WORKBENCH = "workbench", _("climate workbench session")
    OTHER = "other", _("other event")


class RegistrationState(models.TextChoices):
    REGISTERED = "registered", _("registered")
    WAITING = "waiting", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")


class NetworkEvent(TenantModel, VersionedModel, TimeStampedModel):
    """An event of the network with a limited number of places and a public registration page."""

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=EventKind.choices)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("start"))
    ends_at = models.DateTimeField(_("end"))
    place = models.CharField(_("place"), max_length=200)
    capacity = models.PositiveIntegerField(_("number of places"))
    registration_until = models.DateTimeField(_("registration open until"))
    themes = models.ManyToManyField(
        "plans.Theme",
        through="EventTheme",
        blank=True,
        related_name="network_events",
        verbose_name=_("themes"),
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organiser"),
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # Whether the organiser was told the event is 80% full, and that it is full.
    almost_full_alerted_at = models.DateTimeField(null=True, blank=True, editable=False)
    full_alerted_at = models.DateTimeField(null=True, blank=True, editable=False)

    # The public registration page shows the event; the cancel link too.
    read_access = declare(public=OWN, signed_link=OWN)

    class Meta(TenantModel.Meta):
        ordering = ["-starts_at", "-id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["municipality", "starts_at"], name="event_starts")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def registration_open(self) -> bool:
        return not self.is_cancelled and timezone.now() <= self.registration_until


class EventTheme(TenantModel):
    """A theme an event is about."""

    event = models.ForeignKey(NetworkEvent, on_delete=models.CASCADE, related_name="theme_links")
    theme = models.ForeignKey(
        "plans.Theme", on_delete=models.CASCADE, related_name="network_event_links"
    )

    belongs_to = "event"

    class Meta(TenantModel.Meta):
        verbose_name = _("theme of an event")
        verbose_name_plural = _("themes of events")
        constraints = [
            models.UniqueConstraint(fields=["event", "theme"], name="event_theme_unique")
        ]

    def __str__(self) -> str:
        return f"{self.event_id} → {self.theme_id}"


class Registration(TenantModel, TimeStampedModel):
    """A person's registration for an event: a place, a place on the waiting list, or cancelled."""

    event = models.ForeignKey(NetworkEvent, on_delete=models.CASCADE, related_name="registrations")
    contact = models.ForeignKey(
        "stakeholders.Contact",
        on_delete=models.CASCADE,
        related_name="event_registrations",
        verbose_name=_("person"),
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=RegistrationState.choices,
        default=RegistrationState.REGISTERED,
    )
    # The place on the waiting list (1 is next); None for anyone not waiting.
    waiting_position = models.PositiveIntegerField(
        _("place on the waiting list"), null=True, blank=True
    )
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    # Part of the cancel link: a new key makes the old links stop working.
    link_key = models.CharField(max_length=40, default=new_link_key, editable=False)

    belongs_to = "event"
    # The cancel link opens its one registration.
    read_access = declare(signed_link=GRANTED)

    class Meta(TenantModel.Meta):
        ordering = ["registered_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "contact"], name="event_registration_contact_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.event_id}: {self.contact_id} ({self.state})"

    @property
    def is_active(self) -> bool:
        return self.state != RegistrationState.CANCELLED
