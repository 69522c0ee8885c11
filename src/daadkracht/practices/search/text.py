"""Dutch text as the search index holds it: words without accents or case, stemmed.

The same functions prepare the stored text and the query, so that both databases compare stems
with stems: PostgreSQL and SQLite only match and rank what they are given here. Every word is
held twice: by the Dutch snowball stemmer's stem (matched whole, or as the start of a longer
stem) and by the older Dutch stemmer's (marked, matched whole), which joins singulars and
plurals the first keeps apart.
"""

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import snowballstemmer

# Anything that is not a letter or a digit separates words: "energie-efficiëntie" is two.
WORD = re.compile(r"[^\W_]+")
# A stem this short is matched exactly, not as the start of longer words ("co" would match all).
PREFIX_LENGTH = 3
# Words longer than this are not words people search for (codes, pasted links).
LONGEST_WORD = 40

# Common Dutch words that say nothing about a practice (after accents and case are removed).
STOP_WORDS = frozenset(
    [
        "aan",
        "al",
        "alle",
        "als",
        "bij",
        "dan",
        "dat",
        "de",
        "den",
        "der",
        "deze",
        "die",
        "dit",
        "door",
        "dus",
        "een",
        "elke",
        "en",
        "er",
        "geen",
        "had",
        "heeft",
        "hebben",
        "het",
        "hij",
        "hoe",
        "hun",
        "ik",
        "in",
        "is",
        "je",
        "jij",
        "kan",
        "kunnen",
        "maar",
        "me",
        "meer",
        "met",
        "mij",
        "moet",
        "na",
        "naar",
        "niet",
        "nog",
        "nu",
        "of",
        "om",
        "ons",
        "onze",
        "ook",
        "op",
        "over",
        "per",
        "rond",
        "te",
        "tot",
        "tussen",
        "u",
        "uit",
        "van",
        "veel",
        "via",
        "voor",
        "waar",
        "wat",
        "we",
        "werd",
        "werden",
        "wij",
        "wie",
        "wordt",
        "worden",
        "zal",
        "ze",
        "zich",
        "zij",
        "zijn",
        "zo",
        "zonder",
    ]
)

_stemmer = snowballstemmer.stemmer("dutch")
# The older Dutch stemmer joins some pairs the other keeps apart ("zonnepaneel" and
# "zonnepanelen", "fietspad" and "fietspaden", "dak" and "daken"): its stem is stored beside the
# first, marked so that it never meets one, and matched whole, because it cuts deeper.
_second = snowballstemmer.stemmer("dutch_porter")
SECOND = "_"

type Term = tuple[str, str]


def fold(text: str) -> str:
    """Lower case without accents: "Efficiëntie" gives "efficientie"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """The folded words of `text`, stop words and overlong words left out."""
    return [
        word
        for word in WORD.findall(fold(text))
        if word not in STOP_WORDS and len(word) <= LONGEST_WORD
    ]


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The stem of a folded word.

    The stemmer is applied until the word no longer changes, so that a plural and its singular
    meet ("deelwagens" → "deelwagen" → "deelwaag", as "deelwagen" itself gives).
    """
    for _ in range(3):
        stemmed = str(_stemmer.stemWord(word))
        if stemmed == word or not stemmed:
            break
        word = stemmed
    return word


def stems(text: str) -> list[str]:
    """The stems of the words of `text`, in order, repeats kept."""
    return [stem(word) for word in words(text)]


def query_stems(text: str, *, limit: int = 12) -> list[str]:
    """The distinct stems of a query, at most `limit` of them (more say nothing new)."""
    return list(dict.fromkeys(stems(text)))[:limit]


@lru_cache(maxsize=50_000)
def term(word: str) -> Term:
    """What the index holds of a folded word: its stem, and the older stemmer's (marked)."""
    return stem(word), SECOND + str(_second.stemWord(word))


def index_terms(text: str) -> list[str]:
    """The terms the index stores for `text`: both stems of every word, in order."""
    return [part for word in words(text) for part in term(word)]


def query_terms(text: str, *, limit: int = 12) -> list[Term]:
    """The distinct terms of a query, at most `limit` of them (more say nothing new)."""
    return list(dict.fromkeys(term(word) for word in words(text)))[:limit]


def matches(found: Term, query: list[Term]) -> bool:
    """Whether a word of the text answers one of the query's words, as the index matches it:
    the same stem, or a long query stem at the start of a longer one ("warmtenet" finds
    "warmtenetbeheerder"), or the same stem of the older stemmer."""
    return any(
        found[0] == wanted
        or (len(wanted) >= PREFIX_LENGTH and found[0].startswith(wanted))
        or found[1] == second
        for wanted, second in query
    )


def tokens(text: str) -> Iterator[tuple[int, int, Term | None]]:
    """The words of `text` with their start and end in the original text and their terms
    (None for stop words), for building snippets from the text people wrote."""
    for found in WORD.finditer(text):
        folded = fold(found.group())
        # Folding may split a character into a letter and a mark, or yield nothing at all.
        folded = "".join(WORD.findall(folded))
        if not folded or folded in STOP_WORDS or len(folded) > LONGEST_WORD:
            yield found.start(), found.end(), None
        else:
            yield found.start(), found.end(), term(folded)
