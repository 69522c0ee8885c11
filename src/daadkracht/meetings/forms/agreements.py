"""The work agreement form with a line per party department, the state form, and the list
query."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from daadkracht.common.forms import MergeableForm
from daadkracht.common.query import IdField, KeyField, QueryForm, TextField
from daadkracht.common.row_fields import RowChoiceField, RowChoices
from daadkracht.meetings.models import AgreementStatus, ClimateTeam, Meeting, WorkAgreement
from daadkracht.plans.models import Action
from daadkracht.tenancy.models import Department

# How many party lines the form offers: enough for the agreements seen in practice.
PARTY_LINES = 6
# The empty lines shown under the filled ones.
SPARE_PARTY_LINES = 2

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def party_fields(number: int) -> tuple[str, str]:
    return f"party_{number}_department", f"party_{number}_commitment"


class WorkAgreementForm(MergeableForm, forms.ModelForm[WorkAgreement]):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta(RowChoices):
        model = WorkAgreement
        fields = [
            "title",
            "description",
            "due_date",
            "status",
            "review_date",
            "meeting",
            "team",
            "actions",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "due_date": DATE_WIDGET,
            "review_date": DATE_WIDGET,
            "actions": forms.SelectMultiple(attrs={"size": 6}),
        }
        help_texts = {
            "title": _("For example: Mobility checks every new street plan with Environment."),
            "review_date": _("When the departments look at it again together."),
            "actions": _("Hold Ctrl (or Cmd) to choose more than one."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.order_by("-starts_at")  # type: ignore[attr-defined]
        self.fields["actions"].queryset = Action.objects.order_by("identifier")  # type: ignore[attr-defined]
        self.fields["actions"].required = False
        self.fields["team"].queryset = ClimateTeam.objects.order_by("name")  # type: ignore[attr-defined]
        if self.instance.pk and not self.is_bound:
            self.initial.update(self._party_values(self.instance))

    def add_fields(self) -> None:
        for number in range(1, PARTY_LINES + 1):
            department, commitment = party_fields(number)
            self.fields[department] = RowChoiceField(
                label=_("Department %(number)s") % {"number": number},
                queryset=Department.objects.all(),
                required=False,
            )
            self.fields[commitment] = forms.CharField(
                label=_("What department %(number)s does") % {"number": number},
                max_length=300,
                required=False,
            )

    @staticmethod
    def _party_values(obj: WorkAgreement) -> dict[str, Any]:
        values: dict[str, Any] = {}
        parties = list(obj.parties.select_related("department").order_by("department__name"))
        for number in range(1, PARTY_LINES + 1):
            department, commitment = party_fields(number)
            party = parties[number - 1] if number <= len(parties) else None
            values[department] = party.department if party else None
            values[commitment] = party.commitment if party else ""
        return values

    def stored_values(self, obj: Any) -> dict[str, Any]:
        values = {
            name: obj._meta.get_field(name).value_from_object(obj) for name in self.Meta.fields
        }
        if obj.pk is not None:
            values.update(self._party_values(obj))
        return values

    def party_lines(self) -> list[tuple[Any, Any, bool]]:
        """The bound fields of each line, for the template, and whether the line is shown: the
        lines filled in and two empty ones after them; the page offers the others one by one
        (or, without scripts, after saving)."""
        lines = [
            (self[department], self[commitment])
            for department, commitment in (party_fields(n) for n in range(1, PARTY_LINES + 1))
        ]
        filled = [n for n, (d, c) in enumerate(lines, 1) if d.value() or c.value()]
        shown = (max(filled) if filled else 0) + SPARE_PARTY_LINES
        return [(d, c, n <= shown) for n, (d, c) in enumerate(lines, 1)]

    def parties(self) -> list[tuple[Department, str]]:
        lines = []
        for number in range(1, PARTY_LINES + 1):
            department, commitment = party_fields(number)
            if self.cleaned_data.get(department) is not None:
                lines.append((self.cleaned_data[department], self.cleaned_data.get(commitment, "")))
        return lines

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for number in range(1, PARTY_LINES + 1):
            department, commitment = party_fields(number)
            if cleaned.get(commitment) and cleaned.get(department) is None:
                self.add_error(department, _("Choose the department that does this."))
        return cleaned

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "description": data["description"],
            "due_date": data["due_date"],
            "status": data["status"],
            "review_date": data["review_date"],
            "meeting": data["meeting"],
            "team": data["team"],
            "actions": list(data["actions"]),
            "parties": self.parties(),
        }


class AgreementStateForm(MergeableForm, forms.ModelForm[WorkAgreement]):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta(RowChoices):
        model = WorkAgreement
        fields = ["status", "review_date"]
        widgets = {"review_date": DATE_WIDGET}


class AgreementListQuery(QueryForm):
    """`?status=`, `?department=id`, `?attention=any|overdue|review`, `?q=` searches."""

    status = KeyField(AgreementStatus.values)
    department = IdField()
    attention = KeyField(["any", "overdue", "review"])
    q = TextField()


class AgreementNewQuery(QueryForm):
    """`?meeting=id`: the agreement comes from this meeting; `?team=id`: of this climate team."""

    meeting = IdField()
    team = IdField()
