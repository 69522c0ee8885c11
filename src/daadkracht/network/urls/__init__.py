"""URLs of a municipality's Open Network for the coordinator (`…/open-netwerk/`)."""

from django.urls import URLPattern, path

from daadkracht.network.views import coordinator

app_name = "network"

urlpatterns: list[URLPattern] = [
    path("", coordinator.members, name="members"),
    path("pagina/", coordinator.page_edit, name="page_edit"),
]
