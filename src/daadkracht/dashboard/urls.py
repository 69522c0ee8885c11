"""Dashboard URLs inside a municipality; its overview is the municipality's home page."""

from django.urls import path

from daadkracht.dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("dienst/", views.department_choose, name="department_choose"),
    path("dienst/<int:pk>/", views.department, name="department"),
    path("aandacht/", views.attention, name="attention"),
    path("taken-over-tijd/", views.overdue_tasks, name="overdue_tasks"),
]
