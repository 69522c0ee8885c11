"""The query string of the public practice list: search text, facets, sort, page, export."""

from typing import Any

from django import forms

from daadkracht.common.query import KeyField, QueryForm, TextField
from daadkracht.practices.models import LekpWerf, PracticeTheme
from daadkracht.practices.search.facets import SIZE_KEYS
from daadkracht.practices.search.query import SORTS
from daadkracht.tenancy.models import Province

FIRST_YEAR = 1990
LAST_YEAR = 2100


class KeysField(forms.Field):
    """Every value of a repeated parameter that is one of `keys`; the others are left out."""

    widget = forms.MultipleHiddenInput

    def __init__(self, keys: list[str], **kwargs: Any) -> None:
        self.keys = keys
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> list[str]:
        values = value if isinstance(value, list | tuple) else [value]
        return list(dict.fromkeys(item for item in values if item in self.keys))


class YearsField(forms.Field):
    """Every value of a repeated parameter that is a plausible year; the others are left out."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[int]:
        values = value if isinstance(value, list | tuple) else [value]
        years = (
            int(item)
            for item in values
            if isinstance(item, str) and item.isascii() and item.isdigit() and len(item) == 4
        )
        return list(dict.fromkeys(year for year in years if FIRST_YEAR <= year <= LAST_YEAR))


class PracticeSearchQuery(QueryForm):
    """`?q=` words; `?theme=`, `?werf=`, `?province=`, `?size=`, `?year=` (each repeatable);
    `?sort=relevance|recent`."""

    q = TextField()
    theme = KeysField(PracticeTheme.values)
    werf = KeysField(LekpWerf.values)
    province = KeysField(Province.values)
    size = KeysField(SIZE_KEYS)
    year = YearsField()
    sort = KeyField(SORTS)

    def search(self) -> dict[str, Any]:
        """The keyword arguments of `search_practices` (all but the page)."""
        return {
            "text": self.value("q") or "",
            "themes": self.value("theme") or [],
            "werven": self.value("werf") or [],
            "provinces": self.value("province") or [],
            "sizes": self.value("size") or [],
            "years": self.value("year") or [],
            "sort": self.value("sort") or "relevance",
        }
