"""URLs of a municipality's work agreements (`…/werkafspraken/`)."""

from django.urls import URLPattern, path

from daadkracht.meetings.views import agreements

app_name = "agreements"

urlpatterns: list[URLPattern] = [
    path("", agreements.agreements, name="list"),
    path("dienst/<int:department>/", agreements.agreements, name="department"),
    path("nieuw/", agreements.agreement_create, name="create"),
    path("<int:pk>/", agreements.agreement_detail, name="detail"),
    path("<int:pk>/bewerken/", agreements.agreement_edit, name="edit"),
    path("<int:pk>/stand/", agreements.agreement_state, name="state"),
    path("<int:pk>/verwijderen/", agreements.agreement_delete, name="delete"),
]
