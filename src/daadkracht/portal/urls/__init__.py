"""The stakeholder portal, under /<municipality>/portaal/ (its own entry point, no membership)."""

from django.urls import path

from daadkracht.portal.views import portal

app_name = "portal"

urlpatterns = [
    path("", portal.home, name="home"),
    path("vergaderingen/<int:pk>/", portal.meeting, name="meeting"),
    path("vergaderingen/<int:pk>/agenda.txt", portal.meeting_agenda, name="meeting_agenda"),
    path("acties/<int:pk>/", portal.action, name="action"),
]
