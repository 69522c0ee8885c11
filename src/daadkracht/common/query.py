"""Reading a page's query string: every parameter goes through a form field.

A value that does not fit — not a number (`"²".isdigit()` is true, `int("²")` fails), an id
beyond the database's integer range, a NUL byte (PostgreSQL refuses it in text), a date in year
1, a sort key the page does not know — is dropped: the page then works as if the parameter were
absent, and may report it from `QueryForm.dropped`. No such value reaches a query, a date
computation or a template.
"""

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

# A row's id is positive and fits a signed 64-bit integer: SQLite's INTEGER, PostgreSQL's bigint.
MAX_ID = 2**63 - 1
# ASCII digits only, and not more than MAX_ID has.
ID_TEXT = re.compile(r"[0-9]{1,19}")
# The dates the product works with: forms and imports refuse others.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2100, 12, 31)
# Search text is cut to this length.
TEXT_LENGTH = 200
EXPORT_FORMATS = ("csv", "xlsx")


def parse_id(value: object) -> int | None:
    """`value` as a row's id, or None when it cannot be one."""
    text = value.strip() if isinstance(value, str) else ""
    if not ID_TEXT.fullmatch(text):
        return None
    number = int(text)
    return number if 1 <= number <= MAX_ID else None


class IdField(forms.Field):
    """A row's id: None when absent; a value that cannot be an id is invalid."""

    default_error_messages = {"invalid": forms.IntegerField.default_error_messages["invalid"]}

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        number = parse_id(value)
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number


class IdsField(forms.Field):
    """Every value of a repeated parameter that is a row's id; the others are left out."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[int]:
        values = value if isinstance(value, list | tuple) else [value]
        ids = (parse_id(item) for item in values)
        return list(dict.fromkeys(number for number in ids if number is not None))


class TextField(forms.CharField):
    """Search text: stripped and cut to `length`; text with a NUL byte is invalid."""

    def __init__(self, *, length: int = TEXT_LENGTH, **kwargs: Any) -> None:
        self.length = length
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        return str(super().to_python(value))[: self.length]


class DayField(forms.DateField):
    """A date as a date field sends it (YYYY-MM-DD), between FIRST_DAY and LAST_DAY."""

    input_formats = ["%Y-%m-%d"]

    def to_python(self, value: Any) -> date | None:
        day = super().to_python(value)
        if day is not None and not FIRST_DAY <= day <= LAST_DAY:
            raise ValidationError(self.error_messages["invalid"], code="out_of_range")
        return day


class FlagField(forms.Field):
    """A tick box's parameter: on only as `1`, whatever else is sent."""

    def to_python(self, value: Any) -> bool:
        return value == "1"


class KeyField(forms.ChoiceField):
    """One of a page's known keys (a sort order, a kind of list, a format)."""

    def __init__(self, keys: Iterable[str] = (), **kwargs: Any) -> None:
        super().__init__(choices=[(key, key) for key in keys], **kwargs)

    def set_keys(self, keys: Iterable[str]) -> None:
        self.choices = [(key, key) for key in keys]


class QueryForm(forms.Form):
    """The query parameters a page reads, bound to its query string.

    Every field is optional. `value(name)` is the cleaned value, or the field's empty value when
    the parameter is absent or was dropped; `dropped` names the parameters that were.
    """

    def __init__(self, query: QueryDict, **kwargs: Any) -> None:
        super().__init__(query, **kwargs)
        for field in self.fields.values():
            field.required = False

    def value(self, name: str) -> Any:
        self.is_valid()
        if name in self.cleaned_data:
            return self.cleaned_data[name]
        return self.fields[name].clean(None)

    def values(self) -> dict[str, Any]:
        return {name: self.value(name) for name in self.fields}

    @property
    def dropped(self) -> list[str]:
        return list(self.errors)


class SortQuery(QueryForm):
    """`?sort=key` or `?sort=-key` (descending), for one of the page's keys."""

    sort = KeyField()

    def __init__(self, query: QueryDict, *, keys: Iterable[str], **kwargs: Any) -> None:
        super().__init__(query, **kwargs)
        known = list(keys)
        sort = self.fields["sort"]
        assert isinstance(sort, KeyField)
        sort.set_keys([*known, *(f"-{key}" for key in known)])


class PageQuery(QueryForm):
    """`?page=n`: a page of a list; the paginator shows the last page for a number beyond it."""

    page = IdField()


class NextQuery(QueryForm):
    """`next=`: the page to return to; its reader checks that it is one of this site's."""

    next = forms.CharField(max_length=2000)


class ExportQuery(QueryForm):
    """`?export=csv` or `?export=xlsx`: the list as a file."""

    export = KeyField(EXPORT_FORMATS)


def requested_sort(query: QueryDict, keys: Iterable[str], default: str = "") -> str:
    """The sort asked for with `?sort=`, or `default` when none or an unknown one is."""
    return SortQuery(query, keys=keys).value("sort") or default


def requested_page(query: QueryDict) -> int | None:
    """The page number asked for with `?page=`, if it is one."""
    number: int | None = PageQuery(query).value("page")
    return number


def requested_export(query: QueryDict) -> str | None:
    """The format asked for with `?export=csv` or `?export=xlsx`, if any."""
    return ExportQuery(query).value("export") or None
