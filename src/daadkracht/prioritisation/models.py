"""Criteria and their weights, the agreed scores of actions, and workshop scoring rounds."""

import secrets
from decimal import Decimal
from typing import ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from daadkracht.access.reach import GRANTED, OWN, declare
from daadkracht.common.models import TimeStampedModel
from daadkracht.history.models import Shown
from daadkracht.plans.models import Action, Plan
from daadkracht.tenancy.scoping import TenantModel

SCORE_VALIDATORS = [MinValueValidator(0), MaxValueValidator(5)]


class Criterion(TenantModel, TimeStampedModel):
    """A criterion with its weight; every action is scored 0 (poor) to 5 (excellent) on it."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="criteria")
    key = models.SlugField(
        _("key"),
        max_length=40,
        blank=True,
        help_text=_("Set for the default criteria, empty for your own."),
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("what a high score means"), blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    history_shown: ClassVar[dict[str, Shown]] = {"weight": Shown.NUMBER}

    # Workshop participants score on the plan's criteria.
    read_access = declare(signed_link=OWN)

    class Meta(TenantModel.Meta):
        ordering = ["position", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="criterion_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class ActionScore(TenantModel, TimeStampedModel):
    """The agreed score of an action on one criterion."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    score = models.PositiveSmallIntegerField(_("score"), validators=SCORE_VALIDATORS)
    note = models.CharField(_("explanation"), max_length=300, blank=True)
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta(TenantModel.Meta):
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [models.UniqueConstraint(fields=["action", "criterion"], name="score_unique")]

    # The history shows a score as "4 out of 5".
    history_shown: ClassVar[dict[str, Shown]] = {"score": Shown.SCORE}

    def __str__(self) -> str:
        return f"{self.action.identifier} · {self.criterion}"


def new_join_code() -> str:
    return secrets.token_urlsafe(16)


class ScoringRound(TenantModel, TimeStampedModel):
    """A workshop round in which participants score a set of actions on their own device."""

    class State(models.TextChoices):
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="scoring_rounds")
    title = models.CharField(_("title"), max_length=200)
    actions = models.ManyToManyField(
        Action, related_name="scoring_rounds", verbose_name=_("actions")
    )
    criteria = models.ManyToManyField(
        Criterion, related_name="scoring_rounds", verbose_name=_("criteria")
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    join_code = models.CharField(max_length=40, unique=True, default=new_join_code, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    # A workshop code opens its own round only.
    read_access = declare(signed_link=GRANTED)

    class Meta(TenantModel.Meta):
        ordering = ["-created_at"]
        verbose_name = _("scoring round")
        verbose_name_plural = _("scoring rounds")

    def __str__(self) -> str:
        return self.title


class RoundParticipant(TenantModel, TimeStampedModel):
    """Someone taking part in a round: a member, or a guest who joined with the round's link."""

    scoring_round = models.ForeignKey(
        ScoringRound, on_delete=models.CASCADE, related_name="participants"
    )
    name = models.CharField(_("name"), max_length=120)
    department = models.ForeignKey(
        "tenancy.Department",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("department"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    key = models.CharField(max_length=40, unique=True, default=new_join_code, editable=False)

    # Participants join and find themselves again through the code.
    read_access = declare(signed_link=OWN)

    class Meta(TenantModel.Meta):
        ordering = ["created_at"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return self.name


class RoundScore(TenantModel):
    """One participant's score of one action on one criterion in a round."""

    participant = models.ForeignKey(
        RoundParticipant, on_delete=models.CASCADE, related_name="scores"
    )
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="+")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"), validators=SCORE_VALIDATORS)

    # Participants see and change their own scores.
    read_access = declare(signed_link=OWN)

    class Meta(TenantModel.Meta):
        verbose_name = _("round score")
        verbose_name_plural = _("round scores")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "action", "criterion"], name="round_score_unique"
            )
        ]

    history_shown: ClassVar[dict[str, Shown]] = {"score": Shown.SCORE}

    def __str__(self) -> str:
        return f"{self.participant} · {self.action.identifier} · {self.criterion}"
