"""An untouched export re-imports as "0 changed", whatever the plan holds (a property test)."""

import os
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from daadkracht.common.numbers import parse_amount
from daadkracht.plans.models import Action, ActionDepartment, ActionTag, ActionTheme, Tag, Theme
from daadkracht.tenancy.models import Department
from daadkracht.testing.factories import as_platform

# More examples for a deeper search: DAADKRACHT_PROPERTY_EXAMPLES=500 pytest this file.
EXAMPLES = int(os.environ.get("DAADKRACHT_PROPERTY_EXAMPLES", "25"))
EXPORT_URL = "/alfa/plan/acties/export/"
IMPORT_URL = "/alfa/plan/acties/import/"

# Words as real plans write them: accents, quotes, formula-like starts, separators inside text.
WORDS = [
    "Energie",
    "energie-efficiëntie",
    "Wonen",
    "Mobiliteit",
    "Groen & blauw",
    "=1+1",
    "+32 50 44 80 00",
    "-ontharding",
    "@gemeente",
    '"Aanhalingstekens"',
    "Ça va",
    "Straße",
    "  spaties  ",
    "B3.01",
    "0042",
    "1.250,50",
    "ĳzel",
]
text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join).map(str.strip)
free_text = st.one_of(
    st.just(""),
    text,
    st.lists(text, min_size=2, max_size=3).map("; ".join),
    st.lists(text, min_size=2, max_size=3).map("\n".join),
)
money = st.one_of(
    st.none(),
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
)
quantity = st.one_of(
    st.none(),
    st.decimals(min_value=0, max_value=10**7, places=1, allow_nan=False, allow_infinity=False),
)
days = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))


def _not_a_number(note: str) -> bool:
    """A note holds what a source gives instead of a number (the forms refuse a number)."""
    try:
        parse_amount(note)
    except ValueError:
        return True
    return False


@st.composite
def plans(draw: st.DrawFn) -> dict:
    """Themes (some sharing a name under different codes), departments, tags and actions."""
    theme_count = draw(st.integers(min_value=1, max_value=6))
    themes = []
    for number in range(theme_count):
        coded = draw(st.booleans())
        themes.append(
            {
                "code": f"B{number + 1}" if coded else "",
                # Names repeat only among coded themes: an uncoded theme is named by its name.
                "name": draw(text) if coded else f"Thema zonder code {number}",
            }
        )
    actions = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "title": text,
                    "description": free_text,
                    "progress": st.integers(min_value=0, max_value=100),
                    "dates": st.tuples(days, days),
                    "budget_planned": money,
                    "budget_spent": money,
                    "budget_note": st.one_of(st.just(""), text.filter(_not_a_number)),
                    "co2_reduction": quantity,
                    "themes": st.sets(st.integers(min_value=0, max_value=theme_count - 1)),
                    "tags": st.sets(st.sampled_from(["warmte", "Fiets", "=SOM(A1)", "ĳs"])),
                    "lead": st.sampled_from([None, 0, 1]),
                    "involved": st.sets(st.integers(min_value=0, max_value=1), max_size=2),
                }
            ),
            min_size=1,
            max_size=8,
        )
    )
    return {"themes": themes, "actions": actions}


@as_platform
def build(world, plan: dict) -> None:
    municipality = world.a
    departments = list(Department.unscoped.filter(municipality=municipality).order_by("pk"))
    themes = [
        Theme.unscoped.create(municipality=municipality, plan=world.plan_a, position=n, **theme)
        for n, theme in enumerate(plan["themes"])
    ]
    status = world.action_a.status
    for number, values in enumerate(plan["actions"]):
        start, deadline = values["dates"]
        if start and deadline and deadline < start:  # a deadline never lies before the start
            start, deadline = deadline, start
        action = Action.unscoped.create(
            municipality=municipality,
            plan=world.plan_a,
            identifier=f"P.{number:02d}",
            status=status,
            title=values["title"],
            description=values["description"],
            progress=values["progress"],
            start_date=start,
            deadline=deadline,
            budget_planned=values["budget_planned"],
            budget_spent=values["budget_spent"],
            budget_note=values["budget_note"],
            co2_reduction=values["co2_reduction"],
            lead_department=None if values["lead"] is None else departments[values["lead"]],
        )
        for index in values["themes"]:
            ActionTheme.unscoped.create(
                municipality=municipality, action=action, theme=themes[index]
            )
        for name in values["tags"]:
            tag, _new = Tag.unscoped.get_or_create(municipality=municipality, name=name)
            ActionTag.unscoped.create(municipality=municipality, action=action, tag=tag)
        for index in values["involved"] - {values["lead"]}:  # a lead is not also "involved"
            ActionDepartment.unscoped.create(
                municipality=municipality, action=action, department=departments[index]
            )


@pytest.fixture(autouse=True)
def uploads_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=plans())
def test_an_untouched_export_reimports_unchanged(world, plan):
    coordinator = world.client_for("coordinator")
    with transaction.atomic():
        build(world, plan)
        total = Action.unscoped.filter(plan=world.plan_a).count()
        for fmt in ("xlsx", "csv"):
            exported = coordinator.get(f"{EXPORT_URL}?format={fmt}").getvalue()
            response = coordinator.post(
                IMPORT_URL,
                {"file": SimpleUploadedFile(f"export.{fmt}", exported)},
            )
            preview = response.context["preview"]
            assert preview.errors == [], (fmt, preview.errors[:3])
            assert preview.counts == {"new": 0, "updated": 0, "unchanged": total}, fmt
        transaction.set_rollback(True)
