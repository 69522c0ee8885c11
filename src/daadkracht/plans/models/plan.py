"""The climate plan, its theme hierarchy and its list of action statuses."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils.translation import gettext_lazy as _

from daadkracht.access.reach import OWN, declare
from daadkracht.common.concurrency import VersionedModel
from daadkracht.common.models import TimeStampedModel
from daadkracht.tenancy.scoping import SoftDeletableTenantModel, TenantModel

colour_validator = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Give a colour as #RRGGBB."))


class Plan(TenantModel, VersionedModel, TimeStampedModel):
    """A municipality's climate plan (SECAP), with its period and targets."""

    name = models.CharField(_("name"), max_length=200)
    start_year = models.PositiveSmallIntegerField(
        _("first year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    end_year = models.PositiveSmallIntegerField(
        _("last year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    baseline_year = models.PositiveSmallIntegerField(
        _("baseline year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    baseline_emissions = models.DecimalField(
        _("baseline emissions (t CO2)"),
        max_digits=12,
        decimal_places=1,
        validators=[MinValueValidator(Decimal(0))],
    )
    reduction_target = models.DecimalField(
        _("reduction target (%)"),
        max_digits=5,
        decimal_places=1,
        default=Decimal("40.0"),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
        help_text=_(
            "Reduction against the baseline year; the Covenant of Mayors asks at least 40%."
        ),
    )
    target_year = models.PositiveSmallIntegerField(_("target year"), default=2030)
    neutrality_year = models.PositiveSmallIntegerField(_("climate-neutral by"), default=2050)
    stale_after_days = models.PositiveSmallIntegerField(
        _("stale after (days)"),
        default=90,
        validators=[MinValueValidator(7), MaxValueValidator(730)],
        help_text=_("An action without any update for this many days needs attention."),
    )

    # The plan, its themes and statuses frame what the public and participants see.
    read_access = declare(public=OWN, signed_link=OWN)

    class Meta(TenantModel.Meta):
        verbose_name = _("climate plan")
        verbose_name_plural = _("climate plans")
        constraints = [
            models.UniqueConstraint(fields=["municipality"], name="plan_one_per_municipality")
        ]

    def __str__(self) -> str:
        return self.name


class Theme(SoftDeletableTenantModel, VersionedModel, TimeStampedModel):
    """A theme of the plan (a Bridge, a werf), optionally under a parent theme."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="themes")
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent theme"),
    )
    code = models.CharField(_("code"), max_length=12, blank=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("short description"), blank=True)
    colour = models.CharField(
        _("colour"), max_length=7, default="#0b5d3b", validators=[colour_validator]
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    # Themes are part of the published plan.
    read_access = declare(public=OWN, signed_link=OWN)

    class Meta(SoftDeletableTenantModel.Meta):
        ordering = ["position", "code", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            # A spreadsheet names a theme by its key (see `key`): one key, one live theme.
            models.UniqueConstraint(
                Lower(Coalesce(NullIf("code", Value("")), "name")),
                "plan",
                condition=Q(deleted_at__isnull=True),
                name="theme_unique_live_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}".strip()

    @property
    def key(self) -> str:
        """How the theme is written in a spreadsheet cell: its code, or its name without one."""
        return self.code or self.name


class StatusCategory(models.TextChoices):
    """What a status means for monitoring, whatever the plan calls it."""

    NOT_STARTED = "not_started", _("not started")
    ACTIVE = "active", _("under way")
    DELAYED = "delayed", _("delayed")
    PAUSED = "paused", _("paused")
    DONE = "done", _("completed")
    CANCELLED = "cancelled", _("cancelled")
    # The source does not say where the action stands (an empty status cell, "onbekend"): the
    # action is open, but no figure may count it as started, not started or on track.
    UNKNOWN = "unknown", _("unknown")


CLOSED_CATEGORIES = (StatusCategory.DONE, StatusCategory.CANCELLED)


class ActionStatus(TenantModel, TimeStampedModel):
    """One entry of a plan's own list of action statuses."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="statuses")
    name = models.CharField(_("name"), max_length=60)
    category = models.CharField(_("meaning"), max_length=20, choices=StatusCategory.choices)
    colour = models.CharField(
        _("colour"), max_length=7, default="#4a5560", validators=[colour_validator]
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    # Status names are shown beside public actions.
    read_access = declare(public=OWN, signed_link=OWN, stakeholder=OWN)

    class Meta(TenantModel.Meta):
        ordering = ["position", "id"]
        verbose_name = _("action status")
        verbose_name_plural = _("action statuses")
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="status_unique_name_in_plan")
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name as the reader sees it: a status that kept the name a new plan gives it
        (stored in Dutch) is shown in the reader's language, a renamed one as named."""
        from daadkracht.plans.defaults import default_status_label  # defaults imports models

        return default_status_label(self.name) or self.name

    @property
    def is_closed(self) -> bool:
        return self.category in CLOSED_CATEGORIES

    @property
    def is_unknown(self) -> bool:
        return self.category == StatusCategory.UNKNOWN
