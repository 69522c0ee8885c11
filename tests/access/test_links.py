"""Signed links open one object for one purpose, expire, and cannot be replayed when single-use."""

import time
from datetime import timedelta
from http import HTTPStatus
from unittest import mock

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from daadkracht.access.context import LinkGrant, link_scope, platform_scope
from daadkracht.access.links import (
    LinkAlreadyUsed,
    LinkPurpose,
    link_read,
    link_token,
    link_use_up,
)
from daadkracht.accounts.models import Invitation
from daadkracht.accounts.tokens import INVITATION_LINK, invitation_token
from daadkracht.testing.factories import InvitationFactory

OTHER_PURPOSE = LinkPurpose("unsubscribe", "accounts.Invitation", max_age=lambda: 3600)


def _link(invitation: Invitation) -> str:
    return reverse("accounts:invitation", kwargs={"token": invitation_token(invitation)})


def test_a_link_opens_only_its_own_object(world):
    other = InvitationFactory.create(municipality=world.a, email="ander@alfa.test")
    grant = LinkGrant("invitation", "accounts.Invitation", world.invitation_a.pk)

    with link_scope(world.a, grant):
        assert list(Invitation.objects.all()) == [world.invitation_a]
        assert not Invitation.objects.filter(pk=other.pk).exists()


def test_a_link_for_one_purpose_does_not_open_another(world):
    token = invitation_token(world.invitation_a)

    assert link_read(INVITATION_LINK, token) is not None
    assert link_read(OTHER_PURPOSE, token) is None
    assert link_read(INVITATION_LINK, token[:-2] + "xx") is None


def test_a_link_names_its_municipality_and_object(world):
    token = link_token(OTHER_PURPOSE, municipality_id=world.a.pk, object_id=7, version="1")
    claim = link_read(OTHER_PURPOSE, token)

    assert claim is not None
    assert (claim.municipality_id, claim.grant.object_id, claim.version) == (world.a.pk, 7, "1")
    assert claim.grant.nonce


def test_an_expired_link_shows_that_it_no_longer_works(world):
    link = _link(world.invitation_a)
    later = time.time() + timedelta(days=15).total_seconds()

    with mock.patch("django.core.signing.time.time", return_value=later):
        response = Client().get(link)

    assert response.status_code == HTTPStatus.GONE
    assert "accounts/invitation_invalid.html" in [t.name for t in response.templates]


def test_a_single_use_link_cannot_be_used_up_twice(world):
    claim = link_read(INVITATION_LINK, invitation_token(world.invitation_a))
    assert claim is not None

    link_use_up(claim.grant)
    with pytest.raises(LinkAlreadyUsed):
        link_use_up(claim.grant)


def test_a_used_link_is_gone_even_if_its_object_opened_again(world):
    link = _link(world.invitation_a)
    response = Client().post(
        link,
        {
            "full_name": "Nieuwe Collega",
            "password1": "lang-wachtwoord-1",
            "password2": "lang-wachtwoord-1",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    # Even if the invitation were reopened by mistake, the same link does not work again.
    with platform_scope():
        Invitation.unscoped.filter(pk=world.invitation_a.pk).update(accepted_at=None)

    assert Client().get(link).status_code == HTTPStatus.GONE


@override_settings(PUBLIC_REQUESTS_PER_MINUTE=3)
def test_links_are_rate_limited_per_address(world):
    from django.core.cache import cache

    cache.clear()
    link = _link(world.invitation_a)
    client = Client()
    statuses = [client.get(link).status_code for _ in range(5)]
    cache.clear()

    assert statuses == [200, 200, 200, 429, 429]


def test_behind_a_proxy_each_client_has_its_own_limit(world, settings):
    settings.PUBLIC_REQUESTS_PER_MINUTE = 2
    settings.TRUSTED_PROXIES = 1
    link = _link(world.invitation_a)
    client = Client(REMOTE_ADDR="10.0.0.2")

    def status(forwarded: str) -> int:
        return client.get(link, HTTP_X_FORWARDED_FOR=forwarded).status_code

    first = [status("203.0.113.7") for _ in range(3)]
    forged = status("198.51.100.9, 203.0.113.7")
    other = status("198.51.100.9")

    assert first == [200, 200, 429]
    assert forged == 429  # an entry the client wrote itself does not give it a new address
    assert other == 200


def _hostile_variants(token: str) -> list[str]:
    """What a careless copy, a curious visitor or a scanner makes of a link's token."""
    return [
        token[: len(token) // 2],  # cut off by a mail client
        token[:-1],
        token + "x",
        token.replace(":", ""),
        token.upper(),
        ":" * 40,
        "é" * 30,
        "%00" + token,
        "A" * 4000,
        ".".join([token, token]),
        "eyJ9:1a:2b",  # looks signed, is not
    ]


def test_a_damaged_or_forged_link_shows_the_invalid_page_not_an_error(world):
    client = Client()
    token = invitation_token(world.invitation_a)

    for variant in _hostile_variants(token):
        response = client.get(reverse("accounts:invitation", kwargs={"token": variant}))
        assert response.status_code in (HTTPStatus.GONE, HTTPStatus.NOT_FOUND), variant[:40]
        assert world.invitation_a.email not in response.content.decode()
        assert response.context is None or "invitation" not in response.context
        posted = client.post(
            reverse("accounts:invitation", kwargs={"token": variant}),
            {"full_name": "Indringer", "password1": "x" * 20, "password2": "x" * 20},
        )
        assert posted.status_code in (HTTPStatus.GONE, HTTPStatus.NOT_FOUND), variant[:40]
    world.invitation_a.refresh_from_db()
    assert world.invitation_a.accepted_at is None


@pytest.mark.parametrize(
    "code",
    ["", " ", "A" * 5000, "ABCD-EFGH-JKM", "ΑΒΓΔ-ΕΖΗΘ-ΙΚΛΜ", "../../etc", "%00", "<script>"],
)
def test_odd_workshop_codes_are_refused_calmly(world, code):
    client = Client()

    typed = client.post(reverse("workshop:enter"), {"code": code})
    in_url = client.get(f"/workshop/{code}/") if code.strip() else None

    assert typed.status_code == HTTPStatus.OK
    assert typed.context["form"].errors["code"]
    assert in_url is None or in_url.status_code in (HTTPStatus.NOT_FOUND, HTTPStatus.OK)


def test_a_flood_of_link_requests_stops_at_the_limit_and_reads_nothing_more(world, settings):
    settings.PUBLIC_REQUESTS_PER_MINUTE = 20
    client = Client()
    link = _link(world.invitation_a)

    statuses = [client.get(link).status_code for _ in range(60)]

    assert statuses[:20] == [HTTPStatus.OK] * 20
    assert set(statuses[20:]) == {HTTPStatus.TOO_MANY_REQUESTS}
