"""Public URLs of workshop rounds: participants join with the round's secret code, no log-in."""

from django.urls import path

from daadkracht.prioritisation.views import workshop

app_name = "workshop"

urlpatterns = [
    path("", workshop.workshop_enter, name="enter"),
    path("<str:join_code>/", workshop.workshop_join, name="join"),
    path("<str:join_code>/scoren/", workshop.workshop_score, name="score"),
]
