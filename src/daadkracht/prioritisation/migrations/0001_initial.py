"""Criteria, scores and scoring rounds come over from the plans app: in the migration state only,
on the tables they have (`plans_*`); 0002 gives the tables the names of this app."""

import django.core.validators
import django.db.models.deletion
import django.db.models.manager
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models

import daadkracht.prioritisation.models


MANAGERS = [
    ("unscoped", django.db.models.manager.Manager()),
    ("objects", django.db.models.manager.Manager()),
]
TENANT_OPTIONS = {"abstract": False, "base_manager_name": "unscoped", "default_manager_name": "objects"}


def municipality():
    return models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="tenancy.municipality", verbose_name="municipality")


def score():
    return models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(5)], verbose_name="score")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("plans", "0003_action_link_tables"),
        ("tenancy", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Criterion",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                        ("key", models.SlugField(blank=True, help_text="Set for the default criteria, empty for your own.", max_length=40, verbose_name="key")),
                        ("name", models.CharField(max_length=120, verbose_name="name")),
                        ("description", models.TextField(blank=True, verbose_name="what a high score means")),
                        ("weight", models.DecimalField(decimal_places=2, default=Decimal("1"), max_digits=5, validators=[django.core.validators.MinValueValidator(Decimal("0")), django.core.validators.MaxValueValidator(Decimal("100"))], verbose_name="weight")),
                        ("position", models.PositiveIntegerField(default=0, verbose_name="position")),
                        ("municipality", municipality()),
                        ("plan", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="criteria", to="plans.plan")),
                    ],
                    options={
                        **TENANT_OPTIONS,
                        "db_table": "plans_criterion",
                        "verbose_name": "criterion",
                        "verbose_name_plural": "criteria",
                        "ordering": ["position", "id"],
                        "constraints": [models.UniqueConstraint(fields=("plan", "name"), name="criterion_unique_name")],
                    },
                    managers=MANAGERS,
                ),
                migrations.CreateModel(
                    name="ActionScore",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                        ("score", score()),
                        ("note", models.CharField(blank=True, max_length=300, verbose_name="explanation")),
                        ("action", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="scores", to="plans.action")),
                        ("municipality", municipality()),
                        ("scored_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("criterion", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="scores", to="prioritisation.criterion")),
                    ],
                    options={
                        **TENANT_OPTIONS,
                        "db_table": "plans_actionscore",
                        "verbose_name": "score",
                        "verbose_name_plural": "scores",
                        "constraints": [models.UniqueConstraint(fields=("action", "criterion"), name="score_unique")],
                    },
                    managers=MANAGERS,
                ),
                migrations.CreateModel(
                    name="ScoringRound",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                        ("title", models.CharField(max_length=200, verbose_name="title")),
                        ("state", models.CharField(choices=[("open", "open"), ("closed", "closed")], default="open", max_length=10, verbose_name="state")),
                        ("join_code", models.CharField(default=daadkracht.prioritisation.models.new_join_code, editable=False, max_length=40, unique=True)),
                        ("closed_at", models.DateTimeField(blank=True, null=True, verbose_name="closed")),
                        ("actions", models.ManyToManyField(related_name="scoring_rounds", to="plans.action", verbose_name="actions")),
                        ("created_by", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("criteria", models.ManyToManyField(related_name="scoring_rounds", to="prioritisation.criterion", verbose_name="criteria")),
                        ("municipality", municipality()),
                        ("plan", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="scoring_rounds", to="plans.plan")),
                    ],
                    options={
                        **TENANT_OPTIONS,
                        "db_table": "plans_scoringround",
                        "verbose_name": "scoring round",
                        "verbose_name_plural": "scoring rounds",
                        "ordering": ["-created_at"],
                    },
                    managers=MANAGERS,
                ),
                migrations.CreateModel(
                    name="RoundParticipant",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                        ("name", models.CharField(max_length=120, verbose_name="name")),
                        ("key", models.CharField(default=daadkracht.prioritisation.models.new_join_code, editable=False, max_length=40, unique=True)),
                        ("department", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="tenancy.department", verbose_name="department")),
                        ("municipality", municipality()),
                        ("user", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("scoring_round", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="participants", to="prioritisation.scoringround")),
                    ],
                    options={
                        **TENANT_OPTIONS,
                        "db_table": "plans_roundparticipant",
                        "verbose_name": "participant",
                        "verbose_name_plural": "participants",
                        "ordering": ["created_at"],
                    },
                    managers=MANAGERS,
                ),
                migrations.CreateModel(
                    name="RoundScore",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("score", score()),
                        ("action", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="plans.action")),
                        ("criterion", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="prioritisation.criterion")),
                        ("municipality", municipality()),
                        ("participant", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="scores", to="prioritisation.roundparticipant")),
                    ],
                    options={
                        **TENANT_OPTIONS,
                        "db_table": "plans_roundscore",
                        "verbose_name": "round score",
                        "verbose_name_plural": "round scores",
                        "constraints": [models.UniqueConstraint(fields=("participant", "action", "criterion"), name="round_score_unique")],
                    },
                    managers=MANAGERS,
                ),
            ],
        ),
    ]
