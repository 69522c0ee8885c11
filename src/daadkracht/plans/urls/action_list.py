"""URLs: the action list with its inline quick updates, the board and the timeline."""

from django.urls import URLPattern, path

from daadkracht.plans.views import action_list as views

urlpatterns: list[URLPattern] = [
    path("acties/", views.action_list, name="actions"),
    path(
        "acties/<int:pk>/snel-bijwerken/",
        views.action_quick_update,
        name="action_quick_update",
    ),
    path("acties/<int:pk>/rij/", views.action_row, name="action_row"),
    path("bord/", views.board, name="board"),
    path("bord/<int:pk>/verplaatsen/", views.board_move, name="board_move"),
    path("tijdlijn/", views.timeline, name="timeline"),
]
