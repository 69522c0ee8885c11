"""Criteria, scores and scoring rounds belong to the prioritisation app now (its 0001 takes them
over in the migration state); their tables stay, so nothing happens in the database here."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("plans", "0003_action_link_tables"),
        ("prioritisation", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="RoundScore"),
                migrations.DeleteModel(name="RoundParticipant"),
                migrations.DeleteModel(name="ScoringRound"),
                migrations.DeleteModel(name="ActionScore"),
                migrations.DeleteModel(name="Criterion"),
            ],
        ),
    ]
