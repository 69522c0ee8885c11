"""URLs of prioritisation inside a municipality's plan (`…/plan/prioriteiten/`): the ranking, its
criteria, scoring an action, the cost curve, and workshop scoring rounds."""

from django.urls import URLPattern, path

from daadkracht.prioritisation.views import action_scores, criteria, mac_curve, ranking, rounds

app_name = "prioritisation"

urlpatterns: list[URLPattern] = [
    path("", ranking.priorities, name="priorities"),
    path("aanvullen/", ranking.scores_fill, name="scores_fill"),
    path("criteria/", criteria.criteria, name="criteria"),
    path("criteria/<int:pk>/verwijderen/", criteria.criterion_delete, name="criterion_delete"),
    path("acties/<int:pk>/scores/", action_scores.action_scores, name="action_scores"),
    path("kostencurve/", mac_curve.mac_curve_view, name="mac_curve"),
    path("rondes/", rounds.rounds, name="rounds"),
    path("rondes/nieuw/", rounds.round_create, name="round_create"),
    path("rondes/<int:pk>/", rounds.round_detail, name="round_detail"),
    path("rondes/<int:pk>/resultaten/", rounds.round_results_view, name="round_results"),
    path("rondes/<int:pk>/sluiten/", rounds.round_close, name="round_close"),
    path("rondes/<int:pk>/overnemen/", rounds.round_adopt, name="round_adopt"),
]
