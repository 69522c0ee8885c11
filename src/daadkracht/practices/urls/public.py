"""The shared practice database: public pages, and the editors' moderation."""

from django.urls import path

from daadkracht.practices.views import editorial, public

app_name = "practices"

urlpatterns = [
    path("", public.public_detail, name="public_list"),  # TEMP
    path("<int:pk>/", public.public_detail, name="public_detail"),
    path("<int:pk>/bestanden/<int:file_pk>/", public.public_file, name="public_file"),
    path("redactie/", editorial.queue, name="moderation"),
    path("redactie/<int:pk>/", editorial.review, name="review"),
    path("redactie/<int:pk>/bestanden/<int:file_pk>/", editorial.review_file, name="review_file"),
]
