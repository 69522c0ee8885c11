"""The forms to add a member to a body, to end a membership and to plan a body's meeting."""

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from daadkracht.bodies.models import BodyMembership, GovernanceBody
from daadkracht.common.dates import OUT_OF_RANGE, is_plausible
from daadkracht.common.row_fields import RowChoices, RowsChoiceField
from daadkracht.stakeholders.models import Contact, Organisation
from daadkracht.tenancy.selectors import member_users

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _person_label(contact: Contact) -> str:
    if contact.organisation is not None:
        return f"{contact.full_name} ({contact.organisation.name})"
    return contact.full_name


class MembershipForm(forms.ModelForm[BodyMembership]):
    class Meta(RowChoices):
        model = BodyMembership
        fields = ["contact", "organisation", "role", "starts_on", "ends_on", "delegated_to"]
        widgets = {"starts_on": DATE_WIDGET, "ends_on": DATE_WIDGET}
        help_texts = {
            "contact": _(
                "A person of the network; their lawful basis for this becomes public task."
            ),
            "organisation": _("Or an organisation, when no one person sits for it."),
            "ends_on": _("Leave empty while the membership runs."),
            "delegated_to": _(
                "When this member represents the body in another one, e.g. the sounding "
                "board's delegate in the policy group."
            ),
        }

    def __init__(self, *args: Any, body: GovernanceBody, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("starts_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        contact = self.fields["contact"]
        contact.queryset = (  # type: ignore[attr-defined]
            Contact.objects.filter(erased_at__isnull=True)
            .select_related("organisation")
            .order_by("full_name", "pk")
        )
        contact.label_from_instance = _person_label  # type: ignore[attr-defined]
        self.fields["organisation"].queryset = Organisation.objects.order_by("name", "pk")  # type: ignore[attr-defined]
        self.fields["delegated_to"].queryset = GovernanceBody.objects.exclude(  # type: ignore[attr-defined]
            pk=body.pk
        ).order_by("name", "pk")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        contact, organisation = cleaned.get("contact"), cleaned.get("organisation")
        chosen = "contact" not in self.errors and "organisation" not in self.errors
        if chosen and (contact is None) == (organisation is None):
            self.add_error("contact", _("Choose either a person or an organisation."))
        for name in ("starts_on", "ends_on"):
            day = cleaned.get(name)
            if day is not None and not is_plausible(day):
                self.add_error(name, OUT_OF_RANGE)
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on and "ends_on" not in self.errors:
            self.add_error("ends_on", _("The end comes after the start."))
        return cleaned

    def _post_clean(self) -> None:
        # The service checks the membership as a whole; skip the model's own validation, whose
        # constraint message would repeat the form's.
        pass

    def service_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in MembershipForm.Meta.fields}


class EndMembershipForm(forms.Form):
    ends_on = forms.DateField(label=_("Last day"), widget=DATE_WIDGET)

    def __init__(self, *args: Any, membership: BodyMembership, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("ends_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.membership = membership

    def clean_ends_on(self) -> Any:
        day = self.cleaned_data["ends_on"]
        if not is_plausible(day):
            raise forms.ValidationError(OUT_OF_RANGE)
        if day < self.membership.starts_on:
            raise forms.ValidationError(_("The end comes after the start."))
        return day


class BodyMeetingForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    date = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    start_time = forms.TimeField(
        label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("End time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    agenda = forms.CharField(
        label=_("Agenda"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    attendees = RowsChoiceField(
        label=_("Colleagues invited"),
        queryset=member_users().order_by("full_name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each receives an e-mail with the invitation for their calendar."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = member_users().order_by("full_name")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        day, start, end = cleaned.get("date"), cleaned.get("start_time"), cleaned.get("end_time")
        if day is not None and not is_plausible(day):
            self.add_error("date", OUT_OF_RANGE)
        elif start is not None and end is not None and end <= start:
            self.add_error("end_time", _("The meeting must end after it starts."))
        return cleaned

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        zone = ZoneInfo(settings.TIME_ZONE)
        return {
            "title": data["title"],
            "starts_at": datetime.combine(data["date"], data["start_time"], tzinfo=zone),
            "ends_at": datetime.combine(data["date"], data["end_time"], tzinfo=zone),
            "place": data["place"],
            "agenda": data["agenda"],
            "attendees": list(data["attendees"]),
        }
