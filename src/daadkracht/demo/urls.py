"""The demo mailbox (debug mode only; the views answer 404 otherwise)."""

from django.urls import path

from daadkracht.demo import views

app_name = "demo"

urlpatterns = [
    path("post/", views.mailbox, name="mailbox"),
    path("post/<str:key>/", views.mail, name="mail"),
]
