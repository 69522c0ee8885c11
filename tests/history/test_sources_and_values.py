"""The history says where each change was made (a form, the board, an import, a status update)
and shows amounts and scores as people read them, not as stored."""

import io
from http import HTTPStatus

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from daadkracht.history.models import AuditEntry, ChangeSource
from daadkracht.plans.models import Action, ActionStatus
from daadkracht.plans.services.updates import timeline_update_post
from daadkracht.prioritisation.models import Criterion
from daadkracht.prioritisation.services.scores import action_scores_save
from tests.plans.test_action_edit import action_data

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def action_history(client, action: Action):
    response = client.get(f"/alfa/geschiedenis/plans.action/{action.pk}/")
    assert response.status_code == HTTPStatus.OK
    return response


def sources(action: Action) -> list[str]:
    return list(
        AuditEntry.unscoped.filter(
            content_type__model="action", object_id=str(action.pk)
        ).values_list("source", flat=True)
    )


def edit_budget(world, amount: str) -> None:
    action = Action.unscoped.get(pk=world.action_a.pk)
    response = world.client_for("coordinator").post(
        f"/alfa/plan/acties/{action.pk}/bewerken/",
        action_data(
            world,
            identifier=action.identifier,
            title=action.title,
            budget_planned=amount,
            version=action.version,
        ),
    )
    assert response.status_code == HTTPStatus.FOUND


def test_a_budget_edited_in_the_form_reads_as_euros_via_a_form(world):
    edit_budget(world, "1250000")

    response = action_history(world.client_for("coordinator"), world.action_a)

    html = response.content.decode()
    assert sources(world.action_a) == [ChangeSource.FORM]
    assert "via een formulier" in html
    assert "€\u00a01.250.000<" in html
    assert "1250000,00" not in html


def test_amounts_follow_the_readers_notation_and_keep_cents_only_when_there_are_any(world):
    edit_budget(world, "1250000,50")
    coach = world.users["coach"]
    coach.language = "fr"
    coach.save(update_fields=["language"])

    html = action_history(world.client_for("coach"), world.action_a).content.decode()

    assert "€\u00a01\u202f250\u202f000,50" in html
    assert "via un formulaire" in html


def test_each_source_is_recorded_and_shown(world):
    coordinator = world.client_for("coordinator")
    statuses = list(ActionStatus.unscoped.filter(plan=world.plan_a).order_by("position"))
    coordinator.post(
        f"/alfa/plan/bord/{world.action_a.pk}/verplaatsen/", {"status": statuses[3].pk}
    )
    with world.as_member("editor"):
        timeline_update_post(
            actor=world.users["editor"], action=world.action_a, text="Eerste straat klaar."
        )
    workbook = Workbook()
    workbook.active.title = "Acties"
    workbook.active.append(["Nummer", "Titel", "Voortgang (%)"])
    workbook.active.append(["B3.01", world.action_a.title, 70])
    buffer = io.BytesIO()
    workbook.save(buffer)
    preview = coordinator.post(
        "/alfa/plan/acties/import/",
        {"file": SimpleUploadedFile("acties.xlsx", buffer.getvalue(), XLSX)},
    )
    coordinator.post(
        "/alfa/plan/acties/import/bevestigen/",
        {
            "token": preview.context["pending"].token,
            "fingerprint": preview.context["preview"].fingerprint,
            "apply": "1",
        },
    )

    html = action_history(coordinator, world.action_a).content.decode()
    recent = coordinator.get("/alfa/geschiedenis/").content.decode()

    assert sorted(sources(world.action_a)) == sorted(
        [ChangeSource.BOARD, ChangeSource.UPDATE, ChangeSource.IMPORT]
    )
    for phrase in ("via het statusbord", "via een statusupdate", "via een import"):
        assert phrase in html
        assert phrase in recent


def test_a_score_reads_as_a_score_out_of_five_on_its_action_and_criterion(world):
    with world.as_member("coordinator"):
        criterion = Criterion.objects.filter(plan=world.plan_a).first()
        action_scores_save(
            actor=world.users["coordinator"],
            action=world.action_a,
            scores={criterion.pk: (4, "Veel minder autoverkeer.")},
        )

    response = world.client_for("coordinator").get("/alfa/geschiedenis/")

    html = response.content.decode()
    assert f"<em>B3.01 · {criterion.name}</em>" in html
    assert "<td>4 op 5</td>" in html
