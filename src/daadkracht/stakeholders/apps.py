"""App configuration for stakeholders: organisations, contact persons and their consents."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StakeholdersConfig(AppConfig):
    name = "daadkracht.stakeholders"
    label = "stakeholders"
    verbose_name = _("Stakeholders")
