"""Forms for departments, memberships and a new municipality."""

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from daadkracht.accounts.models import Invitation
from daadkracht.common.forms import MergeableForm
from daadkracht.common.query import IdField, KeyField, QueryForm, TextField
from daadkracht.common.row_fields import RowChoices
from daadkracht.tenancy import platform
from daadkracht.tenancy.models import Department, Membership, Province
from daadkracht.tenancy.roles import (
    EDITOR_NEEDS_DEPARTMENT,
    ROLE_DESCRIPTIONS,
    Role,
    needs_department,
)
from daadkracht.tenancy.selectors import member_users


class VersionField(forms.IntegerField):
    widget = forms.HiddenInput


class DepartmentForm(MergeableForm, forms.ModelForm[Department]):
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

    def service_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


def role_choices() -> list[tuple[str, str]]:
    return [(role.value, f"{role.label} — {ROLE_DESCRIPTIONS[role]}") for role in Role]


class MembershipForm(MergeableForm, forms.ModelForm[Membership]):
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
        self.fields["department"].help_text = _(
            "Required for an editor: editors edit the actions of this department."
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        role = cleaned.get("role")
        department = cleaned.get("department")
        if role and "department" not in self.errors and needs_department(role, department):
            self.add_error("department", EDITOR_NEEDS_DEPARTMENT)
        return cleaned


def _language_choices() -> list[tuple[str, str]]:
    # Each language in its own name, as the language switcher shows them.
    return [
        (code, get_language_info(code)["name_local"].capitalize())
        for code, _name in settings.LANGUAGES
    ]


class CoordinatorInvitationForm(forms.Form):
    """The e-mail address of a municipality's climate coordinator and the invitation's language."""

    coordinator_email = forms.EmailField(
        label=_("E-mail address of the climate coordinator"),
        help_text=_(
            "They receive an invitation to choose a password and become the municipality's "
            "coordinator, who sets up the plan and invites colleagues."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    language = forms.ChoiceField(
        label=_("Language of the invitation e-mail"),
        choices=_language_choices,
        initial=settings.LANGUAGE_CODE,
        widget=forms.RadioSelect,
    )


class MunicipalityCreateForm(CoordinatorInvitationForm):
    """A new municipality and the e-mail address of its first climate coordinator."""

    name = forms.CharField(
        label=_("Name of the municipality"),
        max_length=120,
        help_text=_("As it appears on every page, such as Gemeente Zonnedorp or Stad Brugge."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    slug = forms.SlugField(
        label=_("Short name in the web address"),
        max_length=60,
        required=False,
        error_messages={
            "invalid": _("Use only lower-case letters, digits and hyphens, such as sint-niklaas.")
        },
        widget=forms.TextInput(
            attrs={"data-slug-from": "id_name", "autocomplete": "off", "spellcheck": "false"}
        ),
    )

    province = forms.ChoiceField(
        label=_("Province"),
        choices=[("", "—"), *Province.choices],
        required=False,
        help_text=_("The practice database filters on it."),
    )
    population = forms.IntegerField(
        label=_("Number of inhabitants"),
        min_value=1,
        max_value=2_000_000,
        required=False,
        help_text=_("The practice database filters on the size of the municipality."),
    )

    field_order = ["name", "slug", "province", "population", "coordinator_email", "language"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["coordinator_email"].label = _(
            "E-mail address of the first climate coordinator"
        )
        address = format_html(
            '<span class="address-preview">{}/<strong data-slug-preview>{}</strong>/</span>',
            settings.SITE_URL,
            (self.data.get(self.add_prefix("slug")) if self.is_bound else "") or "…",
        )
        explanation = _(
            "The municipality's pages will be at {address}. Filled in from the name; you may "
            "change it. Lower-case letters, digits and hyphens. Choose it with care: people "
            "save and share links that contain it."
        )
        self.fields["slug"].help_text = format_html(
            conditional_escape(explanation), address=address
        )

    def clean_slug(self) -> str:
        return str(self.cleaned_data.get("slug") or "").lower()

    def clean(self) -> dict[str, Any]:
        """Tell about a known name or a taken address together with any other error; the
        service checks them again when it creates the municipality."""
        cleaned = super().clean() or {}
        name = " ".join(str(cleaned.get("name") or "").split())
        if not name:
            return cleaned
        try:
            platform.check_name(name)
        except ValidationError as error:
            self.add_error(None, error)
        if "slug" not in self.errors:
            try:
                platform.check_address(cleaned.get("slug") or platform.address_from_name(name))
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned


class DepartmentListQuery(QueryForm):
    """`?q=` searches the departments' names and descriptions."""

    q = TextField()


class MemberListQuery(QueryForm):
    """`?q=` searches names and e-mail addresses; `?role=` and `?department=id` narrow down."""

    q = TextField()
    role = KeyField(Role.values)
    department = IdField()
