"""URLs of the collaboration trajectory inside a municipality (`…/traject/`)."""

from django.urls import URLPattern, path

from daadkracht.trajectory import approach_views, views

app_name = "trajectory"

urlpatterns: list[URLPattern] = [
    path("", views.overview, name="overview"),
    path("starten/", views.start, name="start"),
    path("afspraken/", views.agreements_edit, name="agreements_edit"),
    path("fasen/<int:pk>/", views.phase_detail, name="phase"),
    path("fasen/<int:pk>/bewerken/", views.phase_edit, name="phase_edit"),
    path("fasen/<int:pk>/punten/nieuw/", views.phase_item_create, name="phase_item_create"),
    path(
        "verantwoordelijkheden/nieuw/",
        views.responsibility_create,
        name="responsibility_create",
    ),
    path("punten/<int:pk>/afvinken/", views.item_toggle, name="item_toggle"),
    path("punten/<int:pk>/bewerken/", views.item_edit, name="item_edit"),
    path("punten/<int:pk>/verwijderen/", views.item_delete, name="item_delete"),
    path("plan-van-aanpak/", approach_views.plan, name="plan"),
    path("plan-van-aanpak/pdf/", approach_views.plan_pdf, name="plan_pdf"),
    path("plan-van-aanpak/opstellen/", approach_views.plan_start, name="plan_start"),
    path("plan-van-aanpak/bewerken/", approach_views.plan_edit, name="plan_edit"),
    path("plan-van-aanpak/methoden/nieuw/", approach_views.method_add, name="method_add"),
    path(
        "plan-van-aanpak/methoden/<int:pk>/bewerken/",
        approach_views.method_edit,
        name="method_edit",
    ),
    path(
        "plan-van-aanpak/methoden/<int:pk>/verwijderen/",
        approach_views.method_delete,
        name="method_delete",
    ),
]
