"""The workshop pages' forms: typing the code, joining a round, and scoring one action in it."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from daadkracht.common.row_fields import RowChoiceField
from daadkracht.plans.models import Action
from daadkracht.prioritisation.forms.scores import score_field
from daadkracht.prioritisation.models import Criterion
from daadkracht.tenancy.models import Department


class JoinForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    department = RowChoiceField(
        label=_("Your department or organisation"),
        queryset=Department.objects.none(),
        required=False,
        empty_label=_("— none or another organisation —"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.all()  # type: ignore[attr-defined]
        self.fields["name"].widget.attrs["autocomplete"] = "name"


class EnterCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code shown on the screen"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class RoundActionForm(forms.Form):
    """One participant's scores of one action: a 0-5 scale per criterion of the round."""

    def __init__(
        self,
        *args: Any,
        action: Action,
        criteria: Sequence[Criterion],
        disabled: bool = False,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("prefix", f"a{action.pk}")
        # The labels wrap their radio buttons, so the inputs need no ids; without them a swapped
        # card carries no ids whose attributes htmx would copy over while settling.
        kwargs.setdefault("auto_id", False)
        super().__init__(*args, **kwargs)
        self.action = action
        self.criteria = list(criteria)
        for criterion in self.criteria:
            field = score_field(criterion.name, allow_empty_choice=False)
            field.disabled = disabled
            self.fields[f"c{criterion.pk}"] = field

    def rows(self) -> list[tuple[Criterion, forms.BoundField]]:
        return [(c, self[f"c{c.pk}"]) for c in self.criteria]

    def scores(self) -> dict[int, int | None]:
        return {c.pk: self.cleaned_data[f"c{c.pk}"] for c in self.criteria}
