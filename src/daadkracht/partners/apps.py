"""App configuration for partners: external organisations on the plan's actions."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "daadkracht.partners"
    label = "partners"
    verbose_name = _("Partners on actions")

    def ready(self) -> None:
        from daadkracht.partners.importing import partners_apply, partners_check
        from daadkracht.partners.selectors import partner_names_by_action
        from daadkracht.plans.spreadsheets.extras import register_import_extra
        from daadkracht.plans.spreadsheets.records import register_record_extra

        # The action export writes each action's partners in its "Partners" column, and the
        # action import reads them back from it.
        register_record_extra("partners", partner_names_by_action)
        register_import_extra("partners", partners_check, partners_apply)
