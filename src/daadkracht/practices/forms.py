"""The forms of the practice database: a practice, a file, an editor's decision, adopting."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from daadkracht.common.forms import MergeableForm
from daadkracht.common.row_fields import RowChoiceField, RowChoices, RowsChoiceField
from daadkracht.plans.models import Action, Theme
from daadkracht.practices.models import Practice, PracticeFileKind, PracticeTheme
from daadkracht.practices.services.files import MAX_DOCUMENT_BYTES, MAX_PHOTO_BYTES
from daadkracht.practices.services.workflow import CONTENT_FIELDS, MESSAGE_LIMIT
from daadkracht.tenancy.models import Department

SECTION_HELP = {
    "what_happened": _("What did the municipality do, with whom, and when?"),
    "why": _("Why this approach: the problem, the choice you made."),
    "intended_result": _("What you wanted to reach, in figures where you can."),
    "challenges": _("What was hard, what took longer or cost more than expected."),
    "success_factors": _("What made it work."),
    "tips": _("What another municipality should know before it starts."),
}


class PracticeForm(MergeableForm, forms.ModelForm[Practice]):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        choices=PracticeTheme.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The themes under which other municipalities find the practice."),
    )
    actions = RowsChoiceField(
        label=_("Actions of our plan it describes"),
        queryset=Action.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Colleagues see the practice on these actions' pages."),
    )

    class Meta(RowChoices):
        model = Practice
        fields = CONTENT_FIELDS
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            **{name: forms.Textarea(attrs={"rows": 5}) for name in SECTION_HELP},
        }
        help_texts = dict(SECTION_HELP)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["actions"].queryset = Action.objects.order_by("identifier")  # type: ignore[attr-defined]
        if self.instance.pk and not self.is_bound:
            self.initial["themes"] = list(self.instance.theme_tags.values_list("theme", flat=True))
            self.initial["actions"] = list(
                self.instance.action_links.values_list("action_id", flat=True)
            )
        self.order_fields([name for _legend, names in self.GROUPS for name in names])

    GROUPS = [
        (_("The practice"), ["title", "summary", "themes", "lekp_werf"]),
        (
            _("The story"),
            ["what_happened", "why", "intended_result", "challenges", "success_factors", "tips"],
        ),
        (
            _("Key figures"),
            [
                "total_cost",
                "own_share",
                "subsidies",
                "subsidy_sources",
                "trees_planted",
                "hedges_metres",
                "unsealed_m2",
                "water_buffered_m3",
                "co2_avoided_tonnes",
                "other_results",
            ],
        ),
        (
            _("When and where"),
            ["started_year", "finished_year", "street_address", "postcode", "place"],
        ),
        (_("Contact for other municipalities"), ["contact_name", "contact_email", "contact_phone"]),
        (_("Our plan"), ["actions"]),
    ]

    def groups(self) -> list[tuple[str, list[Any]]]:
        """The visible fields in the groups the form shows, each under its legend."""
        return [(str(legend), [self[name] for name in names]) for legend, names in self.GROUPS]

    def merge_fields(self) -> list[str]:
        return [name for name in super().merge_fields() if name not in ("themes", "actions")]

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {name: data[name] for name in CONTENT_FIELDS} | {
            "themes": data["themes"],
            "actions": list(data["actions"]),
        }


class PracticeFileForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=PracticeFileKind.choices, widget=forms.RadioSelect
    )
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,.pdf"}),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=300,
        help_text=_("What the photo shows, for people who cannot see it; or the document's title."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Filled in per request, in the visitor's language.
        self.fields["file"].help_text = _(
            "A photo (JPEG, PNG or WebP, at most %(photo)s MB) or a PDF (at most %(pdf)s MB)."
        ) % {"photo": MAX_PHOTO_BYTES // (1024 * 1024), "pdf": MAX_DOCUMENT_BYTES // (1024 * 1024)}


class DecisionForm(forms.Form):
    PUBLISH, CHANGES, REJECT = "publish", "changes", "reject"
    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[
            (PUBLISH, _("Publish")),
            (CHANGES, _("Ask the author for changes")),
            (REJECT, _("Reject")),
        ],
    )
    message = forms.CharField(
        label=_("Message to the author"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MESSAGE_LIMIT,
        required=False,
        help_text=_("Required when you ask for changes or reject: say what and why."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class WithdrawForm(forms.Form):
    message = forms.CharField(
        label=_("Why (for your colleagues)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MESSAGE_LIMIT,
        required=False,
    )


class AdoptForm(forms.Form):
    identifier = forms.CharField(
        label=_("Identifier"), max_length=40, help_text=_("For example B3.04; unique in the plan.")
    )
    title = forms.CharField(label=_("Title"), max_length=250)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    lead_department = RowChoiceField(
        label=_("Lead department"), queryset=Department.objects.none(), required=False
    )
    themes = RowsChoiceField(
        label=_("Themes of our plan"),
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: Any, departments: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead_department"].queryset = departments  # type: ignore[attr-defined]
        self.fields["themes"].queryset = Theme.objects.order_by("position", "code", "name")  # type: ignore[attr-defined]
