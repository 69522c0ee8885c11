"""The client's address: the connection's, or the one the deployment's trusted proxies report."""

import pytest
from django.test import RequestFactory

from daadkracht.access.client import client_address

PROXY = "10.0.0.2"
CLIENT = "203.0.113.7"
FORGED = "198.51.100.9"


def request(remote: str = PROXY, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = 0

    assert client_address(request(remote=CLIENT, forwarded=FORGED)) == CLIENT


def test_behind_one_proxy_the_address_it_appended_is_the_client(settings):
    settings.TRUSTED_PROXIES = 1

    assert client_address(request(forwarded=CLIENT)) == CLIENT


def test_behind_one_proxy_entries_the_client_sent_itself_do_not_count(settings):
    settings.TRUSTED_PROXIES = 1

    assert client_address(request(forwarded=f"{FORGED}, {CLIENT}")) == CLIENT
    assert client_address(request(forwarded=f"{FORGED},{FORGED}, {CLIENT}")) == CLIENT


def test_behind_two_proxies_the_outer_proxy_s_entry_is_read(settings):
    settings.TRUSTED_PROXIES = 2

    assert client_address(request(forwarded=f"{FORGED}, {CLIENT}, 10.0.0.1")) == CLIENT


@pytest.mark.parametrize(
    "forwarded", ["", "not-an-address", f"{CLIENT}:443", "203.0.113.300", " , ", "fe80::1%eth0"]
)
def test_a_missing_or_malformed_entry_falls_back_to_the_connection(settings, forwarded):
    settings.TRUSTED_PROXIES = 1

    assert client_address(request(forwarded=forwarded)) == PROXY


def test_too_few_entries_for_the_proxies_fall_back_to_the_connection(settings):
    settings.TRUSTED_PROXIES = 2

    assert client_address(request(forwarded=CLIENT)) == PROXY
    assert client_address(request()) == PROXY


def test_addresses_are_normalised(settings):
    settings.TRUSTED_PROXIES = 1

    assert client_address(request(forwarded="2001:DB8:0:0::1")) == "2001:db8::1"
    assert client_address(request(forwarded="::ffff:203.0.113.7")) == CLIENT


def test_a_connection_without_a_valid_address_gives_none(settings):
    settings.TRUSTED_PROXIES = 0

    assert client_address(request(remote="")) is None
    assert client_address(request(remote="unix-socket")) is None
