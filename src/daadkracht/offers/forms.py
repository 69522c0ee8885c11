"""Forms of support offers: the public list's filters, asking for an offer, a provider's offer
form (steps and responsibilities as one textarea each, one line a point) and its answer."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from daadkracht.common.forms import MergeableForm
from daadkracht.common.query import FlagField, KeyField, QueryForm, TextField
from daadkracht.common.row_fields import RowChoiceField, RowChoices
from daadkracht.offers.models import (
    MESSAGE_LENGTH,
    TEXT_LENGTH,
    Offer,
    OfferType,
    RequestStatus,
    TargetGroup,
)
from daadkracht.offers.services import steps_text
from daadkracht.practices.models import PracticeTheme


class VersionField(forms.IntegerField):
    widget = forms.HiddenInput


class OfferListQuery(QueryForm):
    """`?theme=`, `?type=`, `?group=` (target group), `?lekp=1`, `?q=` searches."""

    theme = KeyField(PracticeTheme.values)
    type = KeyField(OfferType.values)
    group = KeyField(TargetGroup.values)
    lekp = FlagField()
    q = TextField()


class InboxQuery(QueryForm):
    """`?status=` of the requests a provider received."""

    status = KeyField(RequestStatus.values)


class OfferRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Your message to the provider"),
        required=False,
        max_length=MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you hope for, by when, and who else is involved. Optional."),
    )


class OfferForm(MergeableForm, forms.ModelForm[Offer]):
    version = VersionField(required=False)
    steps = forms.CharField(
        label=_("Course and content: the steps"),
        required=False,
        max_length=TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "One step a line. A line that starts with a hyphen (-) is a sub-point of the step "
            "above it."
        ),
    )

    class Meta(RowChoices):
        model = Offer
        fields = [
            "title",
            "target_group",
            "theme",
            "kind",
            "introduction",
            "steps",
            "course_note",
            "responsibilities",
            "price",
            "price_note",
            "counts_for_lekp",
            "contact_name",
            "contact_phone",
            "contact_email",
        ]
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 5}),
            "course_note": forms.Textarea(attrs={"rows": 4}),
            "responsibilities": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "course_note": _("How you work and how the steps fit together. Optional."),
            "responsibilities": _("One point a line."),
            "price": _("Leave empty when there is no indicative price."),
            "price_note": _("For example: per municipality, or depending on its size."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
            self.initial["steps"] = steps_text(self.instance)

    def stored_values(self, obj: Any) -> dict[str, Any]:
        values = {
            name: obj._meta.get_field(name).value_from_object(obj)
            for name in self.merge_fields()
            if name != "steps"
        }
        values["steps"] = steps_text(obj)
        return values

    def service_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class CoachField(RowChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.full_name or obj.email)


class AnswerForm(forms.Form):
    """The provider's answer: accept (perhaps starting the trajectory with a coach) or decline."""

    decision = forms.ChoiceField(
        label=_("Accept or decline"),
        choices=[("accept", _("Accept")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(
        label=_("Message to the municipality"),
        required=False,
        max_length=MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you decline: say why, and where else they might turn."),
    )
    start_trajectory = forms.BooleanField(
        label=_("Start the collaboration trajectory with the coach chosen below"), required=False
    )
    coach = CoachField(queryset=None, label=_("Coach"), required=False)

    def __init__(self, *args: Any, coaches: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        coach = self.fields["coach"]
        assert isinstance(coach, RowChoiceField)
        coach.queryset = coaches

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == "decline" and not (cleaned.get("answer") or "").strip():
            self.add_error("answer", _("Say why you decline, so the municipality can look on."))
        starts = cleaned.get("start_trajectory") and cleaned.get("decision") == "accept"
        if starts and cleaned.get("coach") is None:
            self.add_error("coach", _("Choose the coach who guides the trajectory."))
        return cleaned
