"""URLs of a municipality's governance bodies (`…/organen/`)."""

from django.urls import URLPattern, path

from daadkracht.bodies.views import bodies, members

app_name = "bodies"

urlpatterns: list[URLPattern] = [
    path("", bodies.body_list, name="list"),
    path("nieuw/", bodies.body_create, name="create"),
    path("voorstel/", bodies.structure_propose, name="propose"),
    path("<int:pk>/", bodies.body_detail, name="detail"),
    path("<int:pk>/bewerken/", bodies.body_edit, name="edit"),
    path("<int:pk>/leden/nieuw/", members.member_add, name="member_add"),
    path("<int:pk>/leden/<int:membership>/beeindigen/", members.member_end, name="member_end"),
    path("<int:pk>/vergaderingen/nieuw/", members.meeting_create, name="meeting_create"),
]
