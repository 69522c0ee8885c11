"""What a new plan starts with: the default status list and prioritisation criteria."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from daadkracht.plans.models import StatusCategory

# (name, category, colour)
DEFAULT_STATUSES = [
    (_("not started"), StatusCategory.NOT_STARTED, "#5c6670"),
    (_("in preparation"), StatusCategory.ACTIVE, "#1f6fb5"),
    (_("on track"), StatusCategory.ACTIVE, "#1d7a46"),
    (_("delayed"), StatusCategory.DELAYED, "#b3261e"),
    (_("completed"), StatusCategory.DONE, "#0b5d3b"),
    (_("postponed"), StatusCategory.PAUSED, "#8a5a00"),
    (_("cancelled"), StatusCategory.CANCELLED, "#6b6b6b"),
]

# (key, name, what a high score means, weight)
DEFAULT_CRITERIA = [
    ("co2_impact", _("CO2 impact"), _("Avoids many tonnes of CO2 per year."), Decimal(3)),
    (
        "cost_per_tonne",
        _("Cost per tonne"),
        _("Little money per tonne of CO2 avoided."),
        Decimal(2),
    ),
    (
        "feasibility",
        _("Feasibility"),
        _("Can be done with the people and means at hand."),
        Decimal(2),
    ),
    (
        "co_benefits",
        _("Co-benefits"),
        _("Also improves health, nature, jobs or energy bills."),
        Decimal(1),
    ),
    (
        "political_support",
        _("Political support"),
        _("The executive board stands behind it."),
        Decimal(1),
    ),
    ("urgency", _("Urgency"), _("Waiting makes it harder or more expensive."), Decimal(1)),
]
