"""The criteria page's forms: every criterion's name and weight at once, and a new criterion."""

from django import forms
from django.db.models import QuerySet
from django.forms.models import BaseModelFormSet, model_to_dict
from django.http import QueryDict

from daadkracht.common.row_fields import RowChoices
from daadkracht.prioritisation.models import Criterion

PREFIX = "c"
# More criteria than any plan has; a form claiming more rows is refused before they are built.
MAX_CRITERIA = 200


class CriterionForm(forms.ModelForm[Criterion]):
    class Meta(RowChoices):
        model = Criterion
        fields = ["name", "weight", "description"]
        widgets = {
            "description": forms.TextInput(),
            "weight": forms.NumberInput(attrs={"step": "0.5", "min": "0", "max": "100"}),
        }

    def validate_unique(self) -> None:
        """Names are checked by the service, across all criteria saved together."""


CriterionFormSet = forms.modelformset_factory(
    Criterion,
    form=CriterionForm,
    extra=0,
    edit_only=True,
    max_num=MAX_CRITERIA,
    absolute_max=MAX_CRITERIA,
)


def criteria_formset(
    data: QueryDict | None, stored: QuerySet[Criterion]
) -> tuple[BaseModelFormSet[Criterion, CriterionForm], bool]:
    """Every stored criterion's form, bound to `data` when given, and whether the posted rows
    were other criteria than the stored ones.

    When a criterion was deleted or added while the page was open (or the posted ids or row
    counts were made up), the formset is bound to the stored criteria instead, each with the
    values posted for it or else its stored ones: nothing is lost, nothing should be saved, and
    the page asks to check and save again.
    """
    formset = CriterionFormSet(data, queryset=stored, prefix=PREFIX)
    if data is None:
        return formset, False
    criteria = list(formset.get_queryset())
    posted = {form.instance.pk: form for form in formset.forms if form.instance.pk}
    if len(formset.forms) == len(criteria) and posted.keys() == {c.pk for c in criteria}:
        return formset, False
    rows = QueryDict(mutable=True)
    for name, value in (("TOTAL_FORMS", len(criteria)), ("INITIAL_FORMS", len(criteria))):
        rows[f"{PREFIX}-{name}"] = str(value)
    for index, criterion in enumerate(criteria):
        form = posted.get(criterion.pk)
        values = model_to_dict(criterion, fields=CriterionForm.Meta.fields)
        for name in CriterionForm.Meta.fields:
            key = f"{PREFIX}-{index}-{name}"
            rows[key] = data.get(form.add_prefix(name), "") if form else str(values[name])
        rows[f"{PREFIX}-{index}-id"] = str(criterion.pk)
    return CriterionFormSet(rows, queryset=stored, prefix=PREFIX), True
