"""`createsuperuser` for accounts that log in by e-mail address; the name may be left out.

Interactively it asks for the e-mail address, the full name (Enter leaves it empty) and the
password. Without input (`--no-input`) the address and password come from `--email` and
DJANGO_SUPERUSER_EMAIL / DJANGO_SUPERUSER_PASSWORD, the name from `--full_name` or
DJANGO_SUPERUSER_FULL_NAME if given.
"""

import os
from typing import Any

from django.contrib.auth.management.commands import createsuperuser


class Command(createsuperuser.Command):
    def handle(self, *args: Any, **options: Any) -> None:
        if (
            not options["interactive"]
            and not options.get("full_name")
            and not os.environ.get("DJANGO_SUPERUSER_FULL_NAME")
        ):
            options["full_name"] = ""
        super().handle(*args, **options)
