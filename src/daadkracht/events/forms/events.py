"""The event form, the attendance form, registering a known contact, and the list's query."""

from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from daadkracht.common.dates import OUT_OF_RANGE, is_plausible
from daadkracht.common.forms import MergeableForm
from daadkracht.common.query import IdField, KeyField, QueryForm, TextField
from daadkracht.common.row_fields import RowChoiceField, RowChoices, RowsChoiceField
from daadkracht.events.models import EventKind, NetworkEvent
from daadkracht.plans.models import Theme
from daadkracht.stakeholders.models import Contact
from daadkracht.tenancy.selectors import member_users

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
LOCAL_FIELDS = {"date", "start_time", "end_time", "registration_date", "registration_time"}


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment, ZoneInfo(settings.TIME_ZONE))


def themes_available() -> Any:
    return Theme.objects.select_related("plan").order_by("code", "name", "pk")


class EventForm(MergeableForm, forms.ModelForm[NetworkEvent]):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    date = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    start_time = forms.TimeField(label=_("Start time"), widget=TIME_WIDGET)
    end_time = forms.TimeField(label=_("End time"), widget=TIME_WIDGET)
    registration_date = forms.DateField(
        label=_("Registration open until (date)"),
        widget=DATE_WIDGET,
        help_text=_("The public registration page closes at the end of this moment."),
    )
    registration_time = forms.TimeField(
        label=_("Registration open until (time)"), widget=TIME_WIDGET, initial=time(23, 59)
    )
    themes = RowsChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta(RowChoices):
        model = NetworkEvent
        fields = ["title", "kind", "description", "place", "capacity", "organiser"]
        widgets = {"kind": forms.RadioSelect, "description": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "capacity": _("When all places are taken, people land on the waiting list."),
            "organiser": _(
                "Gets an e-mail when four fifths of the places are taken and when all are."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = EventKind.choices  # type: ignore[attr-defined]
        self.fields["capacity"].min_value = 1  # type: ignore[attr-defined]
        self.fields["capacity"].max_value = 100_000  # type: ignore[attr-defined]
        self.fields["capacity"].widget.attrs.update(min=1, max=100_000)
        self.fields["organiser"].queryset = member_users().order_by("full_name")  # type: ignore[attr-defined]
        self.fields["themes"].queryset = themes_available()  # type: ignore[attr-defined]
        if self.instance.pk and not self.is_bound:
            for name, value in self.stored_values(self.instance).items():
                if name in LOCAL_FIELDS or name == "themes":
                    self.initial[name] = value

    def stored_values(self, obj: Any) -> dict[str, Any]:
        values = {
            name: obj._meta.get_field(name).value_from_object(obj) for name in self.Meta.fields
        }
        if obj.pk is None:
            return values
        start, end, until = (
            _local(obj.starts_at),
            _local(obj.ends_at),
            _local(obj.registration_until),
        )
        values.update(
            date=start.date(),
            start_time=start.time().replace(second=0, microsecond=0),
            end_time=end.time().replace(second=0, microsecond=0),
            registration_date=until.date(),
            registration_time=until.time().replace(second=0, microsecond=0),
            themes=[link.theme for link in obj.theme_links.select_related("theme")],
        )
        return values

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for name in ("date", "registration_date"):
            day = cleaned.get(name)
            if day is not None and not is_plausible(day):
                self.add_error(name, OUT_OF_RANGE)
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start is not None and end is not None and end <= start:
            self.add_error("end_time", _("The event must end after it starts."))
        return cleaned

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        zone = ZoneInfo(settings.TIME_ZONE)
        return {
            **{name: data[name] for name in self.Meta.fields},
            "starts_at": datetime.combine(data["date"], data["start_time"], tzinfo=zone),
            "ends_at": datetime.combine(data["date"], data["end_time"], tzinfo=zone),
            "registration_until": datetime.combine(
                data["registration_date"], data["registration_time"], tzinfo=zone
            ),
            "themes": list(data["themes"]),
        }


class AttendanceForm(forms.Form):
    present = forms.TypedMultipleChoiceField(
        label=_("Who attended"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, registrations: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [  # type: ignore[attr-defined]
            (registration.pk, str(registration.contact)) for registration in registrations
        ]


class RegisterContactForm(forms.Form):
    contact = RowChoiceField(
        label=_("Contact person"),
        queryset=Contact.objects.none(),
        help_text=_("A person of the network with an e-mail address."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = (  # type: ignore[attr-defined]
            Contact.objects.filter(erased_at__isnull=True)
            .exclude(email="")
            .select_related("organisation")
            .order_by("full_name", "pk")
        )
        self.fields["contact"].label_from_instance = lambda c: (  # type: ignore[attr-defined]
            f"{c.full_name} ({c.organisation.name})" if c.organisation else c.full_name
        )


class EventListQuery(QueryForm):
    """`?period=` upcoming (the default), past or cancelled; `?kind=` a type; `?theme=` a
    theme's id; `?q=` searches titles and places."""

    period = KeyField(["upcoming", "past", "cancelled", "all"])
    kind = KeyField(EventKind.values)
    theme = IdField()
    q = TextField()
