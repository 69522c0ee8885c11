"""An external organisation of the network that works on an action, and in which role."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from daadkracht.access.reach import declare, portal
from daadkracht.common.models import TimeStampedModel
from daadkracht.plans.models import Action
from daadkracht.stakeholders.models import Organisation
from daadkracht.tenancy.scoping import TenantModel

NOTE_MAX_LENGTH = 200


class PartnerRole(models.TextChoices):
    LEAD_PARTNER = "lead_partner", _("lead partner")
    CO_FINANCER = "co_financer", _("co-financer")
    EXECUTOR = "executor", _("executor")
    SUPPORTER = "supporter", _("supporter")


class ActionPartner(TenantModel, TimeStampedModel):
    """An organisation on an action: the lead partner, a co-financer, who carries it out…"""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="partner_links")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="action_links"
    )
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices)
    note = models.CharField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)

    belongs_to = "action"
    # In the stakeholder portal: their organisation's own partnerships.
    read_access = declare(stakeholder=portal("partners.ActionPartner"))

    class Meta(TenantModel.Meta):
        ordering = ["action", "id"]
        verbose_name = _("partner on an action")
        verbose_name_plural = _("partners on actions")
        constraints = [
            models.UniqueConstraint(
                fields=["action", "organisation", "role"], name="action_partner_unique"
            )
        ]
        indexes = [models.Index(fields=["organisation", "action"], name="action_partner_org")]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()}) → {self.action}"
