"""The action form: every field of an action, its themes, tags, co-benefits and departments."""

from functools import cached_property
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from daadkracht.common.form_fields import AmountField
from daadkracht.common.forms import MergeableForm, Posted, posted_formset
from daadkracht.common.row_fields import RowChoices, RowsChoiceField
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
from daadkracht.tenancy.trash import live_only


def date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


# The groups of fields on the form, in the order people think about an action.
SECTIONS: dict[str, list[str]] = {
    "what": ["identifier", "title", "description"],
    "who": ["lead_department", "responsible", "responsible_note"],
    "planning": ["status", "phase", "progress", "priority", "start_date", "deadline"],
    "budget": [
        "budget_planned",
        "budget_committed",
        "budget_spent",
        "budget_note",
        "funding_source",
    ],
    "impact": ["co2_reduction", "co2_note", "energy_saved", "renewable_produced"],
    "covenant": ["com_kind", "com_sector", "com_area", "com_instrument"],
    "publication": ["visibility", "tags"],
    "decision": ["decision_needed", "decision_question"],
}


class ActionForm(MergeableForm, forms.ModelForm[Action]):
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
        # Amounts are typed as people write them (1.200.000, € 1.200.000,50) and shown so.
        field_classes = dict.fromkeys(
            (
                "budget_planned",
                "budget_committed",
                "budget_spent",
                "co2_reduction",
                "energy_saved",
                "renewable_produced",
            ),
            AmountField,
        )
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "start_date": date_input(),
            "deadline": date_input(),
            "progress": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 5}),
        }

    def __init__(
        self,
        *args: Any,
        who: Membership,
        plan: Plan,
        involvements: list[Involvement] | None = None,
        **kwargs: Any,
    ) -> None:
        """`involvements` fills the departments of a new action (unbound) that another page
        proposes, as `initial` does for its fields."""
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
                self.initial["lead_department"] = who.own_department_id
        self.involvement_forms = involvement_formset(
            self.data if self.is_bound else None,
            action=self.instance if self.instance.pk else None,
            proposed=involvements,
        )

    def is_valid(self) -> bool:
        """The action's fields and its involved departments are valid."""
        valid = super().is_valid()
        if not self.involvement_forms.is_valid():
            self.add_error(None, _("Check the involved departments below."))
            return False
        return valid

    def validate_unique(self) -> None:
        """The identifier's uniqueness in the plan is checked by the service."""

    def clean_decision_question(self) -> str:
        """A question stays only while the action waits for the executive board."""
        question: str = self.cleaned_data.get("decision_question") or ""
        return question.strip() if self.cleaned_data.get("decision_needed") else ""

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

    def service_arguments(self) -> dict[str, Any]:
        """Everything `action_create` and `action_update` take from the form: the fields, the
        co-benefits, themes, tags and involved departments."""
        return {
            **self.service_values(),
            "co_benefits": self.cleaned_data["co_benefits"],
            "themes": list(self.cleaned_data["themes"]),
            "tag_names": self.cleaned_data["tags"],
            "involvements": self.involvement_forms.involvements(),
        }

    # Merging with a change saved in the meantime: the involved departments count as one field.

    def merge_fields(self) -> list[str]:
        return [*super().merge_fields(), "involvements"]

    def merge_label(self, name: str) -> str:
        return (
            str(_("Involved departments")) if name == "involvements" else super().merge_label(name)
        )

    def stored_values(self, obj: Any) -> dict[str, Any]:
        values = {
            name: obj._meta.get_field(name).value_from_object(obj) for name in self.Meta.fields
        }
        values["themes"] = list(obj.themes.all())
        values["tags"] = [tag.name for tag in obj.tags.all()]
        values["co_benefits"] = list(obj.co_benefits or [])
        values["involvements"] = [
            (involvement.department_id, involvement.role)
            for involvement in obj.involvements.filter(live_only("department"))
        ]
        return values

    def mine_values(self) -> dict[str, Any]:
        values = super().mine_values()
        if self.involvement_forms.is_valid():
            values["involvements"] = [
                (involvement.department.pk, involvement.role)
                for involvement in self.involvement_forms.involvements()
            ]
        return values

    def posted_values(self) -> dict[str, Posted]:
        values = super().posted_values()
        values["involvements"] = posted_formset(self.involvement_forms)
        return values

    def display(self, name: str, value: Any) -> str:
        if name != "involvements":
            return super().display(name, value)
        departments = self.involvement_forms.departments
        roles = dict(DepartmentRole.choices)
        return ", ".join(
            sorted(
                f"{departments[department_id]} ({roles.get(role, role)})"
                if department_id in departments
                else str(roles.get(role, role))
                for department_id, role in value or []
            )
        )


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
    data: Any = None,
    *,
    action: Action | None = None,
    proposed: list[Involvement] | None = None,
) -> BaseInvolvementFormSet:
    """The departments formset, filled from the action (or with the `proposed` departments of a
    new one) when not bound (one query per part)."""
    departments = list(Department.objects.all())
    initial = None
    if data is None and proposed:
        initial = [{"department": i.department.pk, "role": i.role} for i in proposed]
    elif data is None and action is not None and action.pk:
        initial = [
            {"department": involvement.department_id, "role": involvement.role}
            for involvement in action.involvements.filter(live_only("department"))
        ]
    formset = InvolvementFormSet(  # type: ignore[call-arg]
        data, initial=initial, prefix=INVOLVEMENT_PREFIX, departments=departments
    )
    return cast(BaseInvolvementFormSet, formset)
