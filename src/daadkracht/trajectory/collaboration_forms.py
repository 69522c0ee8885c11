"""Forms of the collaboration model: its main facts, its bodies and the climate contacts.

The bodies and the contacts are saved together, several rows at once. Their forms carry what
they showed (`shown`), so that when someone else saved in between, every input the editor left
as shown takes what is saved now, and what the editor typed stays (`take_theirs_where_untouched`).
"""

import json
from collections.abc import Mapping
from typing import Any

from django import forms
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils.translation import gettext_lazy as _

from daadkracht.common.row_fields import RowChoices
from daadkracht.meetings.models import ClimateTeam
from daadkracht.tenancy.forms import VersionField
from daadkracht.tenancy.models import Department, Membership
from daadkracht.tenancy.selectors import member_users
from daadkracht.trajectory.collaboration_services import BODY_FIELDS, MODEL_FIELDS, ContactChoice
from daadkracht.trajectory.forms import VersionedModelForm
from daadkracht.trajectory.models import CollaborationBody, CollaborationModel
from daadkracht.trajectory.selectors import ContactRow


class CollaborationModelForm(VersionedModelForm, forms.ModelForm[CollaborationModel]):
    version = VersionField(required=False)

    class Meta(RowChoices):
        model = CollaborationModel
        fields = list(MODEL_FIELDS)
        widgets = {
            "mandate": forms.Textarea(attrs={"rows": 3}),
            "decision_route": forms.Textarea(attrs={"rows": 4}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["coordinator"].queryset = member_users().order_by("full_name")  # type: ignore[attr-defined]
        self.fields["coordinating_department"].queryset = Department.objects.all()  # type: ignore[attr-defined]

    def validate_unique(self) -> None:
        """One model per municipality: the service checks it when it creates the model."""


def _normal(value: Any) -> str:
    return "" if value is None else str(value).replace("\r\n", "\n").strip()


def shown_json(values: Mapping[str, Any]) -> str:
    return json.dumps({key: _normal(value) for key, value in values.items()})


def read_shown(text: str | None) -> dict[str, str]:
    """What a form showed, as it carried it; empty when it is not what a form writes."""
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(key): str(item) for key, item in value.items() if isinstance(item, str)}


def take_theirs_where_untouched(
    data: Any, inputs: Mapping[str, str], *, shown: Mapping[str, str], now: Mapping[str, str]
) -> None:
    """For every input (posted name: key of what was shown) the editor left as it was shown,
    the value saved now."""
    for name, key in inputs.items():
        if key in shown and key in now and _normal(data.get(name)) == shown[key]:
            data[name] = now[key]


class VersionForm(forms.Form):
    """The version of the collaboration model the editor started from, and the bodies as the
    form showed them."""

    version = VersionField(required=False)
    shown = forms.CharField(widget=forms.HiddenInput, required=False)


class BodyForm(forms.ModelForm[CollaborationBody]):
    class Meta(RowChoices):
        model = CollaborationBody
        fields = list(BODY_FIELDS)
        widgets = {
            "participants": forms.Textarea(attrs={"rows": 2}),
            "decides": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        team = self.fields["climate_team"]
        team.queryset = ClimateTeam.objects.all()  # type: ignore[attr-defined]
        team.help_text = _("When the team works on the platform: its meetings and members.")
        self.fields["name"].required = False  # an empty new row is left out

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.has_changed() and not self.is_removed() and not cleaned.get("name"):
            self.add_error("name", _("Give the body a name."))
        return cleaned

    def is_removed(self) -> bool:
        return bool(self.cleaned_data.get("DELETE")) if hasattr(self, "cleaned_data") else False

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in BODY_FIELDS}


BodyFormSet = modelformset_factory(
    CollaborationBody, form=BodyForm, extra=2, can_delete=True, max_num=50, validate_max=True
)


def bodies_shown(formset: BaseModelFormSet[CollaborationBody, BodyForm]) -> dict[str, str]:
    """The stored bodies' values as the (unbound) formset shows them, by body and field."""
    return {
        f"{form.instance.pk}:{name}": _normal(form[name].value())
        for form in formset.forms
        if form.instance.pk
        for name in BODY_FIELDS
    }


def bodies_inputs(formset: BaseModelFormSet[CollaborationBody, BodyForm]) -> dict[str, str]:
    """The inputs of the (bound) formset's stored bodies, with the keys of `bodies_shown`."""
    return {
        form.add_prefix(name): f"{form.instance.pk}:{name}"
        for form in formset.forms
        if form.instance.pk
        for name in BODY_FIELDS
    }


def bodies_formset(
    data: Any, model: CollaborationModel | None
) -> BaseModelFormSet[CollaborationBody, BodyForm]:
    stored = (
        CollaborationBody.objects.filter(collaboration_model=model)
        if model is not None
        else CollaborationBody.objects.none()
    )
    return BodyFormSet(data, queryset=stored, prefix="body")


OTHER_MEMBERS = _("Other members of the municipality")


class ClimateContactsForm(forms.Form):
    """For every department a member of the municipality or the name of someone without an
    account; the department's own members come first in the list."""

    basis = forms.CharField(widget=forms.HiddenInput, required=False)
    shown = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, rows: list[ContactRow], basis: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        self.initial.setdefault("basis", basis)
        self.initial.setdefault("shown", shown_json(self.values_of(rows)))
        people: dict[int, str] = {}
        by_department: dict[int, list[int]] = {}
        for membership in Membership.objects.select_related("user").order_by("user__full_name"):
            people[membership.user_id] = str(membership.user)
            if membership.department_id is not None:
                by_department.setdefault(membership.department_id, []).append(membership.user_id)
        self.people = people
        for row in rows:
            department = row.department
            own = by_department.get(department.pk, [])
            others = [pk for pk in people if pk not in own]
            choices: list[Any] = [("", _("— nobody yet —"))]
            if own:
                choices.append(
                    (
                        _("Members of %(department)s") % {"department": department},
                        [(pk, people[pk]) for pk in own],
                    )
                )
            choices.append((OTHER_MEMBERS, [(pk, people[pk]) for pk in others]))
            self.fields[self.member_key(department.pk)] = forms.TypedChoiceField(
                label=_("Member who is the climate contact of %(department)s")
                % {"department": department},
                choices=choices,
                coerce=int,
                required=False,
                empty_value=None,
                initial=row.member.pk if row.member is not None else None,
            )
            self.fields[self.name_key(department.pk)] = forms.CharField(
                label=_("Or the name of someone without an account, for %(department)s")
                % {"department": department},
                max_length=200,
                required=False,
                initial=row.name,
            )

    @classmethod
    def values_of(cls, rows: list[ContactRow]) -> dict[str, Any]:
        """The contacts as the form shows them, by input."""
        values: dict[str, Any] = {}
        for row in rows:
            values[cls.member_key(row.department.pk)] = row.member.pk if row.member else ""
            values[cls.name_key(row.department.pk)] = row.name
        return values

    @staticmethod
    def member_key(department_id: int) -> str:
        return f"member_{department_id}"

    @staticmethod
    def name_key(department_id: int) -> str:
        return f"name_{department_id}"

    def lines(self) -> list[tuple[ContactRow, forms.BoundField, forms.BoundField]]:
        """Each department with its two fields, for the table of the page."""
        return [
            (row, self[self.member_key(row.department.pk)], self[self.name_key(row.department.pk)])
            for row in self.rows
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for row in self.rows:
            member_key, name_key = (
                self.member_key(row.department.pk),
                self.name_key(row.department.pk),
            )
            if cleaned.get(member_key) is not None and (cleaned.get(name_key) or "").strip():
                self.add_error(name_key, _("Choose a member or type a name, not both."))
        return cleaned

    def choices(self, users: dict[int, Any]) -> dict[int, ContactChoice]:
        """The contact chosen per department id; `users` are the chosen members by id."""
        result = {}
        for row in self.rows:
            member_id = self.cleaned_data.get(self.member_key(row.department.pk))
            result[row.department.pk] = ContactChoice(
                member=users.get(member_id) if member_id is not None else None,
                name=self.cleaned_data.get(self.name_key(row.department.pk)) or "",
            )
        return result

    def chosen_ids(self) -> set[int]:
        return {
            value
            for row in self.rows
            if (value := self.cleaned_data.get(self.member_key(row.department.pk))) is not None
        }
