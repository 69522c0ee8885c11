"""Form fields that take values as people type them."""

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats

from daadkracht.common.numbers import parse_amount


class AmountField(forms.DecimalField):
    """An amount or quantity typed the Belgian way ("1.200.000", "€ 1.200.000,50"), the
    English way ("1,200,000.50") or plainly; shown back with thousands grouped as the reader's
    language writes them, which this field accepts again."""

    widget = forms.TextInput

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["localize"] = True
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]  # stubs: int
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int | float):
            return super().to_python(value)
        try:
            number = parse_amount(str(value), decimal_mark=formats.get_format("DECIMAL_SEPARATOR"))
        except (ValueError, ArithmeticError):
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if number is None:
            return None
        if not number.is_finite():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
            places = self.decimal_places if self.decimal_places is not None else None
            number = Decimal(value)
            if places and number == number.to_integral_value():
                places = 0
            return formats.number_format(number, places, use_l10n=True, force_grouping=True)
        return value
