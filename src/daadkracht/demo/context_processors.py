"""Puts the demo mailbox's address in every template, in debug mode only."""

from django.http import HttpRequest
from django.urls import reverse

from daadkracht.demo.mailbox import mailbox_directory


def demo(request: HttpRequest) -> dict[str, str]:
    return {"demo_mailbox_url": reverse("demo:mailbox") if mailbox_directory() else ""}
