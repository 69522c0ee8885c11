"""The forms of messages: who receives it (also for the mailing list) and what it says."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from daadkracht.bodies.models import GovernanceBody
from daadkracht.common.row_fields import RowChoiceField
from daadkracht.engagement.models import Level
from daadkracht.events.models import NetworkEvent
from daadkracht.messaging.models import AudienceKind
from daadkracht.messaging.selectors import AudienceChoice
from daadkracht.messaging.services import SUBJECT_MAX, TEXT_MAX
from daadkracht.plans.models import Theme


class AudienceForm(forms.Form):
    """Who receives a message; read from the query string for the mailing list as well."""

    audience = forms.ChoiceField(
        label=_("Send to"), choices=AudienceKind.choices, widget=forms.RadioSelect
    )
    body = RowChoiceField(
        label=_("Governance body"),
        queryset=GovernanceBody.objects.order_by("name", "id"),
        required=False,
        help_text=_(
            "Its current members; for a member organisation, its contact persons. Past members "
            "receive nothing."
        ),
    )
    event = RowChoiceField(
        label=_("Event"),
        queryset=NetworkEvent.objects.order_by("-starts_at", "id"),
        required=False,
        help_text=_("Everyone registered; cancelled registrations receive nothing."),
    )
    include_waiting = forms.BooleanField(label=_("Also the waiting list"), required=False)
    theme = RowChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.order_by("name", "id"),
        required=False,
        help_text=_(
            "Contact persons of organisations engaged in the theme or one of its actions, and "
            "members of the Open Network who follow it and gave their consent."
        ),
    )
    min_level = forms.TypedChoiceField(
        label=_("Organisations engaged at least at level"),
        choices=Level.choices,
        coerce=int,
        initial=Level.INFORM,
        required=False,
        help_text=_("The level the municipality means to engage each organisation at."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        kind = cleaned.get("audience")
        required = {
            AudienceKind.BODY: ("body", _("Choose a governance body.")),
            AudienceKind.EVENT: ("event", _("Choose an event.")),
            AudienceKind.THEME: ("theme", _("Choose a theme.")),
        }
        if kind in required:
            name, message = required[AudienceKind(kind)]
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(name, message)
        return cleaned

    def choice(self) -> AudienceChoice:
        data = self.cleaned_data
        kind = data["audience"]
        return AudienceChoice(
            kind=kind,
            body=data.get("body") if kind == AudienceKind.BODY else None,
            event=data.get("event") if kind == AudienceKind.EVENT else None,
            include_waiting=bool(data.get("include_waiting")) and kind == AudienceKind.EVENT,
            theme=data.get("theme") if kind == AudienceKind.THEME else None,
            min_level=(data.get("min_level") or Level.INFORM) if kind == AudienceKind.THEME else 1,
        )


def _subject(label: Any, *, required: bool) -> forms.CharField:
    return forms.CharField(label=label, max_length=SUBJECT_MAX, required=required, strip=False)


def _text(label: Any, *, required: bool, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=TEXT_MAX,
        required=required,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=help_text,
    )


class MessageForm(AudienceForm):
    subject = _subject(_("Subject"), required=True)
    text = _text(
        _("Message"),
        required=True,
        help_text=_(
            "Plain text: sent as you write it, with its empty lines. Every mail ends with a "
            "link to unsubscribe."
        ),
    )
    subject_fr = _subject(_("Subject in French"), required=False)
    text_fr = _text(
        _("Message in French"),
        required=False,
        help_text=_("Optional. People whose preferred language is French receive this version."),
    )
    subject_en = _subject(_("Subject in English"), required=False)
    text_en = _text(
        _("Message in English"),
        required=False,
        help_text=_("Optional. People whose preferred language is English receive this version."),
    )

    def texts(self) -> dict[str, str]:
        return {
            name: self.cleaned_data.get(name) or ""
            for name in ("subject", "text", "subject_fr", "text_fr", "subject_en", "text_en")
        }
