"""History URLs inside a municipality."""

from django.urls import path

from daadkracht.history import views

app_name = "history"

urlpatterns = [
    path("", views.recent, name="recent"),
    path("<str:model_label>/<str:object_id>/", views.object_history, name="object"),
]
