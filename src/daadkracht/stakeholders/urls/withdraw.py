"""Public: a person withdraws a consent with the signed link in a mail."""

from django.urls import URLPattern, path

from daadkracht.stakeholders.views import withdraw

app_name = "network_link"

urlpatterns: list[URLPattern] = [
    path("<str:token>/", withdraw.withdraw, name="withdraw"),
]
