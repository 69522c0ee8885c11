"""The methods of the catalogue: workshop, kick-off day, lunch talk and climate team."""

from typing import Any

from django.db import migrations

METHOD_KEYS = ["workshop", "kick-off-day", "lunch-talk", "climate-team"]


def seed(apps: Any, schema_editor: Any) -> None:
    method = apps.get_model("meetings", "Method")
    for position, key in enumerate(METHOD_KEYS, 1):
        method.objects.update_or_create(key=key, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("meetings", "0001_methods_meetings_agreements")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
