"""URLs: the plan's settings — the plan itself, its themes and its list of statuses."""

from django.urls import URLPattern, path

from daadkracht.plans.views import plan_settings as views

urlpatterns: list[URLPattern] = [
    path("instellingen/", views.plan_settings, name="settings"),
    path("instellingen/plan/nieuw/", views.plan_create, name="plan_create"),
    path("instellingen/plan/", views.plan_edit, name="plan_edit"),
    path("instellingen/themas/nieuw/", views.theme_create, name="theme_create"),
    path("instellingen/themas/<int:pk>/", views.theme_edit, name="theme_edit"),
    path("instellingen/themas/<int:pk>/verplaatsen/", views.theme_move, name="theme_move"),
    path("instellingen/themas/<int:pk>/verwijderen/", views.theme_delete, name="theme_delete"),
    path("instellingen/themas/<int:pk>/terugzetten/", views.theme_restore, name="theme_restore"),
    path("instellingen/statussen/nieuw/", views.status_create, name="status_create"),
    path("instellingen/statussen/<int:pk>/", views.status_edit, name="status_edit"),
    path("instellingen/statussen/<int:pk>/verplaatsen/", views.status_move, name="status_move"),
    path("instellingen/statussen/<int:pk>/verwijderen/", views.status_delete, name="status_delete"),
]
