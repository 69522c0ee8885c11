"""Survey rounds of the collaboration diagnosis, their respondents and the answers they give."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from daadkracht.access.reach import GRANTED, OWN, declare
from daadkracht.common.models import TimeStampedModel
from daadkracht.diagnosis.scales import (
    MATURITY_MAX,
    MATURITY_MIN,
    THEME_CHOICES,
    Level,
)
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.scoping import TenantModel


def new_link_key() -> str:
    return secrets.token_urlsafe(12)


class SurveyRound(TenantModel, TimeStampedModel):
    """A round of the diagnosis: one representative per department rates the collaboration."""

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    name = models.CharField(_("name"), max_length=120)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The departments taking part (each with its respondent); a respondent rates all the others.
    departments = models.ManyToManyField(
        Department, related_name="+", verbose_name=_("departments")
    )
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    # A respondent's page shows the round's name and closing date, nothing else of it.
    read_access = declare(signed_link=OWN)

    class Meta(TenantModel.Meta):
        ordering = ["-opens_on", "-id"]
        verbose_name = _("survey round")
        verbose_name_plural = _("survey rounds")

    def __str__(self) -> str:
        return self.name


class Respondent(TenantModel, TimeStampedModel):
    """The one representative of a department in a round, who answers through a signed link."""

    survey_round = models.ForeignKey(
        SurveyRound, on_delete=models.CASCADE, related_name="respondents"
    )
    department = models.ForeignKey(
        Department, on_delete=models.CASCADE, related_name="+", verbose_name=_("department")
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail address"))
    # Part of every link; a new key makes the links sent before stop working.
    link_key = models.CharField(max_length=40, default=new_link_key, editable=False)
    invited_at = models.DateTimeField(_("invited"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    # A link opens its own respondent only.
    read_access = declare(signed_link=GRANTED)

    class Meta(TenantModel.Meta):
        ordering = ["department__name", "id"]
        verbose_name = _("respondent")
        verbose_name_plural = _("respondents")
        constraints = [
            models.UniqueConstraint(
                fields=["survey_round", "department"], name="respondent_unique_department"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.department})"


class TieAnswer(TenantModel):
    """How a respondent's department works together with one other department on climate."""

    respondent = models.ForeignKey(Respondent, on_delete=models.CASCADE, related_name="ties")
    other = models.ForeignKey(
        Department, on_delete=models.CASCADE, related_name="+", verbose_name=_("other department")
    )
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)

    # A respondent reads back their own answers (the page asks for them by respondent).
    read_access = declare(signed_link=OWN)

    class Meta(TenantModel.Meta):
        verbose_name = _("collaboration answer")
        verbose_name_plural = _("collaboration answers")
        constraints = [
            models.UniqueConstraint(fields=["respondent", "other"], name="tie_answer_unique"),
            models.CheckConstraint(
                condition=models.Q(level__gte=0) & models.Q(level__lte=5),
                name="tie_answer_level_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.respondent} → {self.other}: {self.level}"


class MaturityAnswer(TenantModel):
    """A respondent's score, 1 to 5, of one maturity theme, with an optional comment."""

    respondent = models.ForeignKey(Respondent, on_delete=models.CASCADE, related_name="maturity")
    theme = models.CharField(_("theme"), max_length=20, choices=THEME_CHOICES)
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(MATURITY_MIN), MaxValueValidator(MATURITY_MAX)]
    )
    comment = models.CharField(_("comment"), max_length=500, blank=True)

    read_access = declare(signed_link=OWN)

    class Meta(TenantModel.Meta):
        verbose_name = _("maturity answer")
        verbose_name_plural = _("maturity answers")
        constraints = [
            models.UniqueConstraint(fields=["respondent", "theme"], name="maturity_answer_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.respondent} · {self.theme}: {self.score}"
