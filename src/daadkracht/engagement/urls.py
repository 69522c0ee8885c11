"""URLs of a municipality's engagement of its network (`…/betrokkenheid/`)."""

from django.urls import URLPattern, path

from daadkracht.engagement.views import commitments, coverage, engagements, interactions

app_name = "engagement"

urlpatterns: list[URLPattern] = [
    path("", engagements.engagement_list_page, name="list"),
    path("nieuw/", engagements.engagement_create, name="create"),
    path("<int:pk>/bewerken/", engagements.engagement_edit, name="edit"),
    path("<int:pk>/verwijderen/", engagements.engagement_delete, name="delete"),
    path("dekking/", coverage.coverage_page, name="coverage"),
    path("contacten/", interactions.interaction_list_page, name="interactions"),
    path("contacten/nieuw/", interactions.interaction_create, name="interaction_create"),
    path("contacten/<int:pk>/bewerken/", interactions.interaction_edit, name="interaction_edit"),
    path(
        "contacten/<int:pk>/verwijderen/",
        interactions.interaction_delete,
        name="interaction_delete",
    ),
    path("contacten/<int:pk>/opvolging/", interactions.follow_up_toggle, name="follow_up"),
    path("toezeggingen/", commitments.commitment_list_page, name="commitments"),
    path("toezeggingen/nieuw/", commitments.commitment_create, name="commitment_create"),
    path("toezeggingen/<int:pk>/bewerken/", commitments.commitment_edit, name="commitment_edit"),
    path(
        "toezeggingen/<int:pk>/verwijderen/",
        commitments.commitment_delete,
        name="commitment_delete",
    ),
]
