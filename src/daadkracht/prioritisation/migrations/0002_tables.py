"""The tables of criteria, scores and scoring rounds take this app's names (`prioritisation_*`),
the tables of a round's actions and criteria with them."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("prioritisation", "0001_initial"),
        ("plans", "0004_prioritisation_moves_out"),
    ]

    operations = [
        migrations.AlterModelTable(name="criterion", table=None),
        migrations.AlterModelTable(name="actionscore", table=None),
        migrations.AlterModelTable(name="scoringround", table=None),
        migrations.AlterModelTable(name="roundparticipant", table=None),
        migrations.AlterModelTable(name="roundscore", table=None),
    ]
