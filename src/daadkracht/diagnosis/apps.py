"""App configuration for the collaboration diagnosis."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiagnosisConfig(AppConfig):
    name = "daadkracht.diagnosis"
    label = "diagnosis"
    verbose_name = _("Collaboration diagnosis")
