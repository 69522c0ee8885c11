"""The criteria a new plan starts with; the figures suggest scores on two of them."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

CO2_KEY = "co2_impact"
COST_KEY = "cost_per_tonne"

# (key, name, what a high score means, weight)
DEFAULT_CRITERIA = [
    (CO2_KEY, _("CO2 impact"), _("Avoids many tonnes of CO2 per year."), Decimal(3)),
    (
        COST_KEY,
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
