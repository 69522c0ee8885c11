"""The profile and the interface language: chosen once, remembered for every page."""

import re
from http import HTTPStatus

from django.conf import settings
from django.test import Client
from django.urls import reverse

PROFILE_URL = reverse("accounts:profile")
LANGUAGE_URL = reverse("set_language")


def page_language(response) -> str:
    match = re.search(rb'<html lang="([a-z-]+)"', response.content)
    assert match, response.content[:200]
    return match.group(1).decode()


def test_the_interface_is_dutch_by_default(world):
    editor = world.client_for("editor")

    assert page_language(editor.get("/alfa/")) == "nl"
    assert page_language(Client().get(reverse("accounts:login"))) == "nl"


def test_changing_the_preferred_language_changes_the_pages(world):
    editor = world.client_for("editor")

    response = editor.post(PROFILE_URL, {"full_name": "Eddy Editor", "language": "en"})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == PROFILE_URL
    assert page_language(editor.get(PROFILE_URL)) == "en"
    assert page_language(editor.get("/alfa/diensten/")) == "en"
    world.users["editor"].refresh_from_db()
    assert world.users["editor"].language == "en"


def test_the_preferred_language_follows_the_user_to_another_browser(world):
    world.users["viewer"].language = "fr"
    world.users["viewer"].save()

    fresh_browser = world.client_for("viewer")

    assert page_language(fresh_browser.get("/alfa/")) == "fr"


def test_the_profile_keeps_input_when_the_name_is_missing(world):
    editor = world.client_for("editor")

    response = editor.post(PROFILE_URL, {"full_name": "", "language": "fr"})

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["full_name"]
    assert response.context["form"]["language"].value() == "fr"
    name_before = world.users["editor"].full_name
    world.users["editor"].refresh_from_db()
    assert world.users["editor"].full_name == name_before
    assert world.users["editor"].language == "nl"


def test_the_language_switch_stores_the_language_on_the_profile(world):
    viewer = world.client_for("viewer")

    response = viewer.post(LANGUAGE_URL, {"language": "fr", "next": "/alfa/diensten/"})

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == "/alfa/diensten/"
    world.users["viewer"].refresh_from_db()
    assert world.users["viewer"].language == "fr"
    assert page_language(viewer.get(response.url)) == "fr"


def test_the_language_switch_works_for_anonymous_visitors_with_a_cookie(world):
    visitor = Client()

    response = visitor.post(LANGUAGE_URL, {"language": "en", "next": reverse("accounts:login")})

    assert response.status_code == HTTPStatus.FOUND
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert page_language(visitor.get(reverse("accounts:login"))) == "en"


def test_the_language_switch_ignores_unknown_languages(world):
    viewer = world.client_for("viewer")

    response = viewer.post(LANGUAGE_URL, {"language": "xx", "next": "/alfa/"})

    assert response.status_code == HTTPStatus.FOUND
    world.users["viewer"].refresh_from_db()
    assert world.users["viewer"].language == "nl"


def test_the_language_switch_does_not_follow_an_unsafe_next(world):
    viewer = world.client_for("viewer")

    for unsafe in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        response = viewer.post(LANGUAGE_URL, {"language": "en", "next": unsafe})
        assert response.status_code == HTTPStatus.FOUND
        assert response.url == "/", unsafe


def test_the_language_switch_only_accepts_post(world):
    assert world.client_for("viewer").get(LANGUAGE_URL).status_code == (
        HTTPStatus.METHOD_NOT_ALLOWED
    )


def test_the_profile_is_only_for_logged_in_users(world):
    response = Client().get(PROFILE_URL)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("accounts:login"))
