"""Related practices on an action's page: other municipalities', same themes, similar words."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from daadkracht.plans.models import Action, Theme
from daadkracht.practices.models import Adoption, PracticeStatus, PracticeTheme
from daadkracht.practices.search.related import action_themes, related_practices
from daadkracht.testing.factories import MunicipalityFactory, PracticeFactory, as_platform
from tests.practices import corpus


@pytest.fixture
def setting(world):
    practices = corpus.build()
    with as_platform_scope():
        mobility = Theme.unscoped.create(
            municipality=world.a, plan=world.plan_a, name="Mobiliteit en verkeer"
        )
        action = Action.unscoped.get(pk=world.action_a.pk)
        action.description = "Meer fietsstraten rond de scholen en een veilige schoolomgeving."
        action.save()
        action.themes.add(mobility)
    return world, practices


def as_platform_scope():
    from daadkracht.access.context import platform_scope

    return platform_scope()


def _related(world, action_id, **kwargs):
    with world.as_member("coordinator"):
        action = Action.objects.get(pk=action_id)
        return related_practices(action, **kwargs)


def test_the_best_match_comes_first_with_its_reasons(setting):
    world, practices = setting
    with translation.override("en"):
        related = _related(world, world.action_a.pk)
    assert len(related) == 3
    best = related[0]
    assert best.practice.title == practices["mechelen_fietsstraten"].title
    assert best.reason.startswith("Same theme: Mobility · words in common: ")
    assert "fietsstraten" in best.reason
    assert "scholen" in best.reason
    # The others share the theme (the mobility practices) or the words.
    assert all(item.reason for item in related)


def test_the_reason_is_in_dutch_for_a_dutch_reader(setting):
    world, _ = setting
    with translation.override("nl"):
        reason = _related(world, world.action_a.pk)[0].reason
    assert reason.startswith("Zelfde thema: Mobiliteit")


def test_own_municipality_drafts_and_adopted_practices_are_left_out(setting):
    world, practices = setting
    PracticeFactory(
        municipality=world.a,
        title="Fietsstraten rond de scholen van Alfa",
        themes=[PracticeTheme.MOBILITY],
    )
    PracticeFactory(
        municipality=world.b,
        title="Fietsstraten rond scholen, nog een ontwerp",
        status=PracticeStatus.DRAFT,
        themes=[PracticeTheme.MOBILITY],
    )
    as_platform(Adoption.unscoped.create)(
        municipality=world.a, practice=practices["mechelen_fietsstraten"], action=world.action_a
    )
    titles = [item.practice.title for item in _related(world, world.action_a.pk, limit=10)]
    assert "Fietsstraten rond de scholen van Alfa" not in titles
    assert "Fietsstraten rond scholen, nog een ontwerp" not in titles
    assert practices["mechelen_fietsstraten"].title not in titles
    assert titles  # the other mobility practices are still proposed


def test_an_action_without_words_or_themes_in_common_gets_none(world):
    PracticeFactory(municipality=MunicipalityFactory(), title="Repair café")
    with as_platform_scope():
        action = Action.unscoped.get(pk=world.action_b.pk)
        action.title = "Xyz"
        action.save()
    with translation.override("en"):
        assert related_practices_of(world, world.action_b.pk) == []


def related_practices_of(world, pk):
    from daadkracht.access.context import tenant_scope

    with tenant_scope(world.b):
        return related_practices(Action.objects.get(pk=pk))


def test_plan_themes_and_action_words_map_onto_practice_themes():
    assert action_themes(["Ontharding van schoolpleinen"]) == {PracticeTheme.ADAPTATION}
    assert action_themes(["Zonnepanelen op het gemeentehuis"]) == {PracticeTheme.ENERGY}
    assert PracticeTheme.MOBILITY in action_themes(["Mobiliteit", "Deelwagens in elke wijk"])


def test_the_include_links_each_practice_and_shows_the_reason(setting):
    world, _ = setting
    with translation.override("en"):
        related = _related(world, world.action_a.pk)
        html = render_to_string("practices/includes/related_practices.html", {"related": related})
    assert "<h2" in html
    assert "Practices of other municipalities" in html
    assert "Why:" in html
    assert related[0].practice.municipality.name in html
    assert (
        render_to_string("practices/includes/related_practices.html", {"related": []}).strip() == ""
    )


def test_related_practices_read_a_few_queries(setting, django_assert_max_num_queries):
    world, _ = setting
    with world.as_member("coordinator"):
        action = Action.objects.get(pk=world.action_a.pk)
        with django_assert_max_num_queries(6):
            related = related_practices(action, limit=10)
            [item.practice.municipality.name for item in related]
            [list(item.practice.theme_tags.all()) for item in related]
