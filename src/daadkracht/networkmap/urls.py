"""URLs of the network map (`…/netwerk/kaart/`)."""

from django.urls import URLPattern, path

from daadkracht.networkmap import views

app_name = "networkmap"

urlpatterns: list[URLPattern] = [
    path("", views.network_map_page, name="map"),
]
