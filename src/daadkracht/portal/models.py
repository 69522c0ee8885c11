"""The limited portal for members of the network's bodies, and the updates they propose.

A contact person who sits in a body (themselves or through their organisation) can be given a
portal account: a user linked to the contact by `PortalAccess`, never a membership of the
municipality. In the portal they see their bodies, those bodies' meetings and the actions their
organisation partners in, and propose an update to such an action; the action's lead department
accepts it onto the timeline or declines it with a reason.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from daadkracht.access.reach import GRANTED, declare, portal
from daadkracht.common.models import TimeStampedModel
from daadkracht.tenancy.scoping import TenantModel

PROPOSAL_MAX_LENGTH = 2000
REASON_MAX_LENGTH = 1000


class PortalAccess(TenantModel, TimeStampedModel):
    """A contact person's account for the portal: invited, accepted, perhaps revoked."""

    contact = models.ForeignKey(
        "stakeholders.Contact",
        on_delete=models.CASCADE,
        related_name="portal_accesses",
        verbose_name=_("person"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="portal_accesses",
        verbose_name=_("account"),
    )
    email = models.EmailField(_("e-mail address"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    invited_at = models.DateTimeField(_("invited"), default=timezone.now)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    belongs_to = "contact"
    # The invitation link opens this one access; in the portal, the visitor reads their own.
    read_access = declare(stakeholder=portal("portal.PortalAccess"), signed_link=GRANTED)

    class Meta(TenantModel.Meta):
        ordering = ["-invited_at", "-id"]
        verbose_name = _("portal access")
        verbose_name_plural = _("portal accesses")
        constraints = [
            models.UniqueConstraint(
                fields=["contact"],
                condition=Q(revoked_at__isnull=True),
                name="portal_access_one_open_per_contact",
            )
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def is_active(self) -> bool:
        return self.accepted_at is not None and self.revoked_at is None

    @property
    def is_open(self) -> bool:
        """Invited, not yet accepted and not revoked: the invitation link still works."""
        return self.accepted_at is None and self.revoked_at is None


class Decision(models.TextChoices):
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")


class UpdateProposal(TenantModel, TimeStampedModel):
    """An update to an action proposed in the portal, waiting for the lead department."""

    action = models.ForeignKey(
        "plans.Action", on_delete=models.CASCADE, related_name="proposals", verbose_name=_("action")
    )
    contact = models.ForeignKey(
        "stakeholders.Contact",
        on_delete=models.SET_NULL,
        null=True,
        related_name="proposals",
        verbose_name=_("proposed by"),
    )
    # The name as it was when proposed, kept for the timeline (blanked when the person is erased).
    proposer_name = models.CharField(_("proposed by"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "stakeholders.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
        verbose_name=_("organisation"),
    )
    text = models.TextField(_("proposed update"), max_length=PROPOSAL_MAX_LENGTH)
    suggested_status = models.ForeignKey(
        "plans.ActionStatus",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("suggested status"),
    )
    suggested_progress = models.PositiveSmallIntegerField(
        _("suggested progress (%)"), null=True, blank=True
    )
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(_("reason"), max_length=REASON_MAX_LENGTH, blank=True)
    update = models.OneToOneField(
        "plans.StatusUpdate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposal",
        verbose_name=_("timeline entry"),
    )

    belongs_to = "action"
    read_access = declare(stakeholder=portal("stakeholders.Contact", "contact_id"))

    class Meta(TenantModel.Meta):
        ordering = ["-created_at", "-id"]
        verbose_name = _("proposed update")
        verbose_name_plural = _("proposed updates")
        indexes = [models.Index(fields=["municipality", "decision"], name="proposal_decision")]

    def __str__(self) -> str:
        return f"{self.action_id}: {self.text[:40]}"

    @property
    def is_pending(self) -> bool:
        return self.decided_at is None
