"""The columns of a network spreadsheet, and reading the words people write in them.

Headers are recognised in Dutch, French and English, whatever their case, accents or spaces.
"Naam" names the organisation, unless the file also has a column for the organisation: then it
names the person (as in the export of the contact persons).
"""

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from daadkracht.stakeholders.models import Language, OrganisationKind
from daadkracht.stakeholders.spreadsheets.names import plain


class Key(StrEnum):
    ORGANISATION = "organisation"
    KIND = "kind"
    WEBSITE = "website"
    THEMES = "themes"
    NOTES = "notes"
    CONTACT = "contact"
    FUNCTION = "function"
    EMAIL = "email"
    PHONE = "phone"
    LANGUAGE = "language"
    NAME = "name"  # organisation or person, depending on the other columns
    IGNORED = "ignored"  # known columns of the exports that are not read back


@dataclass(frozen=True)
class ColumnSpec:
    key: Key
    label: Promise
    max_length: int


SPECS = {
    Key.ORGANISATION: ColumnSpec(Key.ORGANISATION, _("Organisation"), 200),
    Key.KIND: ColumnSpec(Key.KIND, _("Type"), 100),
    Key.WEBSITE: ColumnSpec(Key.WEBSITE, _("Website"), 200),
    Key.THEMES: ColumnSpec(Key.THEMES, _("Themes"), 1000),
    Key.NOTES: ColumnSpec(Key.NOTES, _("Notes"), 5000),
    Key.CONTACT: ColumnSpec(Key.CONTACT, _("Contact person"), 200),
    Key.FUNCTION: ColumnSpec(Key.FUNCTION, _("Function"), 200),
    Key.EMAIL: ColumnSpec(Key.EMAIL, _("E-mail address"), 254),
    Key.PHONE: ColumnSpec(Key.PHONE, _("Phone"), 40),
    Key.LANGUAGE: ColumnSpec(Key.LANGUAGE, _("Preferred language"), 40),
}

# The template's columns, in its order.
TEMPLATE_KEYS = [
    Key.ORGANISATION,
    Key.KIND,
    Key.WEBSITE,
    Key.THEMES,
    Key.NOTES,
    Key.CONTACT,
    Key.FUNCTION,
    Key.EMAIL,
    Key.PHONE,
    Key.LANGUAGE,
]

_HEADERS: dict[Key, str] = {
    Key.ORGANISATION: (
        "organisatie | organisatienaam | naam organisatie | naam van de organisatie | "
        "organisation | organisation name | name of the organisation | organization | "
        "organization name | nom de l organisation | nom organisation | partner | bedrijf | "
        "instelling | entreprise | company"
    ),
    Key.KIND: (
        "type | soort | soort organisatie | type organisatie | categorie | category | type d "
        "organisation | kind | sector"
    ),
    Key.WEBSITE: ("website | site | site web | site internet | webstek | url | web"),
    Key.THEMES: ("themas | thema | themes | theme | thematiques | interesses"),
    Key.NOTES: (
        "notities | opmerkingen | opmerking | notes | note | remarques | remarque | "
        "commentaar | comments | comment | beschrijving | description"
    ),
    Key.CONTACT: (
        "contactpersoon | contact | naam contactpersoon | contactpersoon naam | contact "
        "person | contact name | personne de contact | nom du contact | nom de la personne de "
        "contact | persoon | person | volledige naam | full name | nom complet | voornaam en "
        "naam | naam en voornaam"
    ),
    Key.FUNCTION: ("functie | function | fonction | rol | job title | titel | title"),
    Key.EMAIL: (
        "e mail | email | e mailadres | emailadres | e mail adres | mail | mailadres | e mail "
        "address | email address | adresse e mail | courriel | adresse electronique"
    ),
    Key.PHONE: (
        "telefoon | telefoonnummer | tel | gsm | phone | phone number | telephone | numero de "
        "telephone | mobile | gsm nummer"
    ),
    Key.LANGUAGE: (
        "taal | voorkeurstaal | language | preferred language | langue | langue preferee | "
        "communicatietaal"
    ),
    Key.NAME: ("naam | name | nom"),
    Key.IGNORED: (
        "contactpersonen | contact persons | personnes de contact | aantal contactpersonen | "
        "doelen en rechtsgronden | purposes and lawful bases | finalites et bases legales"
    ),
}


@cache
def _header_index() -> dict[str, Key]:
    index: dict[str, Key] = {}
    for key, words in _HEADERS.items():
        for word in words.split("|"):
            index[plain(word).replace(" ", "")] = key
    # The labels as this application writes them, in every language: an export reads back.
    for code in ("nl", "fr", "en"):
        with translation.override(code):
            for spec in SPECS.values():
                index.setdefault(plain(str(spec.label)).replace(" ", ""), spec.key)
    return index


