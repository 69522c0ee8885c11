"""Public: anyone joins a municipality's Open Network, confirms by e-mail, or leaves it."""

from django.urls import URLPattern, path

from daadkracht.network.views import public

app_name = "open_network"

urlpatterns: list[URLPattern] = [
    path("bevestigen/<str:token>/", public.confirm, name="confirm"),
    path("<slug:slug>/", public.join, name="join"),
    path("<slug:slug>/verstuurd/", public.sent, name="sent"),
    path("<slug:slug>/welkom/", public.welcome, name="welcome"),
    path("<slug:slug>/uitschrijven/", public.leave, name="leave"),
    path("<slug:slug>/uitschrijven/verstuurd/", public.leave_sent, name="leave_sent"),
]
