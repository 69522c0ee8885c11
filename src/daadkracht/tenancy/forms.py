"""Forms for departments and memberships."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from daadkracht.accounts.models import Invitation
from daadkracht.common.forms import RowChoices
from daadkracht.common.query import IdField, KeyField, QueryForm, TextField
from daadkracht.tenancy.models import Department, Membership
from daadkracht.tenancy.roles import ROLE_DESCRIPTIONS, Role
from daadkracht.tenancy.selectors import member_users


class VersionField(forms.IntegerField):
    widget = forms.HiddenInput


class DepartmentForm(forms.ModelForm[Department]):
    version = VersionField(required=False)

    class Meta(RowChoices):
        model = Department
        fields = ["name", "description", "head", "climate_contact"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = member_users().order_by("full_name")
        self.fields["head"].queryset = people  # type: ignore[attr-defined]
        self.fields["climate_contact"].queryset = people  # type: ignore[attr-defined]
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def validate_unique(self) -> None:
        """Name uniqueness is checked by the service, within the municipality."""


def role_choices() -> list[tuple[str, str]]:
    return [(role.value, f"{role.label} — {ROLE_DESCRIPTIONS[role]}") for role in Role]


class MembershipForm(forms.ModelForm[Membership]):
    version = VersionField(required=False)
    role = forms.ChoiceField(label=_("Role"), choices=role_choices, widget=forms.RadioSelect)

    class Meta(RowChoices):
        model = Membership
        fields = ["role", "department"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.all()  # type: ignore[attr-defined]
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version


class InvitationForm(forms.ModelForm[Invitation]):
    role = forms.ChoiceField(label=_("Role"), choices=role_choices, widget=forms.RadioSelect)

    class Meta(RowChoices):
        model = Invitation
        fields = ["email", "role", "department"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.all()  # type: ignore[attr-defined]
        self.fields["department"].help_text = _("Editors edit what belongs to this department.")


class DepartmentListQuery(QueryForm):
    """`?q=` searches the departments' names and descriptions."""

    q = TextField()


class MemberListQuery(QueryForm):
    """`?q=` searches names and e-mail addresses; `?role=` and `?department=id` narrow down."""

    q = TextField()
    role = KeyField(Role.values)
    department = IdField()
