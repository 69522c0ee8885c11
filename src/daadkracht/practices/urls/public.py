"""The shared practice database: its public pages, readable without logging in, and the
editors' moderation."""

from django.urls import path

from daadkracht.practices.search import views as search
from daadkracht.practices.views import editorial, public

app_name = "practices"

urlpatterns = [
    path("", search.public_list, name="public_list"),
    path("<int:pk>/", public.public_detail, name="public_detail"),
    path("<int:pk>/bestanden/<int:file_pk>/", public.public_file, name="public_file"),
    path("redactie/", editorial.queue, name="moderation"),
    path("redactie/<int:pk>/", editorial.review, name="review"),
    path("redactie/<int:pk>/bestanden/<int:file_pk>/", editorial.review_file, name="review_file"),
]
