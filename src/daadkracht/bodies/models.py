"""The governance bodies of the local network and who sits in them.

A light structure, as Bruges' climate alliance has it: a policy group (the responsible aldermen,
the intermunicipal partnerships, the port, the grid operator and a delegate of the sounding
board), a sounding board of local experts, thematic climate workbenches and an open network.
A membership runs from a day until a day, so that past composition stays visible; a member of
one body can be delegated to another. Meetings of a body are the meetings app's meetings,
linked through `BodyMeeting`.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from daadkracht.access.reach import declare, portal
from daadkracht.common.concurrency import VersionedModel
from daadkracht.common.models import TimeStampedModel
from daadkracht.tenancy.scoping import TenantModel


class BodyKind(models.TextChoices):
    POLICY_GROUP = "policy_group", _("policy group")
    SOUNDING_BOARD = "sounding_board", _("sounding board")
    WORKBENCH = "workbench", _("climate workbench")
    OPEN_NETWORK = "open_network", _("Open Network")
    OTHER = "other", _("other body")


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("chair")
    MEMBER = "member", _("member")
    OBSERVER = "observer", _("observer")
    SECRETARY = "secretary", _("secretary")
    DELEGATE = "delegate", _("delegate")


class GovernanceBody(TenantModel, VersionedModel, TimeStampedModel):
    """A body of the network's structure: who sits in it, what it decides or advises on."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=BodyKind.choices)
    mandate = models.TextField(_("mandate"), blank=True)
    themes = models.ManyToManyField(
        "plans.Theme",
        through="BodyTheme",
        blank=True,
        related_name="governance_bodies",
        verbose_name=_("themes"),
    )
    meets = models.CharField(_("how often it meets"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    # In the stakeholder portal: the bodies the stakeholder (or their organisation) sits in now.
    read_access = declare(stakeholder=portal("bodies.GovernanceBody"))

    class Meta(TenantModel.Meta):
        ordering = ["name", "id"]
        verbose_name = _("governance body")
        verbose_name_plural = _("governance bodies")
        indexes = [models.Index(fields=["municipality", "kind"], name="body_kind")]

    def __str__(self) -> str:
        return self.name


class BodyTheme(TenantModel):
    """A theme a body works on (a workbench has at least one)."""

    body = models.ForeignKey(GovernanceBody, on_delete=models.CASCADE, related_name="theme_links")
    theme = models.ForeignKey("plans.Theme", on_delete=models.CASCADE, related_name="body_links")

    belongs_to = "body"

    class Meta(TenantModel.Meta):
        verbose_name = _("theme of a body")
        verbose_name_plural = _("themes of bodies")
        constraints = [models.UniqueConstraint(fields=["body", "theme"], name="body_theme_unique")]

    def __str__(self) -> str:
        return f"{self.body_id} → {self.theme_id}"


class BodyMembership(TenantModel, TimeStampedModel):
    """A person or an organisation sitting in a body, in a role, from a day until a day."""

    body = models.ForeignKey(
        GovernanceBody,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("body"),
    )
    contact = models.ForeignKey(
        "stakeholders.Contact",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="body_memberships",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        "stakeholders.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="body_memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    delegated_to = models.ForeignKey(
        GovernanceBody,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegations_in",
        verbose_name=_("delegated to"),
    )

    belongs_to = "body"
    # In the stakeholder portal: their own seats only, not who else sits in the body.
    read_access = declare(stakeholder=portal("bodies.BodyMembership"))

    class Meta(TenantModel.Meta):
        ordering = ["starts_on", "id"]
        verbose_name = _("membership of a body")
        verbose_name_plural = _("memberships of bodies")
        constraints = [
            models.CheckConstraint(
                condition=(Q(contact__isnull=False) & Q(organisation__isnull=True))
                | (Q(contact__isnull=True) & Q(organisation__isnull=False)),
                name="body_membership_person_or_organisation",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="body_membership_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.body_id}: {self.get_role_display()}"

    @property
    def member_organisation(self):  # type: ignore[no-untyped-def]
        """The organisation the member sits for: their own, or the person's."""
        if self.organisation_id is not None:
            return self.organisation
        return self.contact.organisation if self.contact is not None else None


class BodyMeeting(TenantModel):
    """A meeting of the meetings app held by a body: its agenda, notes and decisions (the
    minutes), attendance and invitations stay the meeting's."""

    body = models.ForeignKey(GovernanceBody, on_delete=models.CASCADE, related_name="meeting_links")
    meeting = models.OneToOneField(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="body_link"
    )

    belongs_to = "body"
    read_access = declare(stakeholder=portal("bodies.GovernanceBody", "body_id"))

    class Meta(TenantModel.Meta):
        verbose_name = _("meeting of a body")
        verbose_name_plural = _("meetings of bodies")

    def __str__(self) -> str:
        return f"{self.body_id} → {self.meeting_id}"
