"""Every response carries a strict Content Security Policy, and the pages need nothing inline."""

from html.parser import HTMLParser
from http import HTTPStatus

import pytest
from django.test import Client

from daadkracht.accounts.tokens import invitation_token
from daadkracht.tenancy.models import Membership

ALLOWED_SOURCES = {"'self'", "'none'"}
ALLOWED_EXTRA = {"img-src": {"data:"}}


def policy(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    directives: dict[str, list[str]] = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_strict_policy(response) -> None:
    directives = policy(response)
    for required in ("default-src", "script-src", "style-src", "object-src", "frame-ancestors"):
        assert required in directives, required
    for name, sources in directives.items():
        allowed = ALLOWED_SOURCES | ALLOWED_EXTRA.get(name, set())
        assert set(sources) <= allowed, (name, sources)
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]


class InlineFinder(HTMLParser):
    """Collects what a strict policy would block: inline scripts, styles and event handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.in_script = False
        self.script_tags = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if tag == "script":
            self.script_tags += 1
            self.in_script = True
            if "src" not in names:
                self.problems.append("<script> without src")
        if tag == "style":
            self.problems.append("<style> element")
        if "style" in names:
            self.problems.append(f"style= on <{tag}>")
        self.problems += [f"{name}= on <{tag}>" for name in names if name.startswith("on")]
        self.problems += [
            f"javascript: URL on <{tag}>"
            for _, value in attrs
            if value and value.strip().lower().startswith("javascript:")
        ]

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and data.strip():
            self.problems.append(f"inline script content {data.strip()[:40]!r}")


def inline_problems(response) -> list[str]:
    finder = InlineFinder()
    finder.feed(response.content.decode())
    return finder.problems


@pytest.fixture
def pages(world) -> list[tuple[str, Client, str]]:
    """Pages of every kind, each with the visitor who sees it."""
    anonymous, coordinator = Client(), world.client_for("coordinator")
    department = world.department_a.pk
    member = Membership.unscoped.get(user=world.users["viewer"], municipality=world.a).pk
    edited = coordinator.post(
        f"/alfa/diensten/{department}/",
        {"name": "Mobiliteit en verkeer", "version": world.department_a.version},
    )
    assert edited.status_code == HTTPStatus.FOUND
    return [
        ("anonymous", anonymous, "/account/aanmelden/"),
        ("anonymous", anonymous, "/account/wachtwoord-vergeten/"),
        ("anonymous", anonymous, f"/account/uitnodiging/{invitation_token(world.invitation_a)}/"),
        ("anonymous", anonymous, "/account/uitnodiging/ongeldig/"),
        ("coordinator", coordinator, "/alfa/"),
        ("coordinator", coordinator, "/alfa/diensten/"),
        ("coordinator", coordinator, "/alfa/diensten/nieuw/"),
        ("coordinator", coordinator, f"/alfa/diensten/{department}/"),
        ("coordinator", coordinator, f"/alfa/diensten/{department}/verwijderen/"),
        ("coordinator", coordinator, "/alfa/diensten/prullenbak/"),
        ("coordinator", coordinator, "/alfa/leden/"),
        ("coordinator", coordinator, "/alfa/leden/uitnodigen/"),
        ("coordinator", coordinator, f"/alfa/leden/{member}/"),
        ("coordinator", coordinator, f"/alfa/leden/{member}/verwijderen/"),
        ("coordinator", coordinator, "/alfa/geschiedenis/"),
        ("coordinator", coordinator, f"/alfa/geschiedenis/tenancy.department/{department}/"),
        ("coordinator", coordinator, "/account/profiel/"),
        ("coordinator", coordinator, "/account/wachtwoord-wijzigen/"),
    ]


def test_every_page_carries_a_strict_policy_and_has_nothing_inline(pages):
    for who, client, url in pages:
        response = client.get(url)
        assert response.status_code in {HTTPStatus.OK, HTTPStatus.GONE}, (who, url)
        assert_strict_policy(response)
        assert inline_problems(response) == [], (who, url)


def test_forms_with_errors_have_nothing_inline(world):
    coordinator = world.client_for("coordinator")

    responses = [
        coordinator.post("/alfa/diensten/nieuw/", {"name": "Mobiliteit"}),
        Client().post("/account/aanmelden/", {"username": "x@y.test", "password": "nee"}),
    ]

    for response in responses:
        assert response.status_code == HTTPStatus.OK
        assert_strict_policy(response)
        assert inline_problems(response) == []


def test_scripts_come_from_this_site(world):
    response = world.client_for("coordinator").get("/alfa/diensten/")
    finder = InlineFinder()
    finder.feed(response.content.decode())

    assert finder.script_tags >= 1
    assert b'src="http' not in response.content
    assert b'src="//' not in response.content
    assert b'href="http' not in response.content


@pytest.mark.parametrize(
    ("who", "url", "status"),
    [
        ("anonymous", "/alfa/", HTTPStatus.FOUND),
        ("other_municipality", "/alfa/", HTTPStatus.NOT_FOUND),
        ("viewer", "/alfa/leden/", HTTPStatus.FORBIDDEN),
        ("viewer", "/alfa/leden/?export=csv", HTTPStatus.FORBIDDEN),
        ("coordinator", "/alfa/leden/?export=csv", HTTPStatus.OK),
        ("coordinator", "/alfa/diensten/?export=xlsx", HTTPStatus.OK),
        ("coordinator", "/bestaat/niet/", HTTPStatus.NOT_FOUND),
    ],
)
def test_errors_redirects_and_downloads_carry_the_policy_too(world, who, url, status):
    response = world.client_for(who).get(url)

    assert response.status_code == status
    assert_strict_policy(response)


def test_the_lockout_page_carries_the_policy_and_has_nothing_inline(world):
    client = Client()
    for _ in range(5):
        response = client.post(
            "/account/aanmelden/", {"username": "viewer@alfa.test", "password": "fout"}
        )

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert_strict_policy(response)
    assert inline_problems(response) == []


def test_typed_markup_is_shown_as_text_not_run(world):
    coordinator = world.client_for("coordinator")
    name = "<script>alert(1)</script><b style='color:red'>Dienst</b>"
    created = coordinator.post("/alfa/diensten/nieuw/", {"name": name, "description": name})
    assert created.status_code == HTTPStatus.FOUND
    department = world.department_a.__class__.unscoped.get(name=name)

    for url in (
        "/alfa/",
        "/alfa/diensten/",
        f"/alfa/diensten/{department.pk}/",
        "/alfa/geschiedenis/",
        f"/alfa/geschiedenis/tenancy.department/{department.pk}/",
    ):
        response = coordinator.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assert inline_problems(response) == [], url
        assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in response.content, url
