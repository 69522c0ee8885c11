"""App configuration for the Open Network: anyone may join the municipality's climate network."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "daadkracht.network"
    label = "network"
    verbose_name = _("Open Network")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from daadkracht.network.signals import forget_erased_member

        post_save.connect(
            forget_erased_member, sender="stakeholders.Contact", dispatch_uid="network_erased"
        )
