"""The content types of criteria, scores and scoring rounds move from `plans` to `prioritisation`,
so that the history entries, admin log and permissions that point at them follow.

Model labels are stored nowhere else: history entries and references, the admin log and
permissions point at a content type; used links store their purpose, not a model.
"""

from django.db import migrations

MODELS = ["criterion", "actionscore", "scoringround", "roundparticipant", "roundscore"]


def move_content_types(apps, schema_editor, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    pointing = [
        apps.get_model("admin", "LogEntry"),
        apps.get_model("history", "AuditEntry"),
        apps.get_model("history", "AuditReference"),
    ]
    db = schema_editor.connection.alias
    types = ContentType.objects.using(db)
    for model in MODELS:
        old = types.filter(app_label=source, model=model).first()
        if old is None:
            continue
        new = types.filter(app_label=target, model=model).first()
        if new is not None:
            # A content type made for the target already (by a `migrate` that stopped halfway):
            # what points at it joins the old one, and its permissions give way to the old ones.
            for pointer in pointing:
                pointer._base_manager.using(db).filter(content_type=new).update(content_type=old)
            codenames = Permission.objects.using(db).filter(content_type=old).values("codename")
            Permission.objects.using(db).filter(content_type=new, codename__in=codenames).delete()
            Permission.objects.using(db).filter(content_type=new).update(content_type=old)
            new.delete()
        old.app_label = target
        old.save(update_fields=["app_label"])


def forwards(apps, schema_editor):
    move_content_types(apps, schema_editor, "plans", "prioritisation")


def backwards(apps, schema_editor):
    move_content_types(apps, schema_editor, "prioritisation", "plans")


class Migration(migrations.Migration):

    dependencies = [
        ("prioritisation", "0002_tables"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("history", "0002_entries_of_no_municipality_and_references"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
