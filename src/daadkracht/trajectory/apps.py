"""App configuration for the collaboration trajectory."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrajectoryConfig(AppConfig):
    name = "daadkracht.trajectory"
    label = "trajectory"
    verbose_name = _("Collaboration trajectory")
