"""Support offers: the providers that offer help to municipalities, their offers, and the
requests municipalities send them.

Providers and offers are platform data, shown to everyone (an offer once published). A request
belongs to the municipality that asks; besides its members, the managers of the provider it is
addressed to read it (the provider audience, `access.reach.provider`).
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from daadkracht.access import reach
from daadkracht.common.concurrency import VersionedModel
from daadkracht.common.models import TimeStampedModel
from daadkracht.practices.models import PracticeTheme
from daadkracht.tenancy.scoping import TenantModel

TEXT_LENGTH = 10000
MESSAGE_LENGTH = 3000


class Provider(TimeStampedModel):
    """An organisation that supports municipalities, such as a coach organisation."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    description = models.TextField(_("description"), max_length=TEXT_LENGTH, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    # Who manages its offers and answers the requests to it.
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="managed_providers",
        blank=True,
        verbose_name=_("managers"),
    )
    # Whom it can send to a municipality as coach of the collaboration trajectory.
    coaches = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="coaching_providers",
        blank=True,
        verbose_name=_("coaches"),
    )
    is_demo = models.BooleanField(_("demo provider"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("support provider")
        verbose_name_plural = _("support providers")

    def __str__(self) -> str:
        return self.name


class TargetGroup(models.TextChoices):
    LOCAL_GOVERNMENT = "local_government", _("Local government")
    CITIZENS = "citizens", _("Citizens")
    BUSINESSES = "businesses", _("Businesses")
    SCHOOLS = "schools", _("Schools")
    ASSOCIATIONS = "associations", _("Associations")


class OfferType(models.TextChoices):
    GUIDANCE = "guidance", _("Guidance (in person)")
    TRAINING = "training", _("Training")
    TOOL = "tool", _("Tool")
    SUBSIDY = "subsidy", _("Subsidy")
    NETWORK = "network", _("Network")


class Offer(VersionedModel, TimeStampedModel):
    """An offer of support, in the structure of its public page."""

    provider = models.ForeignKey(
        Provider, on_delete=models.CASCADE, related_name="offers", verbose_name=_("provider")
    )
    title = models.CharField(_("title"), max_length=200)
    target_group = models.CharField(
        _("target group"),
        max_length=20,
        choices=TargetGroup.choices,
        default=TargetGroup.LOCAL_GOVERNMENT,
    )
    theme = models.CharField(_("theme"), max_length=20, choices=PracticeTheme.choices)
    kind = models.CharField(_("type"), max_length=20, choices=OfferType.choices)
    introduction = models.TextField(_("introduction"), max_length=TEXT_LENGTH)
    # What follows the steps of the course: how the provider works, how it fits together.
    course_note = models.TextField(_("after the steps"), max_length=TEXT_LENGTH, blank=True)
    # One responsibility a line, in order.
    responsibilities = models.TextField(
        _("the municipality remains responsible for"), max_length=TEXT_LENGTH, blank=True
    )
    price = models.DecimalField(
        _("indicative price excluding VAT (€)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    price_note = models.CharField(_("about the price"), max_length=300, blank=True)
    counts_for_lekp = models.BooleanField(_("counts for the LEKP"), default=False)
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    published = models.BooleanField(_("published"), default=True)
    is_demo = models.BooleanField(_("demo offer"), default=False)

    class Meta:
        ordering = ["title"]
        verbose_name = _("support offer")
        verbose_name_plural = _("support offers")

    def __str__(self) -> str:
        return self.title

    def responsibility_lines(self) -> list[str]:
        return [line.strip() for line in self.responsibilities.splitlines() if line.strip()]


class OfferStep(models.Model):
    """A step of an offer's course and content, with its sub-points (one a line)."""

    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="steps", verbose_name=_("offer")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    text = models.TextField(_("step"), max_length=TEXT_LENGTH)
    sub_points = models.TextField(_("sub-points"), max_length=TEXT_LENGTH, blank=True)

    class Meta:
        ordering = ["offer", "position"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self) -> str:
        return self.text[:60]

    def sub_point_lines(self) -> list[str]:
        return [line.strip() for line in self.sub_points.splitlines() if line.strip()]


class RequestStatus(models.TextChoices):
    REQUESTED = "requested", _("requested")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    WITHDRAWN = "withdrawn", _("withdrawn")


class OfferRequest(TenantModel, TimeStampedModel):
    """A municipality asks a provider for one of its offers; the provider accepts or declines.

    `context` is what the municipality looked like when it asked (inhabitants, province, its
    plan, how many actions, whether a trajectory runs, who coordinates), so that the provider
    reads what was sent, not what changed since.
    """

    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="requests", verbose_name=_("offer")
    )
    # The offer's provider when asked: whose managers read and answer the request.
    provider = models.ForeignKey(
        Provider, on_delete=models.CASCADE, related_name="requests", verbose_name=_("provider")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    message = models.TextField(_("message"), max_length=MESSAGE_LENGTH, blank=True)
    context = models.JSONField(_("the municipality's context"), default=dict)
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.REQUESTED
    )
    answer = models.TextField(_("answer"), max_length=MESSAGE_LENGTH, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("coach"),
    )
    trajectory_started = models.BooleanField(_("trajectory started"), default=False)

    read_access = reach.declare(provider=reach.provider("provider_id"))

    class Meta(TenantModel.Meta):
        ordering = ["-created_at", "-pk"]
        verbose_name = _("request for an offer")
        verbose_name_plural = _("requests for offers")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "offer"],
                condition=Q(status="requested"),
                name="offer_request_one_open",
            )
        ]

    def __str__(self) -> str:
        return f"{self.offer} ({self.get_status_display()})"

    @property
    def is_open(self) -> bool:
        return self.status == RequestStatus.REQUESTED
