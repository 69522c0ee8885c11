"""Public: a recipient unsubscribes with the signed link in a message."""

from django.urls import URLPattern, path

from daadkracht.messaging import views

app_name = "message_link"

urlpatterns: list[URLPattern] = [
    path("<str:token>/", views.unsubscribe, name="unsubscribe"),
]