def header_key(header: str) -> Key | None:
    """The column a header names, or None for a column that is not imported."""
    return _header_index().get(plain(header).replace(" ", ""))


# Types of organisation in the words people use. Checked in this order, so that an
# "armoedevereniging" is a poverty organisation before it is an association.
_KIND_WORDS: list[tuple[OrganisationKind, str]] = [
    (
        OrganisationKind.GRID_OPERATOR,
        "netbeheerder | distributienetbeheerder | transmissienetbeheerder | grid operator | "
        "network operator | gestionnaire de reseau | gestionnaire du reseau | system operator | "
        "dso | tso",
    ),
    (
        OrganisationKind.INTERMUNICIPAL,
        "intercommunale | intergemeentelijk | intergemeentelijke | intermunicipal | "
        "samenwerkingsverband | intercommunal | streekintercommunale",
    ),
    (OrganisationKind.PORT, "haven | havenbedrijf | port | port authority | havenbestuur"),
    (
        OrganisationKind.POVERTY,
        "armoede | armoedeorganisatie | armoedevereniging | pauvrete | poverty | "
        "welzijnsschakel | vereniging waar armen het woord nemen",
    ),
    (
        OrganisationKind.SCHOOL,
        "school | basisschool | scholengroep | secundaire school | ecole | lycee | athenee | "
        "college | scholengemeenschap | onderwijs | enseignement | education",
    ),
    (
        OrganisationKind.KNOWLEDGE,
        "kennisinstelling | universiteit | hogeschool | onderzoek | onderzoekscentrum | "
        "kenniscentrum | university | universite | haute ecole | research | recherche | "
        "knowledge",
    ),
    (
        OrganisationKind.CITIZEN_GROUP,
        "burgergroep | burgerinitiatief | burgercollectief | bewonersgroep | buurtcomite | "
        "wijkcomite | citizen | citizens | citoyen | citoyens | comite de quartier | "
        "energiecooperatie | burgercooperatie | cooperative citoyenne",
    ),
    (
        OrganisationKind.BUSINESS,
        "bedrijf | onderneming | federatie | werkgeversorganisatie | beroepsfederatie | "
        "business | company | firm | entreprise | societe | federation | kmo | pme | handelaar "
        "| handelaars | commercant | industrie | industry | privaat | prive | private",
    ),
    (
        OrganisationKind.CIVIL_SOCIETY,
        "middenveld | middenveldorganisatie | vzw | vereniging | ngo | ong | asbl | association "
        "| civil society | societe civile | natuurvereniging | milieuvereniging | "
        "jeugdvereniging | beweging",
    ),
    (OrganisationKind.OTHER, "andere | overige | overig | other | autre | autres | divers"),
]


@cache
def _kind_index() -> dict[str, OrganisationKind]:
    index: dict[str, OrganisationKind] = {}
    for code in ("nl", "fr", "en"):
        with translation.override(code):
            for kind in OrganisationKind:
                index[plain(str(kind.label))] = kind
    for kind, words in _KIND_WORDS:
        for word in words.split("|"):
            index.setdefault(plain(word), kind)
    return index


def kind_of(text: str) -> OrganisationKind | None:
    """The type a free text names ("Intercommunale", "netbeheerder", "vzw", "Basisschool"), or
    None when it names none the application knows."""
    words = plain(text)
    if not words:
        return None
    index = _kind_index()
    if words in index:
        return index[words]
    padded = f" {words} "
    for kind, kind_words in _KIND_WORDS:
        for word in kind_words.split("|"):
            normal = plain(word)
            # A whole word, or a long word inside a compound ("distributienetbeheerder").
            if f" {normal} " in padded or (len(normal) >= 6 and normal in words):
                return kind
    return None


_LANGUAGE_WORDS: dict[Language, str] = {
    Language.NL: "nl | ned | nederlands | dutch | neerlandais | vlaams | flemish",
    Language.FR: "fr | frans | french | francais",
    Language.EN: "en | eng | engels | english | anglais",
    Language.DE: "de | duits | german | deutsch | allemand",
}


def language_of(text: str) -> Language | None:
    """The language a cell names: "NL", "Nederlands", "fr", "Frans", "French"…, or None."""
    return _language_labels().get(plain(text))


@cache
def _language_labels() -> dict[str, Language]:
    labels = {
        plain(word): language
        for language, words in _LANGUAGE_WORDS.items()
        for word in words.split("|")
    }
    for code in ("nl", "fr", "en"):
        with translation.override(code):
            for language in Language:
                labels[plain(str(language.label))] = language
    return labels
