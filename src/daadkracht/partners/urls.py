"""URLs of an action's partners (`…/plan/acties/<pk>/partners/`)."""

from django.urls import URLPattern, path

from daadkracht.partners import views

app_name = "partners"

urlpatterns: list[URLPattern] = [
    path("nieuw/", views.partner_add, name="add"),
    path("<int:link>/verwijderen/", views.partner_remove, name="remove"),
]
