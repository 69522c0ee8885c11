"""The forms of the network import: the upload with the purpose people are held for, and the
choice per organisation name that resembles another."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from daadkracht.common.sheets import MAX_FILE_SIZE
from daadkracht.stakeholders.services.importing import IMPORT_BASES
from daadkracht.stakeholders.spreadsheets.checking import OrganisationDraft


class NetworkImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet with organisations and contact persons"),
        help_text=gettext_lazy(
            "An Excel workbook (.xlsx) or a CSV file (.csv), at most 5 MB: the template, an"
            " export of the organisations or contact persons, or your own list."
        ),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,.csv,application/vnd.openxmlformats-officedocument"
                ".spreadsheetml.sheet,text/csv"
            }
        ),
    )
    purpose = forms.ChoiceField(
        label=gettext_lazy("Why does the municipality hold the data of these contact persons?"),
        help_text=gettext_lazy(
            "Recorded as the lawful basis of every new contact person in the file. An import"
            " never records a consent: ask the person for that yourself."
        ),
        choices=[(key, label) for key, (_p, _b, label) in IMPORT_BASES.items()],
        initial="partnership",
        widget=forms.RadioSelect,
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_SIZE:
            raise ValidationError(
                _("The file is larger than %(size)s MB; split it into smaller files.")
                % {"size": MAX_FILE_SIZE // (1024 * 1024)}
            )
        return upload


class DuplicateChoiceForm(forms.Form):
    """For every name of the file that resembles an organisation of the network (or another
    name of the file): which organisation it is."""

    token = forms.CharField(widget=forms.HiddenInput)
    fingerprint = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, asked: list[OrganisationDraft], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.asked = asked
        for draft in asked:
            self.fields[draft.field_name] = forms.ChoiceField(
                label=_("“%(name)s” (row %(rows)s)")
                % {"name": draft.name, "rows": ", ".join(str(r) for r in draft.rows[:5])},
                choices=draft.options,
                widget=forms.RadioSelect,
                required=False,
            )
            if draft.choice:
                self.initial.setdefault(draft.field_name, draft.choice)

    def choices(self) -> dict[str, str]:
        """The choices as posted: the check keeps only options it offers."""
        return {
            name: str(self.data.get(name, ""))
            for name in self.fields
            if name.startswith("organisation_")
        }
