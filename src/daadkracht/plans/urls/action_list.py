"""URLs: the action list with its inline quick updates, the board and the timeline."""

from django.urls import URLPattern, path

from daadkracht.plans.views import action_list as views
from daadkracht.plans.views import board, timeline

urlpatterns: list[URLPattern] = [
    path("acties/", views.action_list, name="actions"),
    path(
        "acties/<int:pk>/snel-bijwerken/",
        views.action_quick_update,
        name="action_quick_update",
    ),
    path("acties/<int:pk>/rij/", views.action_row, name="action_row"),
    path("bord/", board.board, name="board"),
    path("bord/<int:pk>/verplaatsen/", board.board_move, name="board_move"),
    path("tijdlijn/", timeline.timeline, name="timeline"),
]
