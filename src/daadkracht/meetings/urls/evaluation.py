"""Public URL of a meeting's evaluation: a participant answers with a signed link."""

from django.urls import path

from daadkracht.meetings import respondent

app_name = "evaluation"

urlpatterns = [
    path("<str:token>/", respondent.answer, name="answer"),
]
