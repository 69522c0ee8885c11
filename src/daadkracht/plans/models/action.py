"""Actions with their departments, tasks and the timeline of status updates."""

from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from daadkracht.access.reach import OWN, declare, own_where, portal
from daadkracht.common.concurrency import VersionedModel
from daadkracht.common.dates import validate_plausible_date
from daadkracht.common.models import TimeStampedModel
from daadkracht.common.numbers import reads_as_number
from daadkracht.history.models import Shown
from daadkracht.plans.models import covenant
from daadkracht.plans.models.plan import ActionStatus, Plan, Theme
from daadkracht.tenancy.scoping import SoftDeletableTenantModel, TenantModel

MONEY: dict[str, Any] = {
    "max_digits": 14,
    "decimal_places": 2,
    "null": True,
    "blank": True,
    "validators": [MinValueValidator(Decimal(0))],
}
QUANTITY: dict[str, Any] = {
    "max_digits": 12,
    "decimal_places": 1,
    "null": True,
    "blank": True,
    "validators": [MinValueValidator(Decimal(0))],
}


class Phase(models.TextChoices):
    IDEA = "idea", _("idea")
    PREPARATION = "preparation", _("preparation")
    EXECUTION = "execution", _("execution")
    FOLLOW_UP = "follow_up", _("follow-up and evaluation")
    CLOSED = "closed", _("closed")


class FundingSource(models.TextChoices):
    OWN = "own", _("own budget")
    LEKP = "lekp", _("LEKP subsidy")
    FLEMISH = "flemish", _("other Flemish subsidy")
    EU = "eu", _("European funds")
    PARTNERS = "partners", _("partners or private funding")
    OTHER = "other", _("other")


class Priority(models.TextChoices):
    HIGH = "high", _("high")
    NORMAL = "normal", _("normal")
    LOW = "low", _("low")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("public")
    INTERNAL = "internal", _("internal")


class DepartmentRole(models.TextChoices):
    RESPONSIBLE = "responsible", _("responsible")
    CONTRIBUTES = "contributes", _("contributes")
    CONSULTED = "consulted", _("consulted")
    INFORMED = "informed", _("informed")


def validate_no_number(text: str) -> None:
    """A note says what a source gives instead of a number; a number belongs in the field."""
    if reads_as_number(text):
        raise ValidationError(
            _("This is a number: put it in the field for the figure; this one is for text.")
        )


