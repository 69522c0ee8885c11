"""Mitigation or adaptation for the new actions of an import: asked once for the whole file.

A file with a column for it says it per row; a new row whose cell is empty (or a file without
the column) gets the choice made for the import. The default, "per theme", gives a new action the
kind most live actions of its first theme already have (or of the theme above it); a theme
without any action, or an action without a theme, gets mitigation, as a new action always did.
Themes carry no kind of their own, so their actions are the only honest hint.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from daadkracht.plans.models import ActionTheme, Plan, Theme
from daadkracht.plans.models.covenant import ActionKind
from daadkracht.tenancy.trash import live_only


class KindChoice(StrEnum):
    THEME = "theme"
    MITIGATION = ActionKind.MITIGATION.value
    ADAPTATION = ActionKind.ADAPTATION.value
    BOTH = ActionKind.BOTH.value


KIND_CHOICE_LABELS: dict[str, Promise] = {
    KindChoice.THEME: gettext_lazy("per theme (default)"),
    KindChoice.MITIGATION: gettext_lazy("all mitigation"),
    KindChoice.ADAPTATION: gettext_lazy("all adaptation"),
    KindChoice.BOTH: gettext_lazy("all mitigation and adaptation"),
}

# What a new action was before the import asked: the model's default.
FALLBACK_KIND = ActionKind.MITIGATION.value
# A tie between kinds is settled in this order.
KIND_ORDER = [kind.value for kind in ActionKind]


def kind_choice(value: object) -> KindChoice:
    """The stored choice, or the default for anything else."""
    try:
        return KindChoice(str(value))
    except ValueError:
        return KindChoice.THEME


def theme_kinds(plan: Plan, themes: Sequence[Theme]) -> dict[int, str]:
    """Per theme id, the kind most of its live actions have; a theme without actions takes that
    of the theme above it. Themes with neither are left out."""
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    links = ActionTheme.objects.filter(live_only("action", "theme"), theme__plan=plan).values_list(
        "theme_id", "action__com_kind"
    )
    for theme_id, kind in links:
        counts[theme_id][kind] += 1
    own = {
        theme_id: max(counter, key=lambda k: (counter[k], -KIND_ORDER.index(k)))
        for theme_id, counter in counts.items()
        if counter
    }
    by_id = {theme.pk: theme for theme in themes}
    result: dict[int, str] = {}
    for theme in themes:
        current: Theme | None = theme
        seen: set[int] = set()
        while current is not None and current.pk not in seen:
            seen.add(current.pk)
            if current.pk in own:
                result[theme.pk] = own[current.pk]
                break
            current = by_id.get(current.parent_id) if current.parent_id else None
    return result


def kind_for_new_action(
    choice: KindChoice, theme_ids: Iterable[int], themes: dict[int, Theme], kinds: dict[int, str]
) -> str:
    """The kind a new action gets when its row does not say it."""
    if choice != KindChoice.THEME:
        return choice.value
    ordered = sorted(
        (themes[pk] for pk in theme_ids if pk in themes), key=lambda t: (t.position, t.pk)
    )
    for theme in ordered:
        if theme.pk in kinds:
            return kinds[theme.pk]
    return FALLBACK_KIND
