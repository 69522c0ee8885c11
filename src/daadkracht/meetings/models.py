"""Methods, meetings with their participants, and work agreements between departments."""

import secrets
from datetime import date, datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from daadkracht.access.reach import GRANTED, OWN, declare, portal
from daadkracht.common.concurrency import VersionedModel
from daadkracht.common.models import TimeStampedModel
from daadkracht.meetings.catalogue import MethodText, method_text
from daadkracht.plans.models import Action, StatusUpdate, Theme
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.scoping import TenantModel


class Method(models.Model):
    """A method of the catalogue, the same for every municipality; its texts are in
    `catalogue.METHODS`, translated."""

    key = models.SlugField(_("key"), max_length=40, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "key"]
        verbose_name = _("method")
        verbose_name_plural = _("methods")

    def __str__(self) -> str:
        text = self.text
        return str(text.name) if text else self.key

    @property
    def text(self) -> MethodText | None:
        return method_text(self.key)


class MeetingKind(models.TextChoices):
    METHOD = "method", _("method")
    INTAKE = "intake", _("intake")
    OTHER = "other", _("other meeting")


class Meeting(TenantModel, VersionedModel, TimeStampedModel):
    """A meeting of the municipality's departments: a method of the catalogue, the intake or
    another meeting."""

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=MeetingKind.choices)
    method = models.ForeignKey(
        Method,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("method"),
    )
    starts_at = models.DateTimeField(_("start"))
    ends_at = models.DateTimeField(_("end"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organiser"),
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # The iCalendar SEQUENCE: raised whenever an invitation's date, time or place changes.
    sequence = models.PositiveIntegerField(_("invitation revision"), default=0)
    team = models.ForeignKey(
        "ClimateTeam",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("climate team"),
    )

    # An evaluation link shows its meeting's title and date, nothing else of the municipality;
    # the stakeholder portal shows the meetings of the bodies the stakeholder sits in.
    read_access = declare(signed_link=OWN, stakeholder=portal("meetings.Meeting"))

    class Meta(TenantModel.Meta):
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return self.title

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    def type_label(self) -> str:
        if self.kind == MeetingKind.METHOD and self.method is not None:
            return str(self.method)
        return str(self.get_kind_display())


class MeetingDepartment(TenantModel):
    """A department taking part in a meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="department_links")
    department = models.ForeignKey(
        Department, on_delete=models.CASCADE, related_name="meeting_links"
    )

    belongs_to = "meeting"

    class Meta(TenantModel.Meta):
        verbose_name = _("department of a meeting")
        verbose_name_plural = _("departments of meetings")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "department"], name="meeting_department_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id} → {self.department_id}"


class MeetingAttendee(TenantModel):
    """A member invited to a meeting, and whether they attended (known afterwards)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("participant"),
    )
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    belongs_to = "meeting"

    class Meta(TenantModel.Meta):
        verbose_name = _("participant of a meeting")
        verbose_name_plural = _("participants of meetings")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="meeting_attendee_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.meeting}"


class MeetingUpdate(TenantModel):
    """A status update or decision on an action's timeline, posted from a meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="update_links")
    update = models.OneToOneField(
        StatusUpdate, on_delete=models.CASCADE, related_name="meeting_link"
    )

    belongs_to = "meeting"

    class Meta(TenantModel.Meta):
        verbose_name = _("status update from a meeting")
        verbose_name_plural = _("status updates from meetings")

    def __str__(self) -> str:
        return f"{self.meeting_id} → {self.update_id}"


class MeetingAction(TenantModel):
    """An action of the plan created at a meeting."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="action_links")
    action = models.OneToOneField(Action, on_delete=models.CASCADE, related_name="meeting_link")

    belongs_to = "meeting"

    class Meta(TenantModel.Meta):
        verbose_name = _("action created at a meeting")
        verbose_name_plural = _("actions created at meetings")

    def __str__(self) -> str:
        return f"{self.action} ← {self.meeting}"


class AgreementStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    AGREED = "agreed", _("agreed")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    DROPPED = "dropped", _("dropped")


# Agreements that still ask for work: these can be late or due for review.
OPEN_AGREEMENT_STATUSES = (
    AgreementStatus.PROPOSED,
    AgreementStatus.AGREED,
    AgreementStatus.IN_PROGRESS,
)


class WorkAgreement(TenantModel, VersionedModel, TimeStampedModel):
    """A work agreement (werkafspraak) between two or more departments."""

    title = models.CharField(_("what"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    due_date = models.DateField(_("by when"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AgreementStatus.choices,
        default=AgreementStatus.PROPOSED,
    )
    review_date = models.DateField(_("next review"), null=True, blank=True)
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("made at meeting"),
    )
    team = models.ForeignKey(
        "ClimateTeam",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("climate team"),
    )
    actions = models.ManyToManyField(
        Action,
        through="WorkAgreementAction",
        related_name="work_agreements",
        blank=True,
        verbose_name=_("actions it serves"),
    )

    class Meta(TenantModel.Meta):
        ordering = ["due_date", "title"]
        verbose_name = _("work agreement")
        verbose_name_plural = _("work agreements")

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_AGREEMENT_STATUSES

    def is_overdue(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.is_open and self.due_date is not None and self.due_date < today

    def is_due_for_review(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.is_open and self.review_date is not None and self.review_date <= today


class WorkAgreementParty(TenantModel):
    """A department bound by a work agreement, and what it does for it."""

    agreement = models.ForeignKey(WorkAgreement, on_delete=models.CASCADE, related_name="parties")
    department = models.ForeignKey(
        Department,
        on_delete=models.CASCADE,
        related_name="agreement_parties",
        verbose_name=_("department"),
    )
    commitment = models.CharField(_("what the department does"), max_length=300, blank=True)

    belongs_to = "agreement"

    class Meta(TenantModel.Meta):
        ordering = ["department__name"]
        verbose_name = _("party to a work agreement")
        verbose_name_plural = _("parties to work agreements")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "department"], name="work_agreement_party_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.department} — {self.agreement}"


class WorkAgreementAction(TenantModel):
    """An action a work agreement serves."""

    agreement = models.ForeignKey(
        WorkAgreement, on_delete=models.CASCADE, related_name="action_links"
    )
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="agreement_links")

    belongs_to = "agreement"

    class Meta(TenantModel.Meta):
        verbose_name = _("action of a work agreement")
        verbose_name_plural = _("actions of work agreements")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "action"], name="work_agreement_action_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agreement_id} → {self.action_id}"


class ClimateTeam(TenantModel, VersionedModel, TimeStampedModel):
    """A standing team for one theme of the plan, with the heads and experts of the departments
    involved (the climate team method)."""

    name = models.CharField(_("name"), max_length=200)
    theme = models.ForeignKey(
        Theme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="climate_teams",
        verbose_name=_("theme"),
    )
    description = models.TextField(_("how the team works"), blank=True)

    class Meta(TenantModel.Meta):
        ordering = ["name"]
        verbose_name = _("climate team")
        verbose_name_plural = _("climate teams")

    def __str__(self) -> str:
        return self.name


class TeamRole(models.TextChoices):
    CHAIR = "chair", _("chair")
    MEMBER = "member", _("member")
    EXPERT = "expert", _("expert")


class ClimateTeamMember(TenantModel):
    """A member of a climate team, with their role, from when until when."""

    team = models.ForeignKey(ClimateTeam, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("person"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=TeamRole.choices, default=TeamRole.MEMBER
    )
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)

    belongs_to = "team"

    class Meta(TenantModel.Meta):
        ordering = ["role", "user__full_name"]
        verbose_name = _("member of a climate team")
        verbose_name_plural = _("members of climate teams")

    def __str__(self) -> str:
        return f"{self.user} — {self.team}"

    def is_current(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        started = self.starts_on is None or self.starts_on <= today
        return started and (self.ends_on is None or self.ends_on >= today)


def new_link_key() -> str:
    return secrets.token_urlsafe(12)


class MeetingEvaluation(TenantModel, TimeStampedModel):
    """The evaluation of a meeting by its participants: sent once it is over, open until the
    manager closes it or until `closes_at`."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="evaluation")
    sent_at = models.DateTimeField(_("sent"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"))
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    belongs_to = "meeting"
    # The link's page reads whether the evaluation is still open.
    read_access = declare(signed_link=OWN)

    class Meta(TenantModel.Meta):
        verbose_name = _("evaluation of a meeting")
        verbose_name_plural = _("evaluations of meetings")

    def __str__(self) -> str:
        return str(_("Evaluation: %(meeting)s") % {"meeting": self.meeting})

    def is_open(self, now: datetime | None = None) -> bool:
        return self.closed_at is None and (now or timezone.now()) < self.closes_at


class EvaluationResponse(TenantModel, TimeStampedModel):
    """One participant's evaluation of a meeting, given through their own signed link."""

    evaluation = models.ForeignKey(
        MeetingEvaluation, on_delete=models.CASCADE, related_name="responses"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("participant"),
    )
    # Part of every link; a new key makes the links sent before stop working.
    link_key = models.CharField(max_length=40, default=new_link_key, editable=False)
    # The answers by question key (`catalogue.evaluation_form`): text, a score 1 to 5 or a choice.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    belongs_to = "evaluation"
    # A link opens its own response only.
    read_access = declare(signed_link=GRANTED)

    class Meta(TenantModel.Meta):
        verbose_name = _("evaluation by a participant")
        verbose_name_plural = _("evaluations by participants")
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "user"], name="evaluation_response_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.evaluation_id} · {self.user_id}"