class Tag(TenantModel):
    name = models.CharField(_("name"), max_length=60)

    class Meta(TenantModel.Meta):
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="tag_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Action(SoftDeletableTenantModel, VersionedModel, TimeStampedModel):
    """A concrete action (maatregel) of the climate plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    identifier = models.CharField(
        _("identifier"), max_length=40, help_text=_("For example B3.04; unique in the plan.")
    )
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    themes = models.ManyToManyField(
        Theme, through="ActionTheme", blank=True, related_name="actions", verbose_name=_("themes")
    )
    lead_department = models.ForeignKey(
        "tenancy.Department",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_actions",
        verbose_name=_("lead department"),
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible person"),
    )
    # A responsible that is neither a department nor a member ("imec", "KU Leuven, EcoWerf").
    responsible_note = models.CharField(_("responsible (other)"), max_length=200, blank=True)
    status = models.ForeignKey(
        ActionStatus, on_delete=models.PROTECT, related_name="actions", verbose_name=_("status")
    )
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices, default=Phase.IDEA)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    start_date = models.DateField(
        _("start date"), null=True, blank=True, validators=[validate_plausible_date]
    )
    deadline = models.DateField(
        _("deadline"), null=True, blank=True, validators=[validate_plausible_date]
    )
    budget_planned = models.DecimalField(_("budget planned (€)"), **MONEY)
    budget_committed = models.DecimalField(_("budget committed (€)"), **MONEY)
    budget_spent = models.DecimalField(_("budget spent (€)"), **MONEY)
    # What a source says where it gives no number ("15-20 mio EUR", "/"), kept beside the field.
    budget_note = models.CharField(
        _("budget as the source says it"),
        max_length=200,
        blank=True,
        validators=[validate_no_number],
    )
    funding_source = models.CharField(
        _("funding source"), max_length=20, choices=FundingSource.choices, blank=True
    )
    co2_reduction = models.DecimalField(_("expected CO2 reduction (t/yr)"), **QUANTITY)
    co2_note = models.CharField(
        _("CO2 reduction as the source says it"),
        max_length=200,
        blank=True,
        validators=[validate_no_number],
    )
    energy_saved = models.DecimalField(_("energy saved (MWh/yr)"), **QUANTITY)
    renewable_produced = models.DecimalField(_("renewable energy produced (MWh/yr)"), **QUANTITY)
    com_sector = models.CharField(
        _("sector"), max_length=30, choices=covenant.Sector.choices, blank=True
    )
    com_area = models.CharField(
        _("area of intervention"),
        max_length=40,
        choices=covenant.AreaOfIntervention.choices,
        blank=True,
    )
    com_instrument = models.CharField(
        _("policy instrument"), max_length=30, choices=covenant.PolicyInstrument.choices, blank=True
    )
    com_kind = models.CharField(
        _("mitigation or adaptation"),
        max_length=20,
        choices=covenant.ActionKind.choices,
        default=covenant.ActionKind.MITIGATION,
    )
    co_benefits = models.JSONField(_("co-benefits"), default=list, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    tags = models.ManyToManyField(
        Tag, through="ActionTag", blank=True, related_name="actions", verbose_name=_("tags")
    )
    last_update_at = models.DateTimeField(_("last update"), null=True, blank=True, editable=False)
    # An action that cannot go on until the executive board (college) decides: the dashboard
    # lists these first. A decision posted on the action's timeline takes it off that list.
    decision_needed = models.BooleanField(
        _("waiting for a decision of the executive board"),
        default=False,
        help_text=_(
            "The action cannot go on until the executive board decides; it then appears first on"
            " the dashboard. Posting a decision on the timeline takes it off that list."
        ),
    )
    decision_question = models.CharField(
        _("decision to take"),
        max_length=300,
        blank=True,
        help_text=_("What the executive board has to decide, in one sentence."),
    )

    # The history shows amounts as "€ 1.250.000", in the reader's notation.
    history_shown: ClassVar[dict[str, Shown]] = {
        "budget_planned": Shown.MONEY,
        "budget_committed": Shown.MONEY,
        "budget_spent": Shown.MONEY,
    }

    # The public sees the actions marked public; workshop participants score actions.
    read_access = declare(
        public=own_where(visibility=Visibility.PUBLIC),
        signed_link=OWN,
        stakeholder=portal("plans.Action"),
    )

    class Meta(SoftDeletableTenantModel.Meta):
        ordering = ["identifier"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "identifier"],
                condition=Q(deleted_at__isnull=True),
                name="action_unique_live_identifier",
            )
        ]
        indexes = [
            models.Index(fields=["municipality", "status"]),
            models.Index(fields=["municipality", "deadline"]),
            models.Index(fields=["municipality", "last_update_at"]),
            models.Index(fields=["municipality", "lead_department"]),
        ]

    def __str__(self) -> str:
        return f"{self.identifier} {self.title}"

    @property
    def cost_per_tonne(self) -> Decimal | None:
        """Planned budget per tonne of CO2 avoided per year (None without both figures)."""
        if not self.budget_planned or not self.co2_reduction:
            return None
        return (self.budget_planned / self.co2_reduction).quantize(Decimal("0.01"))


class ActionTheme(TenantModel):
    """An action under a theme: the link is tenant data like the two rows it links."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="theme_links")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="action_links")

    belongs_to = "action"

    class Meta(TenantModel.Meta):
        verbose_name = _("theme of an action")
        verbose_name_plural = _("themes of actions")
        constraints = [
            models.UniqueConstraint(fields=["action", "theme"], name="action_theme_unique")
        ]

    def __str__(self) -> str:
        return f"{self.action_id} → {self.theme_id}"


