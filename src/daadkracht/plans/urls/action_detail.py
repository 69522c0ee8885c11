"""URLs: one action (its page, form, tasks and timeline), adding actions, and the trash."""

from django.urls import URLPattern, path

from daadkracht.plans.views import action_detail as views

urlpatterns: list[URLPattern] = [
    path("acties/nieuw/", views.action_create, name="action_create"),
    path("acties/prullenbak/", views.action_trash, name="action_trash"),
    path("acties/<int:pk>/", views.action_detail, name="action_detail"),
    path("acties/<int:pk>/bewerken/", views.action_edit, name="action_edit"),
    path("acties/<int:pk>/verwijderen/", views.action_delete, name="action_delete"),
    path("acties/<int:pk>/terugzetten/", views.action_restore, name="action_restore"),
    path("acties/<int:pk>/taken/nieuw/", views.task_create, name="task_create"),
    path("acties/<int:pk>/taken/<int:task_pk>/", views.task_edit, name="task_edit"),
    path("acties/<int:pk>/taken/<int:task_pk>/afvinken/", views.task_toggle, name="task_toggle"),
    path("acties/<int:pk>/taken/<int:task_pk>/verwijderen/", views.task_delete, name="task_delete"),
    path("acties/<int:pk>/opvolging/", views.update_create, name="update_create"),
]
