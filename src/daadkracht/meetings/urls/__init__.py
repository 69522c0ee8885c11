"""URLs of a municipality's meetings (`…/overleg/`) and the methods catalogue."""

from django.urls import URLPattern, path

from daadkracht.meetings.views import evaluations, meeting_actions, meetings, methods, teams

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
    path("<int:pk>/nieuwe-actie/", meeting_actions.meeting_action_new, name="action_create"),
    path("<int:pk>/evaluatie/", evaluations.evaluation_send, name="evaluation_send"),
    path("<int:pk>/evaluatie/sluiten/", evaluations.evaluation_close, name="evaluation_close"),
    path("klimaatteams/", teams.teams, name="teams"),
    path("klimaatteams/nieuw/", teams.team_create, name="team_create"),
    path("klimaatteams/<int:pk>/", teams.team_detail, name="team"),
    path("klimaatteams/<int:pk>/bewerken/", teams.team_edit, name="team_edit"),
    path("klimaatteams/<int:pk>/leden/", teams.team_member_add, name="team_member_add"),
    path(
        "klimaatteams/<int:pk>/leden/<int:member>/verwijderen/",
        teams.team_member_remove,
        name="team_member_remove",
    ),
    path("methodieken/", methods.catalogue, name="catalogue"),
    path("methodieken/<slug:key>/", methods.method_detail, name="method"),
]
