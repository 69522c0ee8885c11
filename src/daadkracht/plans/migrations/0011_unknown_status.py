"""An "unknown" status category, and one status of it in every plan.

A plan that has no status of that category gets one at the end of its list, named in the
language its statuses are written in (Dutch unless its default statuses read French or English),
so that an action whose source says nothing about its state can say so instead of passing for
"not started". Plans that have one already are left alone.

Going back, the actions with such a status move to the plan's first "not started" status (the
only meaning the earlier list had for them) and the "unknown" statuses are removed.
"""

from django.db import migrations, models

UNKNOWN = "unknown"
NOT_STARTED = "not_started"
COLOUR = "#6a5d7b"

# The default status names of a new plan, per language, as they were written until now; the
# language whose names a plan uses most names its new status.
DEFAULT_NAMES = {
    "nl": {
        "niet gestart",
        "in voorbereiding",
        "op schema",
        "vertraagd",
        "afgerond",
        "uitgesteld",
        "geannuleerd",
    },
    "fr": {
        "pas commencée",
        "en préparation",
        "dans les temps",
        "en retard",
        "terminée",
        "reportée",
        "annulé",
        "annulée",
    },
    "en": {
        "not started",
        "in preparation",
        "on track",
        "delayed",
        "completed",
        "postponed",
        "cancelled",
    },
}
# The name of the new status, and another one should a status of the plan bear that name.
UNKNOWN_NAMES = {
    "nl": ("onbekend", "status onbekend"),
    "fr": ("inconnu", "statut inconnu"),
    "en": ("unknown", "status unknown"),
}


def plan_language(names: set[str]) -> str:
    """The language of the plan's status names; Dutch when they do not tell."""
    matches = {language: len(names & known) for language, known in DEFAULT_NAMES.items()}
    best = max(matches.values())
    if best == 0 or matches["nl"] == best:
        return "nl"
    return max(matches, key=lambda language: matches[language])


def free_name(language: str, names: set[str]) -> str:
    first, second = UNKNOWN_NAMES[language]
    for candidate in (first, second):
        if candidate not in names:
            return candidate
    number = 2
    while f"{first} ({number})" in names:
        number += 1
    return f"{first} ({number})"


def add_unknown_statuses(apps, schema_editor):
    Plan = apps.get_model("plans", "Plan")
    ActionStatus = apps.get_model("plans", "ActionStatus")
    statuses = ActionStatus._base_manager
    covered = set(statuses.filter(category=UNKNOWN).values_list("plan_id", flat=True))
    new = []
    for plan in Plan._base_manager.exclude(pk__in=covered).order_by("pk"):
        existing = list(statuses.filter(plan_id=plan.pk).values_list("name", "position"))
        names = {name.strip().casefold() for name, _position in existing}
        language = plan_language(names)
        new.append(
            ActionStatus(
                municipality_id=plan.municipality_id,
                plan_id=plan.pk,
                name=free_name(language, names),
                category=UNKNOWN,
                colour=COLOUR,
                position=max((position for _name, position in existing), default=-1) + 1,
            )
        )
    statuses.bulk_create(new)


def remove_unknown_statuses(apps, schema_editor):
    Action = apps.get_model("plans", "Action")
    ActionStatus = apps.get_model("plans", "ActionStatus")
    statuses = ActionStatus._base_manager
    unknown = statuses.filter(category=UNKNOWN)
    for plan_id in set(unknown.values_list("plan_id", flat=True)):
        others = statuses.filter(plan_id=plan_id).exclude(category=UNKNOWN)
        fallback = (
            others.filter(category=NOT_STARTED).order_by("position", "pk").first()
            or others.order_by("position", "pk").first()
        )
        if fallback is not None:
            Action._base_manager.filter(status__plan_id=plan_id, status__category=UNKNOWN).update(
                status_id=fallback.pk
            )
    # A status that still holds actions (a plan with no other status) stays: PROTECT.
    unknown.exclude(
        pk__in=Action._base_manager.values("status_id"),
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0010_timeline_entry_source"),
    ]

    operations = [
        migrations.AlterField(
            model_name="actionstatus",
            name="category",
            field=models.CharField(
                choices=[
                    ("not_started", "not started"),
                    ("active", "under way"),
                    ("delayed", "delayed"),
                    ("paused", "paused"),
                    ("done", "completed"),
                    ("cancelled", "cancelled"),
                    ("unknown", "unknown"),
                ],
                max_length=20,
                verbose_name="meaning",
            ),
        ),
        migrations.RunPython(add_unknown_statuses, remove_unknown_statuses),
    ]