class ActionTag(TenantModel):
    """A tag on an action."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="tag_links")
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="action_links")

    belongs_to = "action"

    class Meta(TenantModel.Meta):
        verbose_name = _("tag of an action")
        verbose_name_plural = _("tags of actions")
        constraints = [models.UniqueConstraint(fields=["action", "tag"], name="action_tag_unique")]

    def __str__(self) -> str:
        return f"{self.action_id} → {self.tag_id}"


class ActionDepartment(TenantModel):
    """A department involved in an action besides the lead, with its role."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="involvements")
    department = models.ForeignKey(
        "tenancy.Department",
        on_delete=models.CASCADE,
        related_name="action_involvements",
        verbose_name=_("department"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=DepartmentRole.choices, default=DepartmentRole.CONTRIBUTES
    )

    class Meta(TenantModel.Meta):
        verbose_name = _("involved department")
        verbose_name_plural = _("involved departments")
        constraints = [
            models.UniqueConstraint(
                fields=["action", "department"], name="action_department_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.department} ({self.get_role_display()})"


class Task(TenantModel, VersionedModel, TimeStampedModel):
    """A task or milestone of an action."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("title"), max_length=250)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_date = models.DateField(
        _("due date"), null=True, blank=True, validators=[validate_plausible_date]
    )
    is_milestone = models.BooleanField(_("milestone"), default=False)
    done_at = models.DateTimeField(_("done on"), null=True, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta(TenantModel.Meta):
        ordering = ["position", "due_date", "id"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        indexes = [models.Index(fields=["municipality", "done_at", "due_date"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None


class UpdateKind(models.TextChoices):
    UPDATE = "update", _("status update")
    DECISION = "decision", _("decision")


class UpdateSource(models.TextChoices):
    """Where a timeline entry came from: written by a person, or recorded with a change."""

    UPDATE = "update", _("status update")
    DECISION = "decision", _("decision")
    FORM = "form", _("edit form")
    BOARD = "board", _("board")
    IMPORT = "import", _("import")
    API = "api", _("API")


# Entries a person wrote: only these count as news about the action ("stale", "no update yet").
WRITTEN_SOURCES = (UpdateSource.UPDATE, UpdateSource.DECISION)


class StatusUpdate(TenantModel, TimeStampedModel):
    """A dated entry in an action's timeline; may move its status, progress or deadline."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")

    # In the stakeholder portal: the timeline of the actions their organisation partners in.
    read_access = declare(stakeholder=portal("plans.Action", "action_id"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    date = models.DateField(_("date"), validators=[validate_plausible_date])
    kind = models.CharField(
        _("kind"), max_length=20, choices=UpdateKind.choices, default=UpdateKind.UPDATE
    )
    # What a person wrote; empty for an entry recorded with a change, whose text is made when it
    # is shown, in the reader's language.
    text = models.TextField(_("text"), blank=True)
    source = models.CharField(
        _("source"), max_length=20, choices=UpdateSource.choices, default=UpdateSource.UPDATE
    )
    previous_status = models.ForeignKey(
        ActionStatus, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    new_status = models.ForeignKey(
        ActionStatus,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("new status"),
    )
    previous_progress = models.PositiveSmallIntegerField(null=True, blank=True)
    new_progress = models.PositiveSmallIntegerField(
        _("new progress (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    previous_deadline = models.DateField(null=True, blank=True)
    new_deadline = models.DateField(
        _("new deadline"), null=True, blank=True, validators=[validate_plausible_date]
    )
    # `new_deadline` empty means "not moved"; this says the deadline was taken away.
    deadline_removed = models.BooleanField(_("deadline removed"), default=False)

    class Meta(TenantModel.Meta):
        ordering = ["-date", "-created_at", "-id"]
        verbose_name = _("status update")
        verbose_name_plural = _("status updates")
        indexes = [
            models.Index(fields=["municipality", "created_at"]),
            models.Index(fields=["municipality", "date"]),
            models.Index(fields=["action", "date"]),
        ]

    def __str__(self) -> str:
        return f"{self.action.identifier} {self.date}"

    @property
    def is_written(self) -> bool:
        """Written by a person (an update or a decision), not recorded with a change."""
        return self.source in WRITTEN_SOURCES

    @property
    def changes_text(self) -> list[str]:
        """What an entry recorded with a change says, one sentence per change, in the active
        language: "Status changed from Not started to Under way via the board."."""
        via = self.via
        sentences = []
        if self.new_status_id is not None:
            sentences.append(
                gettext("Status changed from %(before)s to %(after)s %(via)s.")
                % {"before": self.previous_status or "—", "after": self.new_status, "via": via}
            )
        if self.new_progress is not None:
            sentences.append(
                gettext("Progress changed from %(before)s%% to %(after)s%% %(via)s.")
                % {"before": self.previous_progress or 0, "after": self.new_progress, "via": via}
            )
        if self.new_deadline is not None and self.previous_deadline is not None:
            sentences.append(
                gettext("Deadline moved from %(before)s to %(after)s %(via)s.")
                % {
                    "before": _short_date(self.previous_deadline),
                    "after": _short_date(self.new_deadline),
                    "via": via,
                }
            )
        elif self.new_deadline is not None:
            sentences.append(
                gettext("Deadline set to %(after)s %(via)s.")
                % {"after": _short_date(self.new_deadline), "via": via}
            )
        elif self.deadline_removed:
            sentences.append(
                gettext("Deadline %(before)s removed %(via)s.")
                % {"before": _short_date(self.previous_deadline), "via": via}
            )
        return sentences

    @property
    def via(self) -> str:
        """Where a recorded change was made, as the end of a sentence ("via the board")."""
        if self.source == UpdateSource.IMPORT:
            return gettext("via import of %(date)s") % {"date": _short_date(self.date)}
        if self.source == UpdateSource.BOARD:
            return gettext("via the board")
        if self.source == UpdateSource.API:
            return gettext("via the API")
        return gettext("via the edit form")

    @property
    def shown_text(self) -> str:
        """The text as the timeline and its export show it."""
        return self.text if self.is_written else " ".join(self.changes_text)


def _short_date(day: date | None) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT") if day is not None else "—"
