"""A saved match of a spreadsheet's columns to action fields, for the next file like it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from daadkracht.common.models import TimeStampedModel
from daadkracht.tenancy.scoping import TenantModel


class ImportMapping(TenantModel, TimeStampedModel):
    """The fields chosen for the columns of a file, found again by its column names."""

    signature = models.CharField(max_length=64, editable=False)
    name = models.CharField(_("name"), max_length=200)
    header_row = models.PositiveIntegerField(_("row of column names"), default=1)
    headers = models.JSONField(default=list)
    keys = models.JSONField(default=list)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta(TenantModel.Meta):
        ordering = ["-updated_at"]
        verbose_name = _("column mapping")
        verbose_name_plural = _("column mappings")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "signature"], name="import_mapping_unique_signature"
            )
        ]

    def __str__(self) -> str:
        return self.name
