"""Form fields that choose rows: an impossible id is a form error before any query."""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from daadkracht.common.query import parse_id


def _impossible_id(value: Any) -> bool:
    return not isinstance(value, models.Model) and parse_id(str(value)) is None


class RowChoiceField(forms.ModelChoiceField):
    """A choice of one row: a value that cannot be a row's id (`²`, `-1`, an id beyond the
    database's integer range) is not a valid choice, and is refused before any query."""

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and self.to_field_name is None and _impossible_id(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class RowsChoiceField(forms.ModelMultipleChoiceField):
    """A choice of rows, each refused as RowChoiceField refuses one. Django's own field looks
    the ids up with `id IN (…)`, which SQLite cannot even compare with an id beyond its integer
    range: it raises OverflowError."""

    def _check_values(self, value: Iterable[Any]) -> Any:
        for pk in value:
            if self.to_field_name is None and _impossible_id(pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)  # type: ignore[misc]


def row_formfield(db_field: models.Field[Any, Any], **kwargs: Any) -> forms.Field | None:
    """A model field's form field, with relations chosen through RowChoiceField and
    RowsChoiceField."""
    if isinstance(db_field, models.ManyToManyField):
        kwargs.setdefault("form_class", RowsChoiceField)
    elif isinstance(db_field, models.ForeignKey):
        kwargs.setdefault("form_class", RowChoiceField)
    return db_field.formfield(**kwargs)


class RowChoices:
    """The Meta every ModelForm of the project inherits (`class Meta(RowChoices)`): the form
    fields of its relations refuse an impossible id."""

    formfield_callback = staticmethod(row_formfield)
