"""Every existing plan gets one status meaning "unknown", in the language of its statuses; going
back, its actions return to "not started" and the status goes (on SQLite and PostgreSQL alike)."""

import importlib
from decimal import Decimal

import pytest
from django.apps import apps as current_apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from daadkracht.access.context import tenant_scope
from daadkracht.plans.models import Action, ActionStatus, StatusCategory
from daadkracht.plans.services.plan import plan_create
from daadkracht.testing.factories import ActionFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("plans", "0010_timeline_entry_source")
MIGRATION = importlib.import_module("daadkracht.plans.migrations.0011_unknown_status")

FRENCH = {
    "niet gestart": "pas commencée",
    "in voorbereiding": "en préparation",
    "op schema": "dans les temps",
    "vertraagd": "en retard",
    "afgerond": "terminée",
    "uitgesteld": "reportée",
    "geannuleerd": "annulée",
}


def migrate(*, back: bool):
    """Migrate the plans app to the state before the unknown status (and return its models), or
    everything to the latest."""
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    if not back:
        executor.migrate(leaves)
        return None
    executor.migrate([BEFORE])
    return executor.loader.project_state([BEFORE]).apps


def new_plan(slug: str):
    municipality = MunicipalityFactory(slug=slug, name=f"Gemeente {slug}")
    with tenant_scope(municipality):
        return plan_create(
            actor=None,
            municipality=municipality,
            name=f"Klimaatplan {slug}",
            start_year=2021,
            end_year=2030,
            baseline_year=2011,
            baseline_emissions=Decimal(1000),
        )


def statuses_of(plan) -> list[tuple[str, str]]:
    rows = ActionStatus.unscoped.filter(plan=plan).order_by("position", "pk")
    return [(s.name, s.category) for s in rows]


def test_every_plan_gets_one_unknown_status_and_loses_it_going_back():
    damme = new_plan("damme")
    imported = ActionFactory.create(
        plan=damme,
        identifier="A.01",
        status=ActionStatus.unscoped.get(plan=damme, category=StatusCategory.UNKNOWN),
    )
    on_track = ActionFactory.create(
        plan=damme,
        identifier="A.02",
        status=ActionStatus.unscoped.get(plan=damme, name="op schema"),
    )
    komen, jabbeke, zuienkerke = new_plan("komen"), new_plan("jabbeke"), new_plan("zuienkerke")

    old = migrate(back=True)

    old_statuses = old.get_model("plans", "ActionStatus").objects
    assert not old_statuses.filter(category="unknown").exists()
    moved = old.get_model("plans", "Action").objects.get(pk=imported.pk)
    assert old_statuses.get(pk=moved.status_id).name == "niet gestart"
    # Komen-Waasten writes its statuses in French.
    for dutch, french in FRENCH.items():
        old_statuses.filter(plan_id=komen.pk, name=dutch).update(name=french)
    # Jabbeke has called a status "onbekend" already, meaning "not started".
    old_statuses.filter(plan_id=jabbeke.pk, name="niet gestart").update(name="onbekend")
    # Zuienkerke has its own status for it already.
    old_statuses.create(
        municipality_id=zuienkerke.municipality_id,
        plan_id=zuienkerke.pk,
        name="nog te bepalen",
        category="unknown",
        colour="#6a5d7b",
        position=3,
    )

    migrate(back=False)

    assert statuses_of(damme)[-1] == ("onbekend", StatusCategory.UNKNOWN)
    assert len(statuses_of(damme)) == 8
    assert statuses_of(komen)[-1] == ("inconnu", StatusCategory.UNKNOWN)
    assert statuses_of(jabbeke)[0] == ("onbekend", StatusCategory.NOT_STARTED)
    assert statuses_of(jabbeke)[-1] == ("status onbekend", StatusCategory.UNKNOWN)
    unknown_in_zuienkerke = [s for s in statuses_of(zuienkerke) if s[1] == StatusCategory.UNKNOWN]
    assert unknown_in_zuienkerke == [("nog te bepalen", StatusCategory.UNKNOWN)]
    # The actions keep the statuses they had.
    assert Action.unscoped.get(pk=imported.pk).status.name == "niet gestart"
    assert Action.unscoped.get(pk=on_track.pk).status.name == "op schema"

    # Run again, it adds nothing: every plan has its unknown status.
    before = ActionStatus.unscoped.count()
    MIGRATION.add_unknown_statuses(current_apps, None)
    assert ActionStatus.unscoped.count() == before
