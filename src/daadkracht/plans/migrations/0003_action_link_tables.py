"""Actions' themes and tags become tenant data of their own: explicit link tables."""

import django.db.models.deletion
import django.db.models.manager
from django.db import migrations, models


def copy_links(apps, schema_editor):
    Action = apps.get_model("plans", "Action")
    ActionTheme = apps.get_model("plans", "ActionTheme")
    ActionTag = apps.get_model("plans", "ActionTag")
    municipality_of = dict(Action._base_manager.values_list("id", "municipality_id"))
    old_themes = Action.themes.through
    old_tags = Action.tags.through
    ActionTheme._base_manager.bulk_create(
        ActionTheme(
            municipality_id=municipality_of[row.action_id],
            action_id=row.action_id,
            theme_id=row.theme_id,
        )
        for row in old_themes._base_manager.all()
    )
    ActionTag._base_manager.bulk_create(
        ActionTag(
            municipality_id=municipality_of[row.action_id],
            action_id=row.action_id,
            tag_id=row.tag_id,
        )
        for row in old_tags._base_manager.all()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0002_status_update_date_index"),
        ("tenancy", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ActionTheme",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("municipality", models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="tenancy.municipality", verbose_name="municipality")),
                ("action", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="theme_links", to="plans.action")),
                ("theme", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="action_links", to="plans.theme")),
            ],
            options={
                "verbose_name": "theme of an action",
                "verbose_name_plural": "themes of actions",
                "abstract": False,
                "default_manager_name": "objects",
                "base_manager_name": "unscoped",
                "constraints": [models.UniqueConstraint(fields=("action", "theme"), name="action_theme_unique")],
            },
            managers=[
                ("unscoped", django.db.models.manager.Manager()),
                ("objects", django.db.models.manager.Manager()),
            ],
        ),
        migrations.CreateModel(
            name="ActionTag",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("municipality", models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="tenancy.municipality", verbose_name="municipality")),
                ("action", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="tag_links", to="plans.action")),
                ("tag", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="action_links", to="plans.tag")),
            ],
            options={
                "verbose_name": "tag of an action",
                "verbose_name_plural": "tags of actions",
                "abstract": False,
                "default_manager_name": "objects",
                "base_manager_name": "unscoped",
                "constraints": [models.UniqueConstraint(fields=("action", "tag"), name="action_tag_unique")],
            },
            managers=[
                ("unscoped", django.db.models.manager.Manager()),
                ("objects", django.db.models.manager.Manager()),
            ],
        ),
        migrations.RunPython(copy_links, migrations.RunPython.noop),
        migrations.RemoveField(model_name="action", name="themes"),
        migrations.RemoveField(model_name="action", name="tags"),
        migrations.AddField(
            model_name="action",
            name="themes",
            field=models.ManyToManyField(blank=True, related_name="actions", through="plans.ActionTheme", to="plans.theme", verbose_name="themes"),
        ),
        migrations.AddField(
            model_name="action",
            name="tags",
            field=models.ManyToManyField(blank=True, related_name="actions", through="plans.ActionTag", to="plans.tag", verbose_name="tags"),
        ),
    ]
