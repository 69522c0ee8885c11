"""Public: accepting a portal invitation with the signed link in the mail."""

from django.urls import path

from daadkracht.portal.views import invitation

app_name = "portal_invitation"

urlpatterns = [path("<str:token>/", invitation.accept, name="accept")]
