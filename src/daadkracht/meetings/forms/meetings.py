"""The meeting form, the attendance form and the query of the meetings list."""

from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from daadkracht.common.dates import OUT_OF_RANGE, is_plausible
from daadkracht.common.forms import MergeableForm
from daadkracht.common.query import DayField, IdField, KeyField, QueryForm, TextField
from daadkracht.common.row_fields import RowChoiceField, RowChoices, RowsChoiceField
from daadkracht.meetings.catalogue import METHOD_KEYS, METHODS
from daadkracht.meetings.models import ClimateTeam, Meeting, MeetingKind, Method
from daadkracht.plans.models import Action, UpdateKind
from daadkracht.tenancy.models import Department
from daadkracht.tenancy.selectors import member_users

# The types a list filters on: each method of the catalogue, the intake and other meetings.
TYPE_KEYS = [*METHOD_KEYS, MeetingKind.INTAKE.value, MeetingKind.OTHER.value]


def local_parts(moment: datetime) -> tuple[Any, time]:
    local = timezone.localtime(moment, ZoneInfo(settings.TIME_ZONE))
    return local.date(), local.time().replace(second=0, microsecond=0)


class MeetingForm(MergeableForm, forms.ModelForm[Meeting]):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start_time = forms.TimeField(
        label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("End time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    departments = RowsChoiceField(
        label=_("Departments taking part"),
        queryset=Department.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    attendees = RowsChoiceField(
        label=_("People invited"),
        queryset=member_users().order_by("full_name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each receives an e-mail with the invitation for their calendar."),
    )

    class Meta(RowChoices):
        model = Meeting
        fields = ["title", "kind", "method", "team", "place", "agenda", "notes", "decisions"]
        widgets = {
            "kind": forms.RadioSelect,
            "agenda": forms.Textarea(attrs={"rows": 7}),
            "notes": forms.Textarea(attrs={"rows": 5}),
            "decisions": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "method": _("For a meeting that follows a method of the catalogue."),
            "agenda": _("Filled in from the method when left empty; change it as you need."),
            "team": _("For a meeting of a climate team."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["method"].queryset = Method.objects.all()  # type: ignore[attr-defined]
        self.fields["method"].required = False
        self.fields["team"].queryset = ClimateTeam.objects.order_by("name")  # type: ignore[attr-defined]
        self.fields["kind"].choices = MeetingKind.choices  # type: ignore[attr-defined]
        # The departments and people as they are now, for the choices and the base.
        self.fields["departments"].queryset = Department.objects.all()  # type: ignore[attr-defined]
        self.fields["attendees"].queryset = (  # type: ignore[attr-defined]
            member_users().order_by("full_name")
        )
        if self.instance.pk and not self.is_bound:
            for name, value in self.stored_values(self.instance).items():
                if name in {"date", "start_time", "end_time", "departments", "attendees"}:
                    self.initial[name] = value

    def stored_values(self, obj: Any) -> dict[str, Any]:
        values = {
            name: obj._meta.get_field(name).value_from_object(obj) for name in self.Meta.fields
        }
        if obj.pk is None:
            return values
        day, start = local_parts(obj.starts_at)
        values.update(
            date=day,
            start_time=start,
            end_time=local_parts(obj.ends_at)[1],
            departments=[link.department for link in obj.department_links.all()],
            attendees=[a.user for a in obj.attendees.select_related("user")],
        )
        return values

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        day, start, end = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("end_time")
        if day is not None and not is_plausible(day):
            self.add_error("date", OUT_OF_RANGE)
        elif start is not None and end is not None and end <= start:
            self.add_error("end_time", _("The meeting must end after it starts."))
        if cleaned.get("kind") == MeetingKind.METHOD and not cleaned.get("method"):
            self.add_error("method", _("Choose the method this meeting follows."))
        return cleaned

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        zone = ZoneInfo(settings.TIME_ZONE)
        return {
            **{name: data[name] for name in self.Meta.fields},
            "starts_at": datetime.combine(data["date"], data["start_time"], tzinfo=zone),
            "ends_at": datetime.combine(data["date"], data["end_time"], tzinfo=zone),
            "departments": list(data["departments"]),
            "attendees": list(data["attendees"]),
        }


class AttendanceForm(forms.Form):
    present = forms.TypedMultipleChoiceField(
        label=_("Who attended"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, people: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [  # type: ignore[attr-defined]
            (person.pk, str(person)) for person in people
        ]


class MeetingListQuery(QueryForm):
    """`?type=` a method's key, `intake` or `other`; `?period=` upcoming, past or cancelled;
    `?from=` and `?until=` a period; `?team=id` a climate team's meetings; `?q=` searches titles
    and places."""

    type = KeyField(TYPE_KEYS)
    period = KeyField(["upcoming", "past", "cancelled"])
    team = IdField()
    q = TextField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["from"] = DayField(required=False)
        self.fields["until"] = DayField(required=False)


class MeetingNewQuery(QueryForm):
    """`?method=` a method of the catalogue and `?agenda=` one of its agenda templates, to plan
    a meeting from the catalogue page; `?team=id` a meeting of this climate team."""

    method = KeyField(METHOD_KEYS)
    agenda = KeyField([template.key for method in METHODS.values() for template in method.agendas])
    team = IdField()


class MeetingUpdateForm(forms.Form):
    """A status update or decision on an action, posted from a meeting."""

    action = RowChoiceField(label=_("Action"), queryset=Action.objects.none())
    kind = forms.ChoiceField(label=_("Kind"), choices=UpdateKind.choices, initial=UpdateKind.UPDATE)
    text = forms.CharField(
        label=_("What was said or decided"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )

    def __init__(self, *args: Any, actions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = actions  # type: ignore[attr-defined]
