"""An adoption: a municipality copied another's practice into its own plan as an action."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from daadkracht.access.reach import declare
from daadkracht.tenancy.scoping import TenantModel


class Adoption(TenantModel):
    """The adopting municipality's row: which practice inspired which of its actions."""

    # The practice is another municipality's: read through its own (shared) reach.
    practice = models.ForeignKey(
        "practices.Practice", on_delete=models.CASCADE, related_name="adoptions"
    )
    action = models.ForeignKey(
        "plans.Action",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adopted_from",
        verbose_name=_("action"),
    )
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("adopted by"),
    )
    adopted_at = models.DateTimeField(_("adopted"), auto_now_add=True)

    read_access = declare()

    class Meta(TenantModel.Meta):
        verbose_name = _("adoption of a practice")
        verbose_name_plural = _("adoptions of practices")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "practice"], name="adoption_once_per_municipality"
            )
        ]
