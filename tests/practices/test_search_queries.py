"""Realistic Dutch queries over realistic practices, with the practices each must find."""

import pytest

from daadkracht.access.context import public_scope
from daadkracht.practices.search.query import search_practices
from tests.practices import corpus

# (query, the keys of the practices it finds): every word must occur, stemmed, accents ignored.
QUERIES = [
    ("warmtenet", {"gent_warmtenet", "leuven_warmtenet"}),
    ("warmtenetten", {"gent_warmtenet", "leuven_warmtenet"}),
    ("klimaatacties", {"wijnegem_burgerbudget", "boechout_jeugd"}),
    ("klimaatactie", {"wijnegem_burgerbudget", "boechout_jeugd"}),
    ("energie efficientie", {"zottegem_ledverlichting", "lommel_straatverlichting"}),
    ("energie-efficiëntie", {"zottegem_ledverlichting", "lommel_straatverlichting"}),
    ("ENERGIE-EFFICIENTIE gebouwen", {"zottegem_ledverlichting"}),
    ("fietsstraten", {"mechelen_fietsstraten"}),
    ("fietsstraat scholen", {"mechelen_fietsstraten"}),
    ("deelwagen", {"hasselt_deelwagens"}),
    ("geveltuin", {"boechout_geveltuinen"}),
    ("ontharding", {"zottegem_ontharding", "lommel_speelplaatsen"}),
    ("regenwater", {"zottegem_ontharding", "mechelen_regentonnen"}),
    ("hittestress", {"gent_hitteplan"}),
    ("koel plekken", {"gent_hitteplan"}),
    ("zonnepanelen scholen", {"oudenburg_zonnepanelen"}),
    ("zonnepanelen", {"oudenburg_zonnepanelen", "hoeilaart_cooperatie"}),
    ("cooperatie", {"hoeilaart_cooperatie"}),
    # The singular meets the plural through the second stemmer: zonnepanelen, wegen, daken.
    ("zonnepaneel", {"oudenburg_zonnepanelen", "hoeilaart_cooperatie"}),
    ("trage weg", {"herent_trage_wegen"}),
    ("dak", {"oudenburg_zonnepanelen", "leuven_renovatie"}),  # daken, dakisolatie
    ("energiecoach", {"herzele_energiecoaching"}),
    ("klimaatteam", {"kortrijk_klimaatteam"}),
    ("burgerbudget", {"wijnegem_burgerbudget"}),
    ("voedselstrategie korte keten", {"hasselt_voedselstrategie"}),
    ("circulaire aanbesteding", {"leuven_meubilair"}),
    ("aanbesteding", {"leuven_meubilair", "hasselt_deelwagens"}),
    ("renovatie energieloket", {"leuven_renovatie"}),
    ("herstellen", {"gistel_repaircafe", "leuven_meubilair"}),  # herstelbaarheid
    ("hagen", {"gistel_hagen"}),
    ("schoolomgeving", {"kortrijk_schoolstraat"}),
    ("Gent", {"gent_warmtenet", "gent_hitteplan"}),
    ("de warmtepompen van een wijk", {"leuven_warmtenet"}),
    ("warmtenet fietsstraat", set()),
    ("kernenergie", set()),
]


@pytest.fixture
def practices(db):
    return corpus.build()


def _found(text: str) -> set[str]:
    with public_scope(None):
        page = search_practices(
            text=text,
            themes=[],
            werven=[],
            provinces=[],
            sizes=[],
            years=[],
            sort="relevance",
            page=1,
            page_size=100,
        )
    return {result.practice.title for result in page.results}


@pytest.mark.parametrize(("text", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_a_realistic_query_finds_the_practices_it_should(practices, text, expected):
    assert _found(text) == {practices[key].title for key in expected}


def test_there_are_at_least_twenty_queries_over_about_twenty_five_practices():
    assert len(QUERIES) >= 20
    assert len(corpus.PUBLISHED_KEYS) >= 25 - 2
