"""The words of real lists: organisation names compared as a person would, types and languages
in free words."""

import pytest

from daadkracht.stakeholders.models import Language, OrganisationKind
from daadkracht.stakeholders.spreadsheets.columns import Key, header_key, kind_of, language_of
from daadkracht.stakeholders.spreadsheets.names import name_key, similar


@pytest.mark.parametrize(
    ("one", "other", "alike"),
    [
        ("Fluvius", "Fluvius System Operator", True),
        ("Fluvius System Operator NV", "fluvius system operator", True),
        ("V.Z.W. Welzijnsschakels", "Welzijnsschakels", True),
        ("Welzijnsschakels", "Welzijnschakels", True),  # a typo
        ("Stad Brugge", "Stad Brugge Kenniscentrum", True),
        ("Stad Brugge", "Stad Gent", False),
        ("Scholengroep 1", "Scholengroep 2", False),
        ("IVBO", "Ecopower", False),
        ("École Saint-François", "ecole saint francois", True),
    ],
)
def test_names_are_compared_as_a_person_would(one, other, alike):
    assert similar(name_key(one), name_key(other)) is alike


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Intercommunale", OrganisationKind.INTERMUNICIPAL),
        ("distributienetbeheerder", OrganisationKind.GRID_OPERATOR),
        ("vzw", OrganisationKind.CIVIL_SOCIETY),
        ("Bedrijf", OrganisationKind.BUSINESS),
        ("Basisschool", OrganisationKind.SCHOOL),
        ("école", OrganisationKind.SCHOOL),
        ("armoedevereniging", OrganisationKind.POVERTY),
        ("netbeheerder", OrganisationKind.GRID_OPERATOR),
        ("Havenbedrijf", OrganisationKind.PORT),
        ("knowledge institution", OrganisationKind.KNOWLEDGE),
        ("gestionnaire de réseau", OrganisationKind.GRID_OPERATOR),
        ("Sociale economie", None),
    ],
)
def test_types_in_free_words(text, kind):
    assert kind_of(text) == kind


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("NL", Language.NL),
        ("Nederlands", Language.NL),
        ("fr", Language.FR),
        ("Frans", Language.FR),
        ("Français", Language.FR),
        ("english", Language.EN),
        ("Klingon", None),
    ],
)
def test_languages_in_free_words(text, language):
    assert language_of(text) == language


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("E-mailadres", Key.EMAIL),
        ("  e-MAIL ", Key.EMAIL),
        ("Adresse e-mail", Key.EMAIL),
        ("Téléphone", Key.PHONE),
        ("Naam organisatie", Key.ORGANISATION),
        ("Personne de contact", Key.CONTACT),
        ("Thema's", Key.THEMES),
        ("Taal", Key.LANGUAGE),
        ("Geboortedatum", None),
    ],
)
def test_headers_in_three_languages(header, key):
    assert header_key(header) == key
