"""Engagement of the local network: per organisation and theme (or action) how far the
municipality means to engage it and how far it is engaged today; the log of contacts with each
organisation, with their follow-up; and the register of commitments made to or by stakeholders.

The five levels are ordered (a higher level includes the lower ones), so that the coverage view
can show the highest level reached per theme and type of organisation.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from daadkracht.common.concurrency import VersionedModel
from daadkracht.common.dates import validate_plausible_date
from daadkracht.common.models import TimeStampedModel
from daadkracht.tenancy.scoping import TenantModel


class Level(models.IntegerChoices):
    """How far an organisation is engaged, from only hearing about it to deciding itself."""

    INFORM = 1, _("keep informed")
    CONSULT = 2, _("ask for advice")
    INVOLVE = 3, _("think along")
    COLLABORATE = 4, _("work together")
    EMPOWER = 5, _("let them decide")


class Weight(models.IntegerChoices):
    LOW = 1, _("low")
    MEDIUM = 2, _("medium")
    HIGH = 3, _("high")


# The level the influence-interest grid suggests: rows are interest, columns influence.
SUGGESTED: dict[tuple[int, int], int] = {
    (Weight.LOW, Weight.LOW): Level.INFORM,
    (Weight.LOW, Weight.MEDIUM): Level.INFORM,
    (Weight.LOW, Weight.HIGH): Level.CONSULT,
    (Weight.MEDIUM, Weight.LOW): Level.CONSULT,
    (Weight.MEDIUM, Weight.MEDIUM): Level.INVOLVE,
    (Weight.MEDIUM, Weight.HIGH): Level.COLLABORATE,
    (Weight.HIGH, Weight.LOW): Level.INVOLVE,
    (Weight.HIGH, Weight.MEDIUM): Level.COLLABORATE,
    (Weight.HIGH, Weight.HIGH): Level.EMPOWER,
}


def suggested_level(*, interest: int, influence: int) -> Level:
    """The level the grid suggests for an organisation with this interest and influence."""
    return Level(SUGGESTED[(Weight(interest), Weight(influence))])


class Engagement(TenantModel, VersionedModel, TimeStampedModel):
    """How far one organisation is, and should be, engaged in one theme or one action."""

    organisation = models.ForeignKey(
        "stakeholders.Organisation",
        on_delete=models.CASCADE,
        related_name="engagements",
        verbose_name=_("organisation"),
    )
    theme = models.ForeignKey(
        "plans.Theme",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="engagements",
        verbose_name=_("theme"),
    )
    action = models.ForeignKey(
        "plans.Action",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="engagements",
        verbose_name=_("action"),
    )
    influence = models.PositiveSmallIntegerField(_("influence"), choices=Weight.choices)
    interest = models.PositiveSmallIntegerField(_("interest"), choices=Weight.choices)
    intended = models.PositiveSmallIntegerField(_("intended level"), choices=Level.choices)
    # None: not engaged yet.
    actual = models.PositiveSmallIntegerField(
        _("actual level"), choices=Level.choices, null=True, blank=True
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    belongs_to = "organisation"

    class Meta(TenantModel.Meta):
        ordering = ["organisation__name", "id"]
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")
        constraints = [
            models.CheckConstraint(
                condition=(Q(theme__isnull=False) & Q(action__isnull=True))
                | (Q(theme__isnull=True) & Q(action__isnull=False)),
                name="engagement_theme_or_action",
                violation_error_message=_("Choose a theme or an action, not both."),
            ),
            models.UniqueConstraint(
                fields=["organisation", "theme"],
                condition=Q(theme__isnull=False),
                name="engagement_organisation_theme_unique",
                violation_error_message=_(
                    "This organisation's engagement there is recorded already: change that one."
                ),
            ),
            models.UniqueConstraint(
                fields=["organisation", "action"],
                condition=Q(action__isnull=False),
                name="engagement_organisation_action_unique",
                violation_error_message=_(
                    "This organisation's engagement there is recorded already: change that one."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} → {self.theme_id or self.action_id}"

    @property
    def suggested(self) -> Level:
        return suggested_level(interest=self.interest, influence=self.influence)

    @property
    def gap(self) -> int:
        """How many levels the actual engagement stays below the intended one."""
        return max(0, self.intended - (self.actual or 0))


class InteractionKind(models.TextChoices):
    MEETING = "meeting", _("meeting")
    EMAIL = "email", _("e-mail")
    CALL = "call", _("phone call")
    EVENT = "event", _("event")
    OTHER = "other", _("other")


class Interaction(TenantModel, VersionedModel, TimeStampedModel):
    """A contact with an organisation: a meeting, an e-mail, a call, an event; with a follow-up."""

    organisation = models.ForeignKey(
        "stakeholders.Organisation",
        on_delete=models.CASCADE,
        related_name="interactions",
        verbose_name=_("organisation"),
    )
    contact = models.ForeignKey(
        "stakeholders.Contact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interactions",
        verbose_name=_("contact person"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=InteractionKind.choices)
    happened_on = models.DateField(_("date"), validators=[validate_plausible_date])
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    theme = models.ForeignKey(
        "plans.Theme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interactions",
        verbose_name=_("theme"),
    )
    summary = models.TextField(_("summary"))
    follow_up = models.CharField(_("follow-up"), max_length=300, blank=True)
    follow_up_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("follow-up by"),
    )
    follow_up_due = models.DateField(
        _("follow-up due"), null=True, blank=True, validators=[validate_plausible_date]
    )
    follow_up_done_at = models.DateTimeField(_("follow-up done"), null=True, blank=True)

    belongs_to = "organisation"

    class Meta(TenantModel.Meta):
        ordering = ["-happened_on", "-id"]
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        indexes = [
            models.Index(fields=["municipality", "happened_on"], name="interaction_date"),
            models.Index(
                fields=["municipality", "follow_up_done_at", "follow_up_due"],
                name="interaction_follow_up",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.happened_on:%Y-%m-%d}"

    @property
    def has_open_follow_up(self) -> bool:
        return bool(self.follow_up) and self.follow_up_done_at is None


class Direction(models.TextChoices):
    BY_MUNICIPALITY = "by_municipality", _("by the municipality")
    BY_STAKEHOLDER = "by_stakeholder", _("by the organisation")


class CommitmentStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in progress")
    CLOSED = "closed", _("closed")


class Commitment(TenantModel, VersionedModel, TimeStampedModel):
    """A promise made by the municipality to an organisation, or by an organisation to it."""

    organisation = models.ForeignKey(
        "stakeholders.Organisation",
        on_delete=models.CASCADE,
        related_name="commitments",
        verbose_name=_("organisation"),
    )
    direction = models.CharField(_("made"), max_length=20, choices=Direction.choices)
    description = models.CharField(_("commitment"), max_length=500)
    theme = models.ForeignKey(
        "plans.Theme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("theme"),
    )
    action = models.ForeignKey(
        "plans.Action",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("action"),
    )
    made_on = models.DateField(_("made on"), validators=[validate_plausible_date])
    due_on = models.DateField(_("due"), null=True, blank=True, validators=[validate_plausible_date])
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("followed up by"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CommitmentStatus.choices,
        default=CommitmentStatus.OPEN,
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    belongs_to = "organisation"

    class Meta(TenantModel.Meta):
        ordering = ["status", "due_on", "id"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        indexes = [models.Index(fields=["municipality", "status", "due_on"], name="commitment_due")]

    def __str__(self) -> str:
        return self.description
