"""A municipality's own practices: /<municipality>/praktijken/."""

from django.urls import path

from daadkracht.practices.views import adopt, member

app_name = "our_practices"

urlpatterns = [
    path("", member.practice_list, name="list"),
    path("nieuw/", member.practice_create, name="create"),
    path("<int:pk>/", member.practice_detail, name="detail"),
    path("<int:pk>/bewerken/", member.practice_edit, name="edit"),
    path("<int:pk>/indienen/", member.practice_submit, name="submit"),
    path("<int:pk>/bijwerken/", member.practice_start_update, name="start_update"),
    path("<int:pk>/offline/", member.practice_withdraw, name="withdraw"),
    path("<int:pk>/verwijderen/", member.practice_delete, name="delete"),
    path("<int:pk>/bestanden/", member.practice_files, name="files"),
    path("<int:pk>/bestanden/<int:file_pk>/", member.practice_file, name="file"),
    path(
        "<int:pk>/bestanden/<int:file_pk>/verwijderen/",
        member.practice_file_remove,
        name="file_remove",
    ),
    path("overnemen/<int:pk>/", adopt.adopt, name="adopt"),
]
