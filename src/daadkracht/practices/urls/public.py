"""Public pages of the practice database, readable without logging in."""

from django.urls import path

from daadkracht.practices.search import views as search

app_name = "practices"

urlpatterns = [path("", search.public_list, name="public_list")]
