"""The action form: every field of an action, its themes, tags, co-benefits and departments."""

from functools import cached_property
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from daadkracht.common.forms import RowChoices, RowsChoiceField
from daadkracht.plans.models import (
    Action,
    ActionStatus,
    DepartmentRole,
    Plan,
    Theme,
)
from daadkracht.plans.models.covenant import CoBenefit
from daadkracht.plans.policies import chooses_any_lead, lead_department_choices
from daadkracht.plans.selectors.themes import ThemeNode, main_themes, theme_tree
from daadkracht.plans.services.actions import ACTION_FIELDS, Involvement, parse_tags
from daadkracht.tenancy.forms import VersionField
from daadkracht.tenancy.models import Department, Membership
from daadkracht.tenancy.selectors import member_users


def date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


# The groups of fields on the form, in the order people think about an action.
SECTIONS: dict[str, list[str]] = {
    "what": ["identifier", "title", "description"],
    "who": ["lead_department", "responsible"],
    "planning": ["status", "phase", "progress", "priority", "start_date", "deadline"],
    "budget": ["budget_planned", "budget_committed", "budget_spent", "funding_source"],
    "impact": ["co2_reduction", "energy_saved", "renewable_produced"],
    "covenant": ["com_kind", "com_sector", "com_area", "com_instrument"],
    "publication": ["visibility", "tags"],
}


class ActionForm(forms.ModelForm[Action]):
    version = VersionField(required=False)
    themes = RowsChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    co_benefits = forms.MultipleChoiceField(
        label=_("Co-benefits"),
        choices=CoBenefit.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=600,
        help_text=_(
            "Separate tags with commas, for example: schools, cycling. New tags are added."
        ),
    )

    class Meta(RowChoices):
        model = Action
        # What the action service may change; the co-benefits have a field of their own.
        fields = [name for name in ACTION_FIELDS if name != "co_benefits"]
        # Amounts are shown and typed the Belgian way (1250000,50).
        localized_fields = [
            "budget_planned",
            "budget_committed",
            "budget_spent",
            "co2_reduction",
            "energy_saved",
            "renewable_produced",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "start_date": date_input(),
            "deadline": date_input(),
            "progress": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 5}),
        }

    def __init__(self, *args: Any, who: Membership, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        fields = self.fields
        fields["lead_department"].queryset = lead_department_choices(who)  # type: ignore[attr-defined]
        if not chooses_any_lead(who):
            # Editors work for their own department only: it leads every action they add.
            fields["lead_department"].required = True
            fields["lead_department"].empty_label = None  # type: ignore[attr-defined]
            fields["lead_department"].help_text = _(
                "You add and edit actions of your own department."
            )
        fields["responsible"].queryset = member_users().order_by("full_name")  # type: ignore[attr-defined]
        fields["status"].queryset = ActionStatus.objects.filter(plan=plan)  # type: ignore[attr-defined]
        fields["status"].empty_label = None  # type: ignore[attr-defined]
        fields["themes"].queryset = Theme.objects.filter(plan=plan)  # type: ignore[attr-defined]
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
            self.initial["themes"] = [t.pk for t in self.instance.themes.all()]
            self.initial["tags"] = ", ".join(t.name for t in self.instance.tags.all())
            self.initial["co_benefits"] = list(self.instance.co_benefits or [])
        elif not self.instance.pk and not self.is_bound:
            # A blank action's fields are in `initial` already (as None): fill in the defaults.
            first_status = ActionStatus.objects.filter(plan=plan).first()
            if self.initial.get("status") is None and first_status is not None:
                self.initial["status"] = first_status.pk
            if not chooses_any_lead(who):
                self.initial["lead_department"] = who.department_id

    def validate_unique(self) -> None:
        """The identifier's uniqueness in the plan is checked by the service."""

    def clean_tags(self) -> list[str]:
        try:
            return parse_tags(self.cleaned_data.get("tags") or "")
        except ValidationError as error:
            raise ValidationError(error.messages) from error

    @cached_property
    def theme_groups(self) -> list[ThemeNode]:
        """The plan's themes as Bridges with their sub-themes, for grouped checkboxes."""
        return main_themes(theme_tree(self.plan))

    @property
    def selected_themes(self) -> set[str]:
        if self.is_bound:
            return set(cast(QueryDict, self.data).getlist(self.add_prefix("themes")))
        return {str(pk) for pk in self.initial.get("themes") or []}

    @property
    def selected_co_benefits(self) -> set[str]:
        if self.is_bound:
            return set(cast(QueryDict, self.data).getlist(self.add_prefix("co_benefits")))
        return set(self.initial.get("co_benefits") or [])

    @property
    def sections(self) -> dict[str, list[forms.BoundField]]:
        return {key: [self[name] for name in names] for key, names in SECTIONS.items()}

    def service_values(self) -> dict[str, Any]:
        """The scalar fields as the services take them."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class InvolvementForm(forms.Form):
    """One department involved in the action besides the lead, with its role."""

    department = forms.TypedChoiceField(
        label=_("Department"), coerce=int, required=False, empty_value=None
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=DepartmentRole.choices, initial=DepartmentRole.CONTRIBUTES
    )

    def __init__(self, *args: Any, departments: list[Department], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].choices = [  # type: ignore[attr-defined]
            ("", "—"),
            *((d.pk, d.name) for d in departments),
        ]


class BaseInvolvementFormSet(forms.BaseFormSet[InvolvementForm]):
    def __init__(self, *args: Any, departments: list[Department], **kwargs: Any) -> None:
        self.departments = {d.pk: d for d in departments}
        kwargs["form_kwargs"] = {"departments": departments}
        super().__init__(*args, **kwargs)
        # A row per department at most, and the empty ones: a form that claims more rows is
        # refused before they are built.
        self.max_num = self.absolute_max = len(departments) + self.extra

    def _removed(self, form: InvolvementForm) -> bool:
        return bool(self.can_delete and form.cleaned_data.get("DELETE"))

    def clean(self) -> None:
        if any(self.errors):
            return
        seen: set[int] = set()
        for form in self.forms:
            if self._removed(form):
                continue
            department_id = form.cleaned_data.get("department")
            if department_id is None:
                continue
            if department_id in seen:
                raise ValidationError(_("Each department can be listed only once."))
            seen.add(department_id)

    def involvements(self) -> list[Involvement]:
        result = []
        for form in self.forms:
            if self._removed(form):
                continue
            department_id = form.cleaned_data.get("department")
            if department_id is not None:
                result.append(
                    Involvement(self.departments[department_id], form.cleaned_data["role"])
                )
        return result


InvolvementFormSet = forms.formset_factory(
    InvolvementForm, formset=BaseInvolvementFormSet, extra=2, can_delete=True
)

INVOLVEMENT_PREFIX = "departments"


def involvement_formset(
    data: Any = None, *, action: Action | None = None
) -> BaseInvolvementFormSet:
    """The departments formset, filled from the action when not bound (one query per part)."""
    departments = list(Department.objects.all())
    initial = None
    if data is None and action is not None and action.pk:
        initial = [
            {"department": involvement.department_id, "role": involvement.role}
            for involvement in action.involvements.all()
        ]
    formset = InvolvementFormSet(  # type: ignore[call-arg]
        data, initial=initial, prefix=INVOLVEMENT_PREFIX, departments=departments
    )
    return cast(BaseInvolvementFormSet, formset)
