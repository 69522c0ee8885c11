"""The Covenant of Mayors classification of mitigation and adaptation actions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    MUNICIPAL = "municipal", _("municipal buildings, equipment and facilities")
    TERTIARY = "tertiary", _("tertiary buildings, equipment and facilities")
    RESIDENTIAL = "residential", _("residential buildings")
    PUBLIC_LIGHTING = "public_lighting", _("public lighting")
    INDUSTRY = "industry", _("industry (non-ETS)")
    TRANSPORT = "transport", _("transport")
    ELECTRICITY = "electricity", _("local electricity production")
    HEAT = "heat", _("local heat and cold production")
    WASTE = "waste", _("waste and wastewater")
    AGRICULTURE = "agriculture", _("agriculture")
    OTHER = "other", _("other")


class AreaOfIntervention(models.TextChoices):
    ENVELOPE = "envelope", _("building envelope")
    RENEWABLE_HEATING = "renewable_heating", _("renewable energy for heating and hot water")
    EFFICIENT_HEATING = "efficient_heating", _("energy efficiency of heating and hot water")
    LIGHTING = "lighting", _("energy-efficient lighting")
    APPLIANCES = "appliances", _("energy-efficient appliances")
    INTEGRATED = "integrated", _("integrated action")
    BEHAVIOUR = "behaviour", _("behavioural change")
    CLEAN_VEHICLES = "clean_vehicles", _("cleaner and more efficient vehicles")
    ELECTRIC_VEHICLES = "electric_vehicles", _("electric vehicles and charging")
    WALKING_CYCLING = "walking_cycling", _("modal shift to walking and cycling")
    PUBLIC_TRANSPORT = "public_transport", _("modal shift to public transport")
    SHARING = "sharing", _("car sharing and pooling")
    LOGISTICS = "logistics", _("improved logistics")
    LAND_USE = "land_use", _("mixed use and containing sprawl")
    PHOTOVOLTAICS = "photovoltaics", _("photovoltaics")
    WIND = "wind", _("wind power")
    HEAT_NETWORK = "heat_network", _("district heating and cooling")
    CHP = "chp", _("combined heat and power")
    GREEN_BLUE = "green_blue", _("green and blue infrastructure")
    OTHER = "other", _("other")


class PolicyInstrument(models.TextChoices):
    AWARENESS = "awareness", _("awareness raising and training")
    ENERGY_MANAGEMENT = "energy_management", _("energy management")
    CERTIFICATION = "certification", _("energy certification and labelling")
    SUBSIDIES = "subsidies", _("grants and subsidies")
    THIRD_PARTY = "third_party", _("third-party financing, public-private partnerships")
    PROCUREMENT = "procurement", _("public procurement")
    BUILDING_STANDARDS = "building_standards", _("building standards")
    LAND_USE = "land_use", _("land use planning regulation")
    MOBILITY = "mobility", _("transport and mobility planning")
    TAXES = "taxes", _("energy and carbon taxes, road pricing")
    NOT_APPLICABLE = "not_applicable", _("not applicable")
    OTHER = "other", _("other")


class ActionKind(models.TextChoices):
    MITIGATION = "mitigation", _("mitigation")
    ADAPTATION = "adaptation", _("adaptation")
    BOTH = "both", _("mitigation and adaptation")


class CoBenefit(models.TextChoices):
    AIR_QUALITY = "air_quality", _("better air quality")
    HEALTH = "health", _("health")
    BIODIVERSITY = "biodiversity", _("biodiversity")
    ENERGY_POVERTY = "energy_poverty", _("less energy poverty")
    LOCAL_ECONOMY = "local_economy", _("local economy and jobs")
    WATER = "water", _("water management")
    LIVEABILITY = "liveability", _("liveable public space")
    COST_SAVINGS = "cost_savings", _("lower energy bills")
    SOCIAL_COHESION = "social_cohesion", _("social cohesion")
