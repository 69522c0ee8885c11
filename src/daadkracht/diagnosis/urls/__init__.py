"""URLs of the collaboration diagnosis inside a municipality (`…/samenwerking/`)."""

from django.urls import URLPattern, path

from daadkracht.diagnosis import views

app_name = "diagnosis"

urlpatterns: list[URLPattern] = [
    path("", views.rounds, name="rounds"),
    path("rondes/nieuw/", views.round_create, name="round_create"),
    path("rondes/<int:pk>/", views.round_detail, name="round_detail"),
    path("rondes/<int:pk>/versturen/", views.round_open, name="round_open"),
    path("rondes/<int:pk>/herinneren/", views.round_remind, name="round_remind"),
    path("rondes/<int:pk>/sluiten/", views.round_close, name="round_close"),
    path("rondes/<int:pk>/resultaten/", views.round_results, name="round_results"),
]
