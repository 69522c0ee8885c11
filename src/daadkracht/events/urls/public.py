"""Public: the registration page of an event, and cancelling with the link in the mail."""

from django.urls import URLPattern, path

from daadkracht.events.views import public

app_name = "event_public"

urlpatterns: list[URLPattern] = [
    path("annuleren/<str:token>/", public.cancel, name="cancel"),
    path("<slug:town>/<int:pk>/", public.register, name="register"),
]
