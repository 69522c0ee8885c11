"""App configuration for tenancy."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenancyConfig(AppConfig):
    name = "daadkracht.tenancy"
    label = "tenancy"
    verbose_name = _("Municipalities")
