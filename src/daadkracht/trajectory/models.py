"""A municipality's collaboration trajectory: its intake agreements, phases and checklists."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from daadkracht.common.concurrency import VersionedModel
from daadkracht.common.dates import validate_plausible_date
from daadkracht.common.models import TimeStampedModel
from daadkracht.tenancy.scoping import TenantModel


class PhaseKind(models.TextChoices):
    """The phases of the trajectory, in their order."""

    INTAKE = "intake", _("Intake")
    DIAGNOSIS = "diagnosis", _("Diagnosis of the collaboration")
    WORKSHOPS = "workshops", _("Workshops")
    PLAN = "plan", _("Plan of approach")
    METHODS = "methods", _("Carrying out the chosen methods")
    EVALUATION = "evaluation", _("Evaluation and adjusting")


class PhaseState(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    UNDER_WAY = "under_way", _("under way")
    DONE = "done", _("done")


class Party(models.TextChoices):
    """Who carries a phase or a checklist item."""

    MUNICIPALITY = "municipality", _("municipality")
    COACH = "coach", _("coach")


class Trajectory(TenantModel, VersionedModel, TimeStampedModel):
    """The one trajectory of a municipality, with the agreements made at the intake."""

    started_on = models.DateField(_("start date"), validators=[validate_plausible_date])
    course = models.TextField(
        _("course of the support"),
        blank=True,
        help_text=_("How the support goes: which steps, with whom, how often you meet."),
    )
    timing = models.TextField(
        _("timing"), blank=True, help_text=_("When the steps take place and when it ends.")
    )
    task_division = models.TextField(
        _("division of tasks"),
        blank=True,
        help_text=_("What the municipality does and what the coach does."),
    )
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("contact person"),
        help_text=_("The one member the coach turns to for everything about the trajectory."),
    )
    alderman = models.CharField(
        _("alderman responsible"),
        max_length=200,
        blank=True,
        help_text=_("The alderman who answers for the trajectory in the executive board."),
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("started by"),
    )

    class Meta(TenantModel.Meta):
        verbose_name = _("trajectory")
        verbose_name_plural = _("trajectories")
        constraints = [
            models.UniqueConstraint(fields=["municipality"], name="trajectory_one_per_municipality")
        ]

    def __str__(self) -> str:
        return str(_("Collaboration trajectory"))


class Phase(TenantModel, VersionedModel, TimeStampedModel):
    """One phase of the trajectory, with its planned dates, who carries it and its state."""

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.CASCADE, related_name="phases", verbose_name=_("trajectory")
    )
    kind = models.CharField(_("phase"), max_length=20, choices=PhaseKind.choices, editable=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0, editable=False)
    planned_start = models.DateField(
        _("planned start"), null=True, blank=True, validators=[validate_plausible_date]
    )
    planned_end = models.DateField(
        _("planned end"), null=True, blank=True, validators=[validate_plausible_date]
    )
    owner = models.CharField(
        _("carried by"), max_length=20, choices=Party.choices, default=Party.MUNICIPALITY
    )
    state = models.CharField(
        _("state"), max_length=20, choices=PhaseState.choices, default=PhaseState.NOT_STARTED
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta(TenantModel.Meta):
        ordering = ["position", "id"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [
            models.UniqueConstraint(fields=["trajectory", "kind"], name="phase_unique_kind")
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class ChecklistItem(TenantModel, VersionedModel, TimeStampedModel):
    """Something to do in a phase, or one of the municipality's own responsibilities for the
    whole trajectory (no phase)."""

    trajectory = models.ForeignKey(
        Trajectory,
        on_delete=models.CASCADE,
        related_name="checklist_items",
        verbose_name=_("trajectory"),
    )
    phase = models.ForeignKey(
        Phase,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("phase"),
    )
    # Set for the responsibilities every trajectory starts with, empty for items of one's own.
    key = models.SlugField(_("key"), max_length=40, blank=True, editable=False)
    text = models.CharField(_("what"), max_length=300)
    owner = models.CharField(
        _("who"), max_length=20, choices=Party.choices, default=Party.MUNICIPALITY
    )
    due_date = models.DateField(
        _("due date"), null=True, blank=True, validators=[validate_plausible_date]
    )
    done_at = models.DateTimeField(_("done on"), null=True, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0, editable=False)

    class Meta(TenantModel.Meta):
        ordering = ["position", "id"]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        indexes = [models.Index(fields=["municipality", "done_at", "due_date"])]

    def __str__(self) -> str:
        return self.text

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_overdue(self, today: date) -> bool:
        return not self.is_done and self.due_date is not None and self.due_date < today


# --- The administrative collaboration model -------------------------------------------------


class ReportingRhythm(models.TextChoices):
    """How often the executive board and the council hear how the climate plan goes."""

    MONTHLY = "monthly", _("every month")
    QUARTERLY = "quarterly", _("every quarter")
    HALF_YEARLY = "half_yearly", _("every six months")
    YEARLY = "yearly", _("every year")


class MeetingFrequency(models.TextChoices):
    WEEKLY = "weekly", _("every week")
    FORTNIGHTLY = "fortnightly", _("every two weeks")
    MONTHLY = "monthly", _("every month")
    QUARTERLY = "quarterly", _("every quarter")
    HALF_YEARLY = "half_yearly", _("every six months")
    YEARLY = "yearly", _("every year")
    AS_NEEDED = "as_needed", _("when needed")


class BodyKind(models.TextChoices):
    CLIMATE_TEAM = "climate_team", _("climate team")
    STEERING_GROUP = "steering_group", _("steering group")
    MANAGEMENT_TEAM = "management_team", _("management team")
    WORKING_GROUP = "working_group", _("working group")
    OTHER = "other", _("other")


class CollaborationModel(TenantModel, VersionedModel, TimeStampedModel):
    """How the administration works together on the climate plan: who coordinates, which
    bodies meet, and how decisions reach the executive board. One per municipality."""

    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("coordinator"),
        help_text=_("The member who coordinates the climate work across the departments."),
    )
    coordinating_department = models.ForeignKey(
        "tenancy.Department",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("coordinating department"),
    )
    mandate = models.TextField(
        _("mandate of the coordinator"),
        blank=True,
        help_text=_(
            "What the coordinator may decide or ask of the departments, and what goes higher up."
        ),
    )
    decision_route = models.TextField(
        _("route of a decision"),
        blank=True,
        help_text=_(
            "The steps a proposal takes until the executive board decides, one step per line, "
            "for example: climate team, steering group, executive board."
        ),
    )
    reporting_rhythm = models.CharField(
        _("reporting to the executive board and the council"),
        max_length=20,
        choices=ReportingRhythm.choices,
        blank=True,
    )
    reporting_note = models.CharField(
        _("how the reporting goes"),
        max_length=300,
        blank=True,
        help_text=_("For example: a note to the executive board, a yearly report to the council."),
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta(TenantModel.Meta):
        verbose_name = _("collaboration model")
        verbose_name_plural = _("collaboration models")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality"], name="collaboration_model_one_per_municipality"
            )
        ]

    def __str__(self) -> str:
        return str(_("Administrative collaboration model"))

    @property
    def route_steps(self) -> list[str]:
        return [line.strip() for line in self.decision_route.splitlines() if line.strip()]


class CollaborationBody(TenantModel, TimeStampedModel):
    """A team or body of the collaboration model: who takes part, how often it meets and
    what it decides."""

    collaboration_model = models.ForeignKey(
        CollaborationModel,
        on_delete=models.CASCADE,
        related_name="bodies",
        verbose_name=_("collaboration model"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=BodyKind.choices, default=BodyKind.CLIMATE_TEAM
    )
    climate_team = models.ForeignKey(
        "meetings.ClimateTeam",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("climate team on the platform"),
    )
    chair = models.CharField(_("chair"), max_length=200, blank=True)
    frequency = models.CharField(
        _("meets"), max_length=20, choices=MeetingFrequency.choices, blank=True
    )
    frequency_note = models.CharField(
        _("when exactly"),
        max_length=200,
        blank=True,
        help_text=_("For example: the first Tuesday of the month."),
    )
    participants = models.TextField(_("who takes part"), blank=True)
    decides = models.TextField(_("what it decides"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0, editable=False)

    belongs_to = "collaboration_model"

    class Meta(TenantModel.Meta):
        ordering = ["position", "id"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")

    def __str__(self) -> str:
        return self.name


class ClimateContactName(TenantModel, TimeStampedModel):
    """The climate contact of a department who has no account on the platform. A member who
    is the contact is named on the department itself (`Department.climate_contact`)."""

    department = models.OneToOneField(
        "tenancy.Department",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("department"),
    )
    name = models.CharField(_("name"), max_length=200)

    belongs_to = "department"

    class Meta(TenantModel.Meta):
        verbose_name = _("climate contact without an account")
        verbose_name_plural = _("climate contacts without an account")

    def __str__(self) -> str:
        return self.name


class PlanStatus(models.TextChoices):
    """Where the plan of approach stands with the executive board."""

    DRAFT = "draft", _("draft")
    PRESENTED = "presented", _("presented to the executive board")
    APPROVED = "approved", _("approved by the executive board")


class PlanOfApproach(TenantModel, VersionedModel, TimeStampedModel):
    """The plan of approach the coach and the municipality write after the diagnosis and the
    workshops: which methods they carry out and why, and who answers for what."""

    trajectory = models.OneToOneField(
        Trajectory,
        on_delete=models.CASCADE,
        related_name="plan_of_approach",
        verbose_name=_("trajectory"),
        editable=False,
    )
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Why the municipality takes this trajectory, in a few sentences."),
    )
    aim = models.TextField(
        _("aim"),
        blank=True,
        help_text=_(
            "What the departments should be doing differently when the plan is carried out."
        ),
    )
    coach_responsibilities = models.TextField(
        _("what the coach takes care of"),
        blank=True,
        help_text=_(
            "The municipality's own responsibilities come from the trajectory's checklist."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    approved_on = models.DateField(
        _("approved by the executive board on"),
        null=True,
        blank=True,
        validators=[validate_plausible_date],
    )

    class Meta(TenantModel.Meta):
        verbose_name = _("plan of approach")
        verbose_name_plural = _("plans of approach")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality"], name="plan_of_approach_one_per_municipality"
            )
        ]

    def __str__(self) -> str:
        return str(_("Plan of approach"))


class ChosenMethod(TenantModel, VersionedModel, TimeStampedModel):
    """A method of the catalogue the plan of approach carries out, and why it was chosen."""

    plan = models.ForeignKey(
        PlanOfApproach,
        on_delete=models.CASCADE,
        related_name="chosen_methods",
        verbose_name=_("plan of approach"),
        editable=False,
    )
    method = models.ForeignKey(
        "meetings.Method",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("method"),
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_(
            "Optional, when the method is used more than once: e.g. climate team buildings."
        ),
    )
    reason = models.TextField(_("why this method"), blank=True)
    finding = models.TextField(
        _("finding of the diagnosis it answers"),
        blank=True,
        help_text=_("E.g. the departments of mobility and public works hardly work together."),
    )
    period = models.CharField(
        _("when"), max_length=120, blank=True, help_text=_("E.g. October 2026 or spring 2027.")
    )
    lead = models.CharField(
        _("led by"), max_length=20, choices=Party.choices, default=Party.MUNICIPALITY
    )
    position = models.PositiveIntegerField(_("position"), default=0, editable=False)

    belongs_to = "plan"

    class Meta(TenantModel.Meta):
        ordering = ["position", "id"]
        verbose_name = _("chosen method")
        verbose_name_plural = _("chosen methods")

    def __str__(self) -> str:
        return self.title or str(self.method)
