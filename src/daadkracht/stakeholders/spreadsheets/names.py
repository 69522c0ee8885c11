"""Comparing organisation names the way a person would: "Fluvius System Operator NV" and
"fluvius" are likely the same organisation, "Stad Brugge" and "Stad Gent" are not.

A name is normalised (case, accents, punctuation and legal forms left out) and two names are
the same when their normal forms are equal; they are similar when the words of one all occur in
the other (token containment) or when they differ by a typo or two (a difflib ratio).
"""

import re
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher

# Legal forms in Belgium and abroad: they say nothing about which organisation it is.
LEGAL_FORMS = frozenset(
    [
        "aisbl",
        "asbl",
        "bv",
        "bvba",
        "commv",
        "cv",
        "cvba",
        "cvso",
        "ev",
        "gmbh",
        "inc",
        "ivzw",
        "llc",
        "ltd",
        "nv",
        "plc",
        "sa",
        "sc",
        "scrl",
        "scs",
        "snc",
        "sprl",
        "srl",
        "vof",
        "vzw",
    ]
)
SIMILAR_RATIO = 0.85
# A word that many names share ("stad", "basisschool") does not make them alike: such a word
# is not followed to find candidates (unless it is all the name has).
COMMON_WORD = 50
_PUNCTUATION = re.compile(r"[^0-9a-z]+")


def plain(text: str) -> str:
    """Lower case, without accents, every run of other characters a single space."""
    decomposed = unicodedata.normalize("NFKD", text)
    without_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _PUNCTUATION.sub(" ", without_accents.lower()).strip()


def name_key(name: str) -> str:
    """The normal form of an organisation's name: "V.Z.W. Welzijnsschakels" → "welzijnsschakels"."""
    # Dots first, so that "N.V." and "v.z.w." become one word each.
    words = plain(name.replace(".", "")).split()
    kept = [word for word in words if word not in LEGAL_FORMS]
    return " ".join(kept or words)


def similar(one: str, other: str) -> bool:
    """Whether two normalised names (see `name_key`) likely mean the same organisation."""
    if not one or not other or one == other:
        return bool(one) and one == other
    if _numbers(one) != _numbers(other):
        return False  # "Scholengroep 1" and "Scholengroep 2" are two organisations
    shorter, longer = sorted((one.split(), other.split()), key=len)
    if set(shorter) <= set(longer):
        return True
    matcher = SequenceMatcher(None, one, other, autojunk=False)
    return (
        matcher.real_quick_ratio() >= SIMILAR_RATIO
        and matcher.quick_ratio() >= SIMILAR_RATIO
        and matcher.ratio() >= SIMILAR_RATIO
    )


def _numbers(key: str) -> set[str]:
    return {word for word in key.split() if word.isdigit()}


class NameIndex:
    """Keys of names, found again by their words and first letters, so that a name is compared
    with the few names it may resemble rather than with all of them."""

    def __init__(self) -> None:
        self._by_word: dict[str, set[str]] = {}

    def add(self, key: str) -> None:
        for word in self._words(key):
            self._by_word.setdefault(word, set()).add(key)

    def similar_to(self, key: str) -> list[str]:
        seen: set[str] = set()
        words = list(self._words(key))
        for word in words:
            bucket = self._by_word.get(word, ())
            if len(bucket) <= COMMON_WORD or len(words) <= 2:
                seen.update(bucket)
        seen.discard(key)
        return sorted(other for other in seen if similar(key, other))

    @staticmethod
    def _words(key: str) -> Iterable[str]:
        for word in key.split():
            yield word
            yield f"^{word[:3]}"  # a typo later in a word still shares the word's start
