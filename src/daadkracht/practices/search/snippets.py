"""Highlighted excerpts built in Python from the text people wrote, the same on every database."""

import unicodedata
from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from daadkracht.practices.models import Practice
from daadkracht.practices.search.text import Term, matches, tokens
from daadkracht.practices.services.rules import SECTIONS as PAGE_SECTIONS

# The sections an excerpt may come from, in the order of the practice's page.
SECTIONS = ("summary", *PAGE_SECTIONS, "other_results")
# Words shown before the first match, and in the whole excerpt.
BEFORE = 8
LENGTH = 36


type Token = tuple[int, int, Term | None]


@dataclass(frozen=True)
class Snippet:
    html: SafeString
    section: Promise | str  # the section's heading; empty for the introduction


def _matched(found: Term, wanted: list[Term]) -> set[Term]:
    return {w for w in wanted if matches(found, [w])}


def highlight(text: str, wanted: list[Term]) -> SafeString:
    """All of `text`, escaped, with the words that match the query's stems in <mark>."""
    text = unicodedata.normalize("NFC", text)
    return _marked(text, list(tokens(text)), wanted, 0, None)


def _marked(
    text: str, found: list[Token], wanted: list[Term], first: int, last: int | None
) -> SafeString:
    window = found[first:last]
    start = window[0][0] if window and first else 0
    end = window[-1][1] if window and last is not None and last < len(found) else len(text)
    parts: list[str] = []
    position = start
    for begin, finish, found_term in window:
        if found_term and matches(found_term, wanted):
            parts.append(escape(text[position:begin]))
            parts.append(f"<mark>{escape(text[begin:finish])}</mark>")
            position = finish
    parts.append(escape(text[position:end]))
    html = "".join(parts)
    if start > 0:
        html = "… " + html
    if end < len(text):
        html += " …"
    # Safe: every piece of the text people wrote was escaped above; only <mark> is added.
    return mark_safe(html)


def snippet(practice: Practice, wanted: list[Term]) -> Snippet:
    """A short excerpt of the section where most of the query's words occur (the earliest of
    equals), those words marked; without a query, the start of the introduction."""
    best: tuple[int, str, str, list[Token], int] | None = None
    if wanted:
        for field in SECTIONS:
            text = unicodedata.normalize("NFC", getattr(practice, field) or "")
            if not text:
                continue
            found = list(tokens(text))
            covered: set[Term] = set()
            first_hit = -1
            for index, (_, _, found_term) in enumerate(found):
                if found_term:
                    hit = _matched(found_term, wanted)
                    if hit and first_hit < 0:
                        first_hit = index
                    covered |= hit
            if first_hit >= 0 and (best is None or len(covered) > best[0]):
                best = (len(covered), field, text, found, first_hit)
            if best is not None and best[0] == len(wanted):
                break
    if best is None:
        summary = Truncator(practice.summary).words(LENGTH, truncate=" …")
        return Snippet(mark_safe(escape(summary)), "")  # escaped just here
    _, field, text, found, first_hit = best
    first = max(0, first_hit - BEFORE)
    html = _marked(text, found, wanted, first, first + LENGTH)
    return Snippet(html, "" if field == "summary" else _heading(field))


def _heading(field: str) -> Promise | str:
    """The section's heading, as the practice's page shows it."""
    model_field = Practice._meta.get_field(field)
    assert isinstance(model_field, models.Field)
    return model_field.verbose_name
