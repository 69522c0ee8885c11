"""The organisation and contact lists: filters, search, sort, exports."""

import csv
import io

from openpyxl import load_workbook

from daadkracht.access.context import tenant_scope
from tests.stakeholders.conftest import url


def _names(response, column: int = 0) -> list[str]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    return [row[column] for row in rows[1:]]


def test_organisations_filter_by_type_and_theme_and_search(world, network):
    client = world.client_for("viewer")
    base = url("stakeholders:organisations", world)
    page = client.get(base + "?kind=grid_operator").content.decode()
    assert "Fluvius" in page
    assert "IVBO" not in page
    page = client.get(base + f"?theme={network.mobility.pk}").content.decode()
    assert "IVBO" in page
    assert "Fluvius" not in page
    page = client.get(base + "?q=afvalverwerking").content.decode()
    assert "IVBO" in page
    assert "Welzijnsschakels" not in page
    page = client.get(base + "?q=Nergens").content.decode()
    assert "Geen enkele organisatie past bij deze filters." in page


def test_organisations_sort_and_export(world, network):
    client = world.client_for("viewer")
    base = url("stakeholders:organisations", world)
    response = client.get(base + "?export=csv&sort=-name")
    assert response["Content-Type"].startswith("text/csv")
    assert _names(response) == ["Welzijnsschakels Brugge", "IVBO", "Fluvius"]
    response = client.get(base + "?export=xlsx&kind=intermunicipal")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    assert rows[0][:2] == ("Naam", "Soort")
    assert rows[1][0] == "IVBO"
    assert rows[1][3] == "E Energie, M Mobiliteit"
    assert rows[1][4] == 1


def test_contacts_filter_by_organisation_type_theme_and_purpose(world, network):
    client = world.client_for("coordinator")
    base = url("stakeholders:contacts", world)
    page = client.get(base + f"?organisation={network.ivbo.pk}").content.decode()
    assert "Jan Declercq" in page
    assert "Els Vandamme" not in page
    page = client.get(base + "?kind=poverty").content.decode()
    assert "Sofie Maertens" in page
    assert "Jan Declercq" not in page
    page = client.get(base + f"?theme={network.energy.pk}").content.decode()
    assert "Els Vandamme" in page
    assert "Jan Declercq" in page
    assert "Sofie Maertens" not in page
    page = client.get(base + "?purpose=governance").content.decode()
    assert "Els Vandamme" in page
    assert "Sofie Maertens" not in page
    page = client.get(base + "?q=fluvius").content.decode()
    assert "Els Vandamme" in page
    assert "Jan Declercq" not in page


def test_contacts_export_with_their_purposes_and_bases(world, network):
    client = world.client_for("coordinator")
    response = client.get(url("stakeholders:contacts", world) + "?export=csv&sort=organisation")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert [row[0] for row in rows[1:]] == ["Els Vandamme", "Jan Declercq", "Sofie Maertens"]
    els = rows[1]
    assert els[3] == "els.vandamme@fluvius.example"
    assert els[6] == "lidmaatschap van een bestuursorgaan (taak van algemeen belang)"
    assert rows[3][5] == "Frans"


def test_an_erased_person_is_not_listed(world, network):
    client = world.client_for("coordinator")
    client.post(url("stakeholders:contact_erase", world, pk=network.jan.pk))
    page = client.get(url("stakeholders:contacts", world)).content.decode()
    assert "Jan Declercq" not in page
    assert "Gewiste persoon" not in page


def test_with_many_organisations_the_filter_is_no_drop_down(world, network):
    from daadkracht.stakeholders.models import Organisation

    with tenant_scope(world.a):
        Organisation.objects.bulk_create(
            Organisation(name=f"Buurtcomité {n}", kind="citizen_group") for n in range(200)
        )
    client = world.client_for("coordinator")
    base = url("stakeholders:contacts", world)
    page = client.get(base).content.decode()
    assert 'name="organisation"' not in page
    page = client.get(base + f"?organisation={network.ivbo.pk}").content.decode()
    assert f'<input type="hidden" name="organisation" value="{network.ivbo.pk}">' in page
    assert "Jan Declercq" in page
    assert "Els Vandamme" not in page
