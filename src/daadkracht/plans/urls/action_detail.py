"""URLs: one action (its page, form, tasks and timeline), adding actions, and the trash."""

from django.urls import URLPattern, path

from daadkracht.plans.views import action_detail as views
from daadkracht.plans.views import action_edit, tasks

urlpatterns: list[URLPattern] = [
    path("acties/nieuw/", action_edit.action_create, name="action_create"),
    path("acties/prullenbak/", action_edit.action_trash, name="action_trash"),
    path("acties/<int:pk>/", views.action_detail, name="action_detail"),
    path("acties/<int:pk>/bewerken/", action_edit.action_edit, name="action_edit"),
    path("acties/<int:pk>/verwijderen/", action_edit.action_delete, name="action_delete"),
    path("acties/<int:pk>/terugzetten/", action_edit.action_restore, name="action_restore"),
    path("acties/<int:pk>/taken/nieuw/", tasks.task_create, name="task_create"),
    path("acties/<int:pk>/taken/<int:task_pk>/", tasks.task_edit, name="task_edit"),
    path("acties/<int:pk>/taken/<int:task_pk>/afvinken/", tasks.task_toggle, name="task_toggle"),
    path("acties/<int:pk>/taken/<int:task_pk>/verwijderen/", tasks.task_delete, name="task_delete"),
    path("acties/<int:pk>/opvolging/", views.update_create, name="update_create"),
]
