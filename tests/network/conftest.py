"""The Open Network of municipality A: two themes of its plan, and a visitor who fills in the
public sign-up form the way a person does (a while after the page was shown)."""

import re
import time
from dataclasses import dataclass

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from daadkracht.access import form_guard
from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import Theme

SHOWN = re.compile(r'name="shown" value="([^"]+)"')
VERSION = re.compile(r'name="text_version" value="([^"]*)"')
LINK = re.compile(r"http://testserver(/\S+/)")


def public_url(name: str, world, **kwargs) -> str:
    return reverse(f"open_network:{name}", kwargs={"slug": world.a.slug, **kwargs})


@dataclass
class Themes:
    energy: Theme
    mobility: Theme


@pytest.fixture
def themes(world) -> Themes:
    with tenant_scope(world.a):
        energy = Theme.objects.create(plan=world.plan_a, code="E", name="Energie")
        mobility = Theme.objects.create(plan=world.plan_a, code="M", name="Mobiliteit")
    return Themes(energy, mobility)


class Visitor:
    """A person on the public pages: shows a form, waits `wait` seconds, sends it."""

    def __init__(self, world, monkeypatch, capture, address: str = "203.0.113.7") -> None:
        self.world = world
        self.capture = capture
        self.monkeypatch = monkeypatch
        self.client = Client(REMOTE_ADDR=address)
        self.offset = 0.0

    def _tick(self, seconds: float) -> None:
        self.offset += seconds
        offset = self.offset
        self.monkeypatch.setattr(form_guard, "clock", lambda: time.time() + offset)

    def hidden(self, name: str) -> dict[str, str]:
        page = self.client.get(public_url(name, self.world)).content.decode()
        fields = {"shown": SHOWN.search(page).group(1)}  # type: ignore[union-attr]
        version = VERSION.search(page)
        if version:
            fields["text_version"] = version.group(1)
        return fields

    def send(self, name: str, data: dict, *, wait: float = 12, follow: bool = False):
        fields = {**self.hidden(name), **data}
        self._tick(wait)
        return self.post(public_url(name, self.world), fields, follow=follow)

    def post(self, path: str, data: dict | None = None, **extra):
        """Post as the browser does; the mails the request sends are delivered."""
        with self.capture(execute=True):
            return self.client.post(path, data or {}, **extra)

    def join(self, wait: float = 12, **data):
        values = {
            "full_name": "Lotte Vermeulen",
            "email": "lotte.vermeulen@example.be",
            "organisation_name": "Buurtcomité Sint-Andries",
            "language": "nl",
            "consent": "on",
            **data,
        }
        return self.send("join", {k: v for k, v in values.items() if v is not None}, wait=wait)


@pytest.fixture
def visitor(world, monkeypatch, django_capture_on_commit_callbacks) -> Visitor:
    return Visitor(world, monkeypatch, django_capture_on_commit_callbacks)


def link_in(message) -> str:
    """The path of the first link in a mail's text."""
    found = LINK.search(message.body)
    assert found, message.body
    return found.group(1)


def last_mail_to(address: str):
    return [m for m in mail.outbox if m.to == [address]][-1]
