"""Practices of other municipalities that resemble an action: same themes and similar words."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from daadkracht.plans.models import Action
from daadkracht.practices.models import Adoption, Practice, PracticeTheme
from daadkracht.practices.search import backend
from daadkracht.practices.search.query import practice_url, published
from daadkracht.practices.search.snippets import SECTIONS
from daadkracht.practices.search.text import fold, query_stems, query_terms, stem, tokens

# Words that put an action's text in one of the practice database's themes.
THEME_WORDS: dict[str, str] = {
    PracticeTheme.ENERGY: (
        "energie zon zonnepaneel zonnepanelen zonne warmte warmtenet warmtepomp wind "
        "hernieuwbaar energiecoach energiecoaching elektriciteit verlichting ledverlichting"
    ),
    PracticeTheme.BUILDINGS: (
        "renovatie renoveren isolatie isoleren gebouw gebouwen woning woningen dak daken "
        "energieloket patrimonium renovatiebegeleiding"
    ),
    PracticeTheme.MOBILITY: (
        "mobiliteit fiets fietsen fietsstraat fietspad deelwagen deelwagens deelauto "
        "deelmobiliteit verkeer vervoer laadpaal laadpalen schoolstraat parkeren"
    ),
    PracticeTheme.ADAPTATION: (
        "klimaatadaptatie water regenwater hitte hittestress droogte overstroming infiltratie "
        "buffering ontharding ontharden wadi"
    ),
    PracticeTheme.GREENERY: (
        "groen vergroening boom bomen haag hagen geveltuin geveltuinen biodiversiteit bos natuur "
        "plantsoen"
    ),
    PracticeTheme.CIRCULAR: (
        "circulair circulaire afval hergebruik kringloop aanbesteding aanbestedingen materialen "
        "zwerfvuil repair"
    ),
    PracticeTheme.FOOD: "voedsel voedselstrategie landbouw boer boeren moestuin voeding keten",
    PracticeTheme.PARTICIPATION: (
        "participatie burger burgers inwoner inwoners burgerbudget buurt bewoners "
        "klimaatambassadeur verenigingen"
    ),
    PracticeTheme.ORGANISATION: "klimaatteam organisatie samenwerking intern personeel ambtenaren",
}
THEME_STEMS = {
    theme: frozenset(stem(fold(word)) for word in words.split())
    for theme, words in THEME_WORDS.items()
}
# How many practices the text and the themes propose before they are weighed.
TEXT_CANDIDATES = 60
THEME_CANDIDATES = 20
WORDS_SHOWN = 3
THEME_WEIGHT = 0.5
TEXT_WEIGHT = 2.0


@dataclass(frozen=True)
class RelatedPractice:
    practice: Practice
    reason: str
    url: str


def action_themes(texts: list[str]) -> set[str]:
    """The practice themes whose words occur in these texts."""
    found = {stem for text in texts for stem in query_stems(text, limit=200)}
    return {theme for theme, stems in THEME_STEMS.items() if found & stems}


def _common_words(practice: Practice, wanted: set[str]) -> list[str]:
    """Words of the practice (its title first, then its sections) whose stem the action's text
    has too."""
    shown: dict[str, str] = {}
    for text in (practice.title, *(getattr(practice, field) for field in SECTIONS)):
        for begin, end, found in tokens(text):
            if found and found[0] in wanted and found[0] not in shown:
                shown[found[0]] = text[begin:end].lower()
    return list(shown.values())[:WORDS_SHOWN]


def _reason(shared: list[str], words: list[str]) -> str:
    parts = []
    if shared:
        parts.append(_("Same theme: %(themes)s") % {"themes": ", ".join(shared)})
    if words:
        parts.append(_("words in common: %(words)s") % {"words": ", ".join(words)})
    return " · ".join(parts)


def related_practices(action: Action, *, limit: int = 3) -> list[RelatedPractice]:
    """Published practices of other municipalities like `action`: those that share a theme
    (its plan themes' names and its text mapped onto the practice themes) and words with its
    title and description, best first, each with a short reason why it is shown."""
    plan_themes = [f"{theme.name} {theme.description}" for theme in action.themes.all()]
    texts = [action.title, action.description, *plan_themes]
    wanted = query_terms(" ".join(texts), limit=30)
    themes = action_themes(texts)
    others = published().exclude(municipality_id=action.municipality_id)
    adopted = Adoption.objects.filter(action=action).values("practice_id")
    # Whole stems only: "school" as the start of every school word would outweigh the rest.
    text_scores = (
        backend.scores(wanted, any_word=True, prefix=False, limit=TEXT_CANDIDATES) if wanted else {}
    )
    themed = list(
        others.filter(theme_tags__theme__in=themes)
        .exclude(pk__in=text_scores)
        .order_by("-published_at", "-pk")
        .values_list("pk", flat=True)
        .distinct()[:THEME_CANDIDATES]
        if themes
        else []
    )
    candidates = (
        others.filter(pk__in=[*text_scores, *themed])
        .exclude(pk__in=adopted)
        .select_related("municipality")
        .prefetch_related("theme_tags")
    )
    best_text = max(text_scores.values(), default=0.0) or 1.0
    scored = []
    for practice in candidates:
        shared = [tag for tag in practice.theme_tags.all() if tag.theme in themes]
        # Words the action and the practice share say more than broad themes both touch:
        # a practice about the same square outranks one that merely shares two themes.
        score = (
            THEME_WEIGHT * len(shared) + TEXT_WEIGHT * text_scores.get(practice.pk, 0.0) / best_text
        )
        if score > 0:
            scored.append((score, practice.pk, practice, shared))
    scored.sort(key=lambda item: (-item[0], -item[1]))
    stems = {stem for stem, _ in wanted}
    return [
        RelatedPractice(
            practice=practice,
            reason=_reason([str(tag) for tag in shared], _common_words(practice, stems)),
            url=practice_url(practice),
        )
        for _, _, practice, shared in scored[:limit]
    ]
