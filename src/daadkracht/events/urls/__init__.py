"""URLs of a municipality's network events (`…/evenementen/`)."""

from django.urls import URLPattern, path

from daadkracht.events.views import events

app_name = "events"

urlpatterns: list[URLPattern] = [
    path("", events.events, name="list"),
    path("nieuw/", events.event_create, name="create"),
    path("<int:pk>/", events.event_detail, name="detail"),
    path("<int:pk>/bewerken/", events.event_edit, name="edit"),
    path("<int:pk>/annuleren/", events.event_cancel, name="cancel"),
    path("<int:pk>/inschrijven/", events.event_register, name="register"),
    path(
        "<int:pk>/inschrijvingen/<int:registration>/annuleren/",
        events.registration_cancel,
        name="registration_cancel",
    ),
    path("<int:pk>/aanwezigheid/", events.event_attendance, name="attendance"),
    path("<int:pk>/verslag/", events.event_report, name="report"),
    path("<int:pk>/agenda.ics", events.event_calendar, name="calendar"),
]
