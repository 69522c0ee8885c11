"""An audit entry per change to a tenant object."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from daadkracht.tenancy.scoping import TenantModel


class AuditAction(models.TextChoices):
    CREATED = "created", _("created")
    UPDATED = "updated", _("changed")
    DELETED = "deleted", _("moved to the trash")
    RESTORED = "restored", _("restored")
    REMOVED = "removed", _("removed")


class AuditEntry(TenantModel):
    """One change: who made it, when, to which object, and the old and new value per field."""

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(_("object"), max_length=200)
    action = models.CharField(_("what"), max_length=20, choices=AuditAction.choices)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta(TenantModel.Meta):
        ordering = ["-created_at", "-id"]
        verbose_name = _("history entry")
        verbose_name_plural = _("history entries")
        indexes = [models.Index(fields=["municipality", "content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.object_repr}: {self.get_action_display()}"
