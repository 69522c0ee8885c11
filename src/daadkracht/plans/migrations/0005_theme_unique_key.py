"""One live theme per key (its code, or its name without one) in a plan.

Themes that share a key already get a suffix first (B1 → B1-2, Energie → Energie (2)), so that
a spreadsheet cell can only ever mean one theme.
"""

from django.db import migrations, models
from django.db.models.functions import Coalesce, Lower, NullIf

CODE_LENGTH = 12


def separate_shared_keys(apps, schema_editor):
    Theme = apps.get_model("plans", "Theme")
    themes = Theme._base_manager.filter(deleted_at__isnull=True).order_by("plan_id", "position", "id")
    taken: dict[int, set[str]] = {}
    for theme in themes:
        keys = taken.setdefault(theme.plan_id, set())
        key = (theme.code or theme.name).casefold()
        if key not in keys:
            keys.add(key)
            continue
        number = 2
        while True:
            if theme.code:
                suffix = f"-{number}"
                candidate = theme.code[: CODE_LENGTH - len(suffix)] + suffix
            else:
                suffix = f" ({number})"
                candidate = theme.name[: 200 - len(suffix)] + suffix
            if candidate.casefold() not in keys:
                break
            number += 1
        keys.add(candidate.casefold())
        field = "code" if theme.code else "name"
        Theme._base_manager.filter(pk=theme.pk).update(**{field: candidate})


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0004_prioritisation_moves_out"),
        ("tenancy", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(separate_shared_keys, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="theme",
            constraint=models.UniqueConstraint(
                Lower(Coalesce(NullIf("code", models.Value("")), "name")),
                models.F("plan"),
                condition=models.Q(deleted_at__isnull=True),
                name="theme_unique_live_key",
            ),
        ),
    ]
