"""Public URL of the survey: a department's representative answers with a signed link."""

from django.urls import path

from daadkracht.diagnosis import respondent

app_name = "respondent"

urlpatterns = [
    path("<str:token>/", respondent.answer, name="answer"),
]
