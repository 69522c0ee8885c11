"""URLs of the climate plan inside a municipality, one module per area."""

from daadkracht.plans.urls import (
    action_detail,
    action_list,
    plan_settings,
    spreadsheets,
)

app_name = "plans"

urlpatterns = [
    *action_list.urlpatterns,
    *action_detail.urlpatterns,
    *plan_settings.urlpatterns,
    *spreadsheets.urlpatterns,
]
