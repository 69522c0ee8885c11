"""URLs of a municipality's meetings (`…/overleg/`) and the methods catalogue."""

from django.urls import URLPattern, path

from daadkracht.meetings.views import meetings, methods

app_name = "meetings"

urlpatterns: list[URLPattern] = [
    path("", meetings.meetings, name="list"),
    path("nieuw/", meetings.meeting_create, name="create"),
    path("<int:pk>/", meetings.meeting_detail, name="detail"),
    path("<int:pk>/bewerken/", meetings.meeting_edit, name="edit"),
    path("<int:pk>/annuleren/", meetings.meeting_cancel, name="cancel"),
    path("<int:pk>/aanwezigheid/", meetings.meeting_attendance, name="attendance"),
    path("<int:pk>/statusupdate/", meetings.meeting_update_post, name="update_post"),
    path("<int:pk>/agenda.ics", meetings.meeting_calendar, name="calendar"),
    path("methodieken/", methods.catalogue, name="catalogue"),
    path("methodieken/<slug:key>/", methods.method_detail, name="method"),
]
