"""URLs of the messages to the network (`…/netwerk/berichten/`)."""

from django.urls import URLPattern, path

from daadkracht.messaging import views

app_name = "messaging"

urlpatterns: list[URLPattern] = [
    path("", views.message_index, name="list"),
    path("nieuw/", views.message_compose, name="compose"),
    path("adressenlijst/", views.mailing_list, name="mailing_list"),
    path("<int:pk>/", views.message_detail, name="detail"),
]
