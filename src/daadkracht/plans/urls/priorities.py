"""URLs: prioritising (ranked list, criteria, scores, cost curve) and workshop scoring rounds."""

from django.urls import URLPattern, path

from daadkracht.plans.views import action_scores, criteria, mac_curve, rounds
from daadkracht.plans.views import priorities as views

urlpatterns: list[URLPattern] = [
    path("prioriteiten/", views.priorities, name="priorities"),
    path("prioriteiten/aanvullen/", views.scores_fill, name="scores_fill"),
    path("prioriteiten/criteria/", criteria.criteria, name="criteria"),
    path(
        "prioriteiten/criteria/<int:pk>/verwijderen/",
        criteria.criterion_delete,
        name="criterion_delete",
    ),
    path("prioriteiten/acties/<int:pk>/scores/", action_scores.action_scores, name="action_scores"),
    path("prioriteiten/kostencurve/", mac_curve.mac_curve_view, name="mac_curve"),
    path("prioriteiten/rondes/", rounds.rounds, name="rounds"),
    path("prioriteiten/rondes/nieuw/", rounds.round_create, name="round_create"),
    path("prioriteiten/rondes/<int:pk>/", rounds.round_detail, name="round_detail"),
    path(
        "prioriteiten/rondes/<int:pk>/resultaten/",
        rounds.round_results_view,
        name="round_results",
    ),
    path("prioriteiten/rondes/<int:pk>/sluiten/", rounds.round_close, name="round_close"),
    path("prioriteiten/rondes/<int:pk>/overnemen/", rounds.round_adopt, name="round_adopt"),
]
