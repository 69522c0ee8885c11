"""The action list filters by partner; the export names each action's partners, and an
untouched export imports again without changes."""

import csv
import io
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from daadkracht.partners.models import PartnerRole
from tests.partners.conftest import add_partner, url

EXPORT_URL = "/alfa/plan/acties/export/"
IMPORT_URL = "/alfa/plan/acties/import/"


@pytest.fixture(autouse=True)
def uploads_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def csv_rows(response) -> list[dict[str, str]]:
    assert response.status_code == HTTPStatus.OK
    text = response.getvalue().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_the_list_shows_only_the_actions_of_the_chosen_partner(world, alliance):
    add_partner(world, world.action_a, alliance.fluvius, PartnerRole.EXECUTOR)
    add_partner(world, world.action_a, alliance.fluvius, PartnerRole.CO_FINANCER)
    add_partner(world, world.other_action_a, alliance.ivbo, PartnerRole.LEAD_PARTNER)
    client = world.client_for("viewer")
    response = client.get(url("plans:actions", world) + f"?partner={alliance.fluvius.pk}")
    text = response.content.decode()
    assert "Fietsstraten in het centrum" in text
    assert "Ontharding van schoolpleinen" not in text
    # Two roles, one row.
    assert response.context["page"].paginator.count == 1
    # The filter form keeps the partner when other filters change.
    assert f'name="partner" value="{alliance.fluvius.pk}"' in text
    assert f"partner={alliance.fluvius.pk}" in response.context["share_url"]
    # Which partner, linked to its page, and the way back to every partner's actions.
    organisation_url = url("stakeholders:organisation", world, pk=alliance.fluvius.pk)
    assert f'<a href="{organisation_url}">Fluvius</a>' in text
    assert "Alleen de acties met partner" in text


@pytest.mark.parametrize("value", ["foreign", "999999", "-1", "abc", "<script>", "9" * 30])
def test_a_foreign_or_odd_partner_shows_nothing_of_it_and_no_error(world, alliance, value):
    add_partner(world, world.action_a, alliance.fluvius)
    partner = str(alliance.beta_port.pk) if value == "foreign" else value
    response = world.client_for("coordinator").get(
        url("plans:actions", world), {"partner": partner}
    )
    assert response.status_code == HTTPStatus.OK
    text = response.content.decode()
    assert "Havenbedrijf Beta" not in text
    if value in ("foreign", "999999"):
        assert response.context["page"].paginator.count == 0
        assert "Deze partner staat niet in het netwerk" in text


def test_the_export_names_the_partners_of_each_action_with_their_role_in_dutch(world, alliance):
    add_partner(world, world.action_a, alliance.ivbo, PartnerRole.CO_FINANCER)
    add_partner(world, world.action_a, alliance.fluvius, PartnerRole.EXECUTOR)
    rows = csv_rows(world.client_for("viewer").get(f"{EXPORT_URL}?format=csv"))
    partners = {row["Titel"]: row["Partners"] for row in rows}
    assert partners["Fietsstraten in het centrum"] == "Fluvius (uitvoerder); IVBO (cofinancier)"
    assert partners["Ontharding van schoolpleinen"] == ""


def test_the_export_filtered_by_partner_holds_only_its_actions(world, alliance):
    add_partner(world, world.other_action_a, alliance.ivbo, PartnerRole.LEAD_PARTNER)
    response = world.client_for("viewer").get(f"{EXPORT_URL}?format=csv&partner={alliance.ivbo.pk}")
    rows = csv_rows(response)
    assert [row["Titel"] for row in rows] == ["Ontharding van schoolpleinen"]
    assert rows[0]["Partners"] == "IVBO (trekkende partner)"


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_an_untouched_export_with_partners_imports_without_changes(world, alliance, fmt):
    add_partner(world, world.action_a, alliance.ivbo, PartnerRole.CO_FINANCER)
    add_partner(world, world.action_a, alliance.fluvius, PartnerRole.EXECUTOR)
    coordinator = world.client_for("coordinator")
    exported = coordinator.get(f"{EXPORT_URL}?format={fmt}").getvalue()
    response = coordinator.post(IMPORT_URL, {"file": SimpleUploadedFile(f"export.{fmt}", exported)})
    preview = response.context["preview"]
    assert preview.errors == []
    assert preview.counts == {"new": 0, "updated": 0, "unchanged": 2}
