"""The forms of engagement, interactions and commitments, and the queries of their lists."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from daadkracht.common.forms import MergeableForm
from daadkracht.common.query import FlagField, IdField, KeyField, QueryForm
from daadkracht.common.row_fields import RowChoices
from daadkracht.engagement.models import (
    Commitment,
    CommitmentStatus,
    Direction,
    Engagement,
    Interaction,
    InteractionKind,
    Level,
)
from daadkracht.plans.forms.action import date_input
from daadkracht.plans.models import Action, Theme
from daadkracht.stakeholders.models import Contact, Organisation, OrganisationKind
from daadkracht.tenancy.forms import VersionField
from daadkracht.tenancy.selectors import member_users


def _themes() -> Any:
    return Theme.objects.order_by("position", "code", "name")


class _RecordForm(MergeableForm, forms.ModelForm[Any]):
    version = VersionField(required=False)
    service_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields = self.fields
        if "organisation" in fields:
            fields["organisation"].queryset = Organisation.objects.order_by("name")  # type: ignore[attr-defined]
        if "theme" in fields:
            fields["theme"].queryset = _themes()  # type: ignore[attr-defined]
        if "action" in fields:
            fields["action"].queryset = Action.objects.order_by("identifier")  # type: ignore[attr-defined]
        if "contact" in fields:
            fields["contact"].queryset = Contact.objects.filter(  # type: ignore[attr-defined]
                erased_at__isnull=True
            ).order_by("full_name")
        for name in ("by", "follow_up_owner", "owner"):
            if name in fields:
                fields[name].queryset = member_users().order_by("full_name")  # type: ignore[attr-defined]
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def validate_unique(self) -> None:
        """The services check the record as a whole and say which field is wrong; the model's
        constraints are not checked twice here."""

    def service_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}  # type: ignore[attr-defined]


class EngagementForm(_RecordForm):
    intended = forms.TypedChoiceField(
        label=_("Intended level"),
        choices=[("", _("as the grid suggests")), *Level.choices],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Left empty, the level the influence and interest suggest."),
    )
    actual = forms.TypedChoiceField(
        label=_("Actual level"),
        choices=[("", _("not engaged yet")), *Level.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )

    class Meta(RowChoices):
        model = Engagement
        fields = [
            "organisation",
            "theme",
            "action",
            "influence",
            "interest",
            "intended",
            "actual",
            "note",
        ]
        help_texts = {
            "theme": _("A theme of the plan, or else an action below."),
            "influence": _("How much the organisation can change the outcome."),
            "interest": _("How much the outcome matters to the organisation."),
        }


class InteractionForm(_RecordForm):
    class Meta(RowChoices):
        model = Interaction
        fields = [
            "organisation",
            "contact",
            "kind",
            "happened_on",
            "by",
            "theme",
            "summary",
            "follow_up",
            "follow_up_owner",
            "follow_up_due",
        ]
        widgets = {
            "happened_on": date_input(),
            "follow_up_due": date_input(),
            "summary": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "summary": _("What was discussed and agreed, without more personal data than needed."),
            "follow_up": _("What still has to happen, if anything."),
        }


class CommitmentForm(_RecordForm):
    class Meta(RowChoices):
        model = Commitment
        fields = [
            "organisation",
            "direction",
            "description",
            "theme",
            "action",
            "made_on",
            "due_on",
            "owner",
            "status",
            "note",
        ]
        widgets = {"made_on": date_input(), "due_on": date_input()}


class EngagementQuery(QueryForm):
    """`?theme=`, `?kind=` an organisation type, `?organisation=`, `?behind=1`."""

    theme = IdField()
    kind = KeyField(OrganisationKind.values)
    organisation = IdField()
    behind = FlagField()


class InteractionQuery(QueryForm):
    organisation = IdField()
    kind = KeyField(InteractionKind.values)
    theme = IdField()
    open = FlagField()
    mine = FlagField()


class CommitmentQuery(QueryForm):
    organisation = IdField()
    status = KeyField(CommitmentStatus.values)
    direction = KeyField(Direction.values)
    overdue = FlagField()


class CoverageQuery(QueryForm):
    kind = KeyField(OrganisationKind.values)
