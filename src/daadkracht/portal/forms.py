"""The portal's form to propose an update, and the lead department's decision form."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from daadkracht.accounts.forms import AcceptInvitationForm
from daadkracht.common.row_fields import RowChoiceField
from daadkracht.plans.models import Action, ActionStatus
from daadkracht.portal.models import PROPOSAL_MAX_LENGTH, REASON_MAX_LENGTH


class ProposalForm(forms.Form):
    text = forms.CharField(
        label=_("What happened, or what should change?"),
        max_length=PROPOSAL_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Plain text; the lead department reads it before it reaches the timeline."),
    )
    suggested_status = RowChoiceField(
        label=_("Suggested status (optional)"),
        queryset=ActionStatus.objects.none(),
        required=False,
        empty_label=_("No change"),
    )
    suggested_progress = forms.IntegerField(
        label=_("Suggested progress in % (optional)"),
        min_value=0,
        max_value=100,
        required=False,
    )

    def __init__(self, *args: Any, action: Action, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["suggested_status"]
        assert isinstance(field, RowChoiceField)
        field.queryset = ActionStatus.objects.filter(plan_id=action.plan_id).order_by(
            "position", "id"
        )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is this proposal declined?"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The person who proposed it receives this reason by e-mail."),
    )


class PortalAcceptForm(AcceptInvitationForm):
    """Choosing the portal account's password; the portal addresses its visitors formally."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["full_name"].label = pgettext_lazy("portal", "Your name")
        self.fields["password1"].label = pgettext_lazy("portal", "Choose a password")
        self.fields["password2"].label = pgettext_lazy("portal", "Repeat the password")
