"""Single-use links: the nonce of every link that has been used up."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UsedLink(models.Model):
    """A single-use link that has done its work; the same link cannot do it again."""

    purpose = models.CharField(_("purpose"), max_length=40)
    nonce = models.CharField(_("nonce"), max_length=40)
    used_at = models.DateTimeField(_("used at"), auto_now_add=True)

    class Meta:
        verbose_name = _("used link")
        verbose_name_plural = _("used links")
        constraints = [
            models.UniqueConstraint(fields=["purpose", "nonce"], name="used_link_unique_nonce")
        ]

    def __str__(self) -> str:
        return f"{self.purpose} {self.nonce}"
