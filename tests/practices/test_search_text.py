"""Dutch words as the index holds them: the issue's examples, on SQLite and on PostgreSQL."""

import pytest

from daadkracht.access.context import public_scope
from daadkracht.practices.search.query import search_practices
from daadkracht.practices.search.text import matches, query_stems, query_terms, stems, words
from daadkracht.testing.factories import PracticeFactory


def test_accents_case_and_hyphens_are_normalised():
    assert words("Energie-efficiëntie in ÉÉN gebouw") == ["energie", "efficientie", "gebouw"]
    assert words("Energie-efficiëntie") == ["energie", "efficientie"]
    assert words("CO₂-uitstoot") == ["co2", "uitstoot"]
    assert words("de warmte van het net") == ["warmte", "net"]


def test_plurals_and_singulars_share_a_stem():
    for plural, singular in [
        ("klimaatacties", "klimaatactie"),
        ("warmtenetten", "warmtenet"),
        ("deelwagens", "deelwagen"),
        ("geveltuinen", "geveltuin"),
        ("fietsstraten", "fietsstraat"),
        ("scholen", "school"),
    ]:
        assert stems(plural) == stems(singular), plural


def test_the_second_stem_joins_what_the_first_keeps_apart():
    for singular, plural in [("zonnepaneel", "zonnepanelen"), ("fietspad", "fietspaden")]:
        assert stems(singular) != stems(plural)
        [found] = query_terms(plural)
        assert matches(found, query_terms(singular))
        assert matches(query_terms(singular)[0], [found])


def test_a_second_stem_is_matched_whole_not_as_the_start_of_a_word():
    # "raam" and "ramp" share the older stemmer's start "ram", not its stem.
    [ramp] = query_terms("ramp")
    assert not matches(ramp, query_terms("raam"))
    assert matches(query_terms("ramen")[0], query_terms("raam"))


def test_a_query_keeps_distinct_stems_only():
    assert query_stems("Warmtenet warmtenetten WARMTENET") == ["warmtenet"]


@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("Vijf klimaatactie-fiches per wijk", "klimaatacties"),
        ("Het warmtenet van de stad", "warmtenetten"),
        ("Meer energie-efficiëntie in scholen", "energie efficientie"),
        ("Meer ENERGIE EFFICIËNTIE", "energie-efficiëntie"),
    ],
)
def test_the_issues_examples_are_found(db, stored, query):
    practice = PracticeFactory(title=stored)
    with public_scope(None):
        found = search_practices(
            text=query,
            themes=[],
            werven=[],
            provinces=[],
            sizes=[],
            years=[],
            sort="relevance",
            page=1,
        )
    assert [result.practice.pk for result in found.results] == [practice.pk]
