"""The main navigation and links to a municipality's pages."""

import re
from http import HTTPStatus

import pytest
from django.test import RequestFactory
from django.urls import NoReverseMatch

from daadkracht.common.navigation import (
    COLLABORATION,
    MAIN_NAVIGATION,
    navigation_for,
    tenant_url,
)
from daadkracht.tenancy.context import TenantContext
from daadkracht.tenancy.models import Membership


def _tenant(world, who: str) -> TenantContext:
    membership = Membership.unscoped.get(user=world.users[who], municipality=world.a)
    return TenantContext(municipality=world.a, membership=membership)


def _current(entries) -> list[str]:
    return [entry["url"] for entry in entries if entry["current"]]


def test_a_coordinator_sees_every_page(world):
    items = navigation_for(_tenant(world, "coordinator"), "/alfa/plan/acties/")

    assert len(items) == len(MAIN_NAVIGATION)
    assert _current(items) == ["/alfa/plan/acties/"]
    collaboration = next(item for item in items if item["children"])
    assert [child["url"] for child in collaboration["children"]] == [
        "/alfa/traject/",
        "/alfa/samenwerking/",
        "/alfa/overleg/",
        "/alfa/aanbod/aanvragen/",
    ]


@pytest.mark.parametrize(
    ("path", "area"),
    [
        ("/alfa/traject/", "/alfa/traject/"),
        ("/alfa/samenwerking/rondes/3/resultaten/", "/alfa/samenwerking/"),
        ("/alfa/overleg/12/", "/alfa/overleg/"),
        ("/alfa/overleg/klimaatteams/", "/alfa/overleg/"),
        ("/alfa/werkafspraken/", "/alfa/overleg/"),
        ("/alfa/werkafspraken/4/bewerken/", "/alfa/overleg/"),
        ("/alfa/aanbod/aanvragen/", "/alfa/aanbod/aanvragen/"),
    ],
)
def test_the_collaboration_entry_is_current_on_each_of_its_areas(world, path, area):
    items = navigation_for(_tenant(world, "coordinator"), path)

    collaboration = next(item for item in items if item["children"])
    assert _current(items) == [collaboration["url"]] == ["/alfa/traject/"]
    assert _current(collaboration["children"]) == [area]


def test_without_the_diagnosis_the_group_leaves_it_out(world):
    items = navigation_for(_tenant(world, "viewer"), "/alfa/")

    collaboration = next(item for item in items if item["children"])
    assert [child["url"] for child in collaboration["children"]] == [
        "/alfa/traject/",
        "/alfa/overleg/",
    ]
    assert len(COLLABORATION.items) == 4


def test_the_pages_show_the_second_row_only_inside_the_group(world):
    client = world.client_for("coordinator")
    agreements = client.get("/alfa/werkafspraken/")
    assert agreements.status_code == HTTPStatus.OK
    html = agreements.content.decode()

    main = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    assert re.findall(r'<a href="([^"]+)" aria-current="page">', main) == ["/alfa/traject/"]
    assert ">Samenwerking</a>" in main
    assert ">Overleg</a>" not in main
    section = re.search(r'<nav class="section-nav" aria-label="Samenwerking">.*?</nav>', html, re.S)
    assert section is not None
    links = re.findall(r'<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>', section.group(0))
    assert links == [
        ("/alfa/traject/", "", "Traject"),
        ("/alfa/samenwerking/", "", "Diagnose"),
        ("/alfa/overleg/", ' aria-current="page"', "Overleg"),
        ("/alfa/aanbod/aanvragen/", "", "Ondersteuningsaanbod"),
    ]
    dashboard = client.get("/alfa/").content.decode()
    assert 'class="section-nav"' not in dashboard


def test_a_mistyped_page_name_fails_loudly(world):
    request = RequestFactory().get("/alfa/")
    request.tenant = _tenant(world, "viewer")

    assert tenant_url(request, "plans:actions") == "/alfa/plan/acties/"
    with pytest.raises(NoReverseMatch):
        tenant_url(request, "plans:actoins")


def test_the_administration_entry_groups_the_set_up_of_the_municipality(world):
    items = navigation_for(_tenant(world, "coordinator"), "/alfa/diensten/")
    administration = items[-1]
    assert [child["url"] for child in administration["children"]] == [
        "/alfa/plan/instellingen/",
        "/alfa/diensten/",
        "/alfa/leden/",
        "/alfa/geschiedenis/",
    ]
    assert _current(items) == [administration["url"]] == ["/alfa/plan/instellingen/"]
    viewer = navigation_for(_tenant(world, "viewer"), "/alfa/")[-1]
    assert [child["url"] for child in viewer["children"]] == [
        "/alfa/plan/instellingen/",
        "/alfa/diensten/",
    ]


def test_the_network_has_an_entry_of_its_own(world):
    items = navigation_for(_tenant(world, "viewer"), "/alfa/netwerk/organisaties/3/")
    assert _current(items) == ["/alfa/netwerk/"]
