"""URLs of the collaboration trajectory inside a municipality (`…/traject/`), with its
administrative collaboration model."""

from django.urls import URLPattern, path

from daadkracht.trajectory import approach_views, collaboration_views, views

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
    path(
        "samenwerkingsmodel/",
        collaboration_views.collaboration_model,
        name="collaboration_model",
    ),
    path(
        "samenwerkingsmodel/bewerken/",
        collaboration_views.collaboration_model_edit,
        name="collaboration_model_edit",
    ),
    path(
        "samenwerkingsmodel/voorstel/",
        collaboration_views.collaboration_model_propose,
        name="collaboration_model_propose",
    ),
    path(
        "samenwerkingsmodel/overlegorganen/",
        collaboration_views.collaboration_bodies_edit,
        name="collaboration_bodies_edit",
    ),
    path(
        "samenwerkingsmodel/klimaataanspreekpunten/",
        collaboration_views.collaboration_contacts_edit,
        name="collaboration_contacts_edit",
    ),
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
