"""For coordinators: who has portal access, inviting a body's member, revoking."""

from django.urls import path

from daadkracht.portal.views import members

app_name = "portal_access"

urlpatterns = [
    path("", members.accesses, name="list"),
    path("uitnodigen/<int:contact>/", members.invite, name="invite"),
    path("<int:pk>/intrekken/", members.revoke, name="revoke"),
]
