"""Criteria, scores and scoring rounds keep their rows, links and history when their tables move
from the plans app to prioritisation (on SQLite and PostgreSQL alike)."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from daadkracht.access.context import tenant_scope
from daadkracht.history.selectors import entries_for_object
from daadkracht.plans.services.plan import plan_create
from daadkracht.prioritisation.models import (
    ActionScore,
    Criterion,
    RoundParticipant,
    RoundScore,
    ScoringRound,
)
from daadkracht.testing.factories import ActionFactory, MunicipalityFactory

# Transactional: migrations run outside a test transaction. The tests after it put back what data
# migrations put in (the methods catalogue) themselves: see `seed_method_catalogue`.
pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_THE_MOVE = ("plans", "0003_action_link_tables")


def migrate(*, back: bool):
    """Migrate to the state before the move (and return its models), or to the latest."""
    executor = MigrationExecutor(connection)
    if not back:
        executor.migrate(executor.loader.graph.leaf_nodes())
        return None
    # Apps that came later and build on the plans app are taken back with it.
    executor.migrate([BEFORE_THE_MOVE, ("prioritisation", None)])
    executor.loader.build_graph()
    return executor.loader.project_state(sorted(executor.loader.applied_migrations)).apps


def test_rows_survive_the_move_to_their_own_app():
    municipality = MunicipalityFactory(slug="alfa")
    with tenant_scope(municipality):
        plan = plan_create(
            actor=None,
            municipality=municipality,
            name="Klimaatplan",
            start_year=2021,
            end_year=2030,
            baseline_year=2011,
            baseline_emissions=Decimal(1000),
        )
    action = ActionFactory.create(plan=plan, identifier="B1.01")

    old = migrate(back=True)
    assert "plans_criterion" in connection.introspection.table_names()
    assert "prioritisation_criterion" not in connection.introspection.table_names()
    old_criterion = old.get_model("plans", "Criterion")
    criterion = old_criterion.objects.create(
        municipality_id=municipality.pk, plan_id=plan.pk, name="Eigen criterium", weight=2
    )
    old.get_model("plans", "ActionScore").objects.create(
        municipality_id=municipality.pk, action_id=action.pk, criterion=criterion, score=4
    )
    scoring_round = old.get_model("plans", "ScoringRound").objects.create(
        municipality_id=municipality.pk, plan_id=plan.pk, title="Workshop", join_code="ABCD-EFGH"
    )
    scoring_round.actions.add(action.pk)
    scoring_round.criteria.add(criterion)
    participant = old.get_model("plans", "RoundParticipant").objects.create(
        municipality_id=municipality.pk, scoring_round=scoring_round, name="Gast"
    )
    old.get_model("plans", "RoundScore").objects.create(
        municipality_id=municipality.pk,
        participant=participant,
        action_id=action.pk,
        criterion=criterion,
        score=3,
    )
    # History written before the move points at the plans content type; a `migrate` that
    # stopped halfway may have made a prioritisation one as well, with its own entry.
    old_types = old.get_model("contenttypes", "ContentType").objects
    before = old_types.get(app_label="plans", model="criterion")
    halfway = old_types.create(app_label="prioritisation", model="criterion")
    old_permissions = old.get_model("auth", "Permission").objects
    old_permissions.create(content_type=halfway, codename="add_criterion", name="Can add")
    old_entries = old.get_model("history", "AuditEntry").objects
    for content_type in (before, halfway):
        old_entries.create(
            municipality_id=municipality.pk,
            content_type=content_type,
            object_id=str(criterion.pk),
            object_repr="Eigen criterium",
            action="created",
        )

    migrate(back=False)
    ContentType.objects.clear_cache()

    assert "plans_criterion" not in connection.introspection.table_names()
    with tenant_scope(municipality):
        moved = Criterion.objects.get(pk=criterion.pk)
        assert moved.name == "Eigen criterium"
        assert Criterion.objects.filter(plan=plan).count() == 7  # six default ones and this one
        assert ActionScore.objects.get(criterion=moved).score == 4
        found = ScoringRound.objects.get(join_code="ABCD-EFGH")
        assert list(found.actions.values_list("pk", flat=True)) == [action.pk]
        assert list(found.criteria.all()) == [moved]
        assert RoundParticipant.objects.get(scoring_round=found).name == "Gast"
        assert RoundScore.objects.get(participant__scoring_round=found).score == 3

    content_type = ContentType.objects.get_for_model(Criterion)
    assert (content_type.app_label, content_type.pk) == ("prioritisation", before.pk)
    assert not ContentType.objects.filter(app_label="plans", model="criterion").exists()
    assert (
        Permission.objects.filter(content_type=content_type, codename="add_criterion").count() == 1
    )
    with tenant_scope(municipality):
        history = entries_for_object(
            model_label="prioritisation.criterion", object_id=str(criterion.pk)
        )
        assert history.count() == 2
