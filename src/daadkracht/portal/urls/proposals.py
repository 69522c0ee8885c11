"""For the lead departments: updates proposed in the portal, and deciding on one."""

from django.urls import path

from daadkracht.portal.views import members

app_name = "proposals"

urlpatterns = [
    path("", members.proposals, name="list"),
    path("<int:pk>/", members.decide, name="decide"),
]
