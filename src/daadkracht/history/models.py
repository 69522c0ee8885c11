"""An audit entry per change, and the people and objects each entry mentions, by id."""

from enum import StrEnum

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from daadkracht.tenancy.scoping import OptionalTenantModel


class AuditAction(models.TextChoices):
    CREATED = "created", _("created")
    UPDATED = "updated", _("changed")
    DELETED = "deleted", _("moved to the trash")
    RESTORED = "restored", _("restored")
    REMOVED = "removed", _("removed")


class Shown(StrEnum):
    """How the history shows the values of a field whose stored text is not readable as is.

    A model declares them as `history_shown = {"field": Shown.MONEY}`.
    """

    MONEY = "money"  # € 1.250.000 (cents only when there are any)
    SCORE = "score"  # 4 out of 5
    NUMBER = "number"  # 1,5 rather than 1,50


class ChangeSource(models.TextChoices):
    """Where a change was made."""

    FORM = "form", _("form")
    UPDATE = "update", _("status update")
    BOARD = "board", _("board")
    IMPORT = "import", _("import")
    API = "api", _("API")


class AuditEntry(OptionalTenantModel):
    """One change: who made it, when, to which object, and the old and new value per field.

    Values are stored as they were displayed, so that the entry stays readable after a related
    object is renamed or gone; the ids behind them are kept in `references`. Changes to shared
    and platform data are entries of no municipality.
    """

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
    # Empty for the entries written before the source was recorded.
    source = models.CharField(_("source"), max_length=20, choices=ChangeSource.choices, blank=True)

    class Meta(OptionalTenantModel.Meta):
        ordering = ["-created_at", "-id"]
        verbose_name = _("history entry")
        verbose_name_plural = _("history entries")
        indexes = [models.Index(fields=["municipality", "content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.object_repr}: {self.get_action_display()}"

    @property
    def via(self) -> str:
        """Where the change was made ("via the board"), in the active language; empty for the
        entries written before the source was recorded."""
        phrases = {
            ChangeSource.FORM: gettext("via a form"),
            ChangeSource.UPDATE: gettext("via a status update"),
            ChangeSource.BOARD: gettext("via the board"),
            ChangeSource.IMPORT: gettext("via an import"),
            ChangeSource.API: gettext("via the API"),
        }
        return phrases.get(ChangeSource(self.source), "") if self.source else ""


class MentionRole(models.TextChoices):
    """How an entry mentions a person or object."""

    OBJECT = "object", _("changed object")
    ACTOR = "actor", _("who")
    OLD = "old", _("old value")
    NEW = "new", _("new value")


class AuditReference(OptionalTenantModel):
    """A person or object an entry mentions, by content type and id, so that it can be found
    after its name changed or it is gone; of the entry's municipality, scoped as its entry."""

    entry = models.ForeignKey(
        AuditEntry, on_delete=models.CASCADE, related_name="references", verbose_name=_("entry")
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    # "" for the changed object itself and for the actor; the field's name for a related object.
    field_name = models.CharField(_("field"), max_length=100, blank=True)
    role = models.CharField(_("role"), max_length=10, choices=MentionRole.choices)

    class Meta(OptionalTenantModel.Meta):
        verbose_name = _("history reference")
        verbose_name_plural = _("history references")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} ({self.role})"
