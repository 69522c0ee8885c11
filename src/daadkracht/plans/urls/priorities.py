"""URLs: prioritising (ranked list, criteria, scores, cost curve) and workshop scoring rounds."""

from django.urls import URLPattern, path

from daadkracht.plans.views import priorities as views
from daadkracht.plans.views import workshop

urlpatterns: list[URLPattern] = [
    path("prioriteiten/", views.priorities, name="priorities"),
    path("prioriteiten/aanvullen/", views.scores_fill, name="scores_fill"),
    path("prioriteiten/criteria/", views.criteria, name="criteria"),
    path(
        "prioriteiten/criteria/<int:pk>/verwijderen/",
        views.criterion_delete,
        name="criterion_delete",
    ),
    path("prioriteiten/acties/<int:pk>/scores/", views.action_scores, name="action_scores"),
    path("prioriteiten/kostencurve/", views.mac_curve_view, name="mac_curve"),
    path("prioriteiten/rondes/", workshop.rounds, name="rounds"),
    path("prioriteiten/rondes/nieuw/", workshop.round_create, name="round_create"),
    path("prioriteiten/rondes/<int:pk>/", workshop.round_detail, name="round_detail"),
    path(
        "prioriteiten/rondes/<int:pk>/resultaten/",
        workshop.round_results_view,
        name="round_results",
    ),
    path("prioriteiten/rondes/<int:pk>/sluiten/", workshop.round_close, name="round_close"),
    path("prioriteiten/rondes/<int:pk>/overnemen/", workshop.round_adopt, name="round_adopt"),
]
