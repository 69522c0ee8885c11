"""URLs inside one municipality: its home, departments and members."""

from django.urls import path

from daadkracht.tenancy import views

app_name = "tenancy"

urlpatterns = [
    path("", views.municipality_home, name="home"),
    path("aan-de-slag/", views.checklist, name="checklist"),
    path("diensten/", views.department_list, name="departments"),
    path("diensten/nieuw/", views.department_create, name="department_create"),
    path("diensten/prullenbak/", views.department_trash, name="department_trash"),
    path("diensten/<int:pk>/", views.department_edit, name="department_edit"),
    path("diensten/<int:pk>/verwijderen/", views.department_delete, name="department_delete"),
    path("diensten/<int:pk>/terugzetten/", views.department_restore, name="department_restore"),
    path("leden/", views.member_list, name="members"),
    path("leden/uitnodigen/", views.member_invite, name="member_invite"),
    path("leden/<int:pk>/", views.member_edit, name="member_edit"),
    path("leden/<int:pk>/verwijderen/", views.member_remove, name="member_remove"),
    path(
        "uitnodigingen/<int:pk>/opnieuw-versturen/",
        views.invitation_action,
        {"action": "resend"},
        name="invitation_resend",
    ),
    path(
        "uitnodigingen/<int:pk>/annuleren/",
        views.invitation_action,
        {"action": "cancel"},
        name="invitation_cancel",
    ),
]
