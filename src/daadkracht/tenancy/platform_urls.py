"""The platform administration's own pages, beside Django's admin under /beheer/."""

from django.urls import path

from daadkracht.tenancy import views

app_name = "platform"

urlpatterns = [
    path("gemeenten/nieuw/", views.municipality_create, name="municipality_create"),
    # Not `municipality`: that keyword makes the member middleware look for a membership.
    path(
        "gemeenten/<slug:address>/coordinator-uitnodigen/",
        views.coordinator_invite,
        name="coordinator_invite",
    ),
]
