"""`manage.py practices_reindex`: rebuild the search index of the published practices."""

from typing import Any

from django.core.management.base import BaseCommand

from daadkracht.access.context import platform_scope
from daadkracht.practices.models import Practice
from daadkracht.practices.search.index import practices_index_rebuild


class Command(BaseCommand):
    help = "Rebuild the search index of the published practices from their current text."

    def handle(self, *args: Any, **options: Any) -> None:
        # The index covers every municipality's published practices.
        with platform_scope():
            count = practices_index_rebuild(Practice.objects.all())
        self.stdout.write(f"{count} published practices indexed.")
