"""The forms of an import: the upload, and the match of the file's columns to action fields."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.utils import get_column_letter

from daadkracht.common.sheets import MAX_FILE_SIZE
from daadkracht.plans.spreadsheets.extras import ExtraQuestion
from daadkracht.plans.spreadsheets.kinds import KIND_CHOICE_LABELS, KindChoice
from daadkracht.plans.spreadsheets.mapping import HeaderRow, importable_columns
from daadkracht.plans.spreadsheets.missing import CREATE, EMPTY, EXTERNAL, USE, Kind, Missing
from daadkracht.plans.spreadsheets.records import Lookups


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet with actions"),
        help_text=gettext_lazy(
            "An Excel workbook (.xlsx) or a CSV file (.csv), at most 5 MB: the template, an"
            " export, or your own list with its own columns."
        ),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,.csv,application/vnd.openxmlformats-officedocument"
                ".spreadsheetml.sheet,text/csv"
            }
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_SIZE:
            raise ValidationError(
                _("The file is larger than %(size)s MB; split it into smaller files.")
                % {"size": MAX_FILE_SIZE // (1024 * 1024)}
            )
        return upload


class ImportKindForm(forms.Form):
    """Mitigation or adaptation, once for the new actions of the import that do not say it."""

    token = forms.CharField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        label=gettext_lazy("Mitigation or adaptation of the new actions"),
        choices=[(choice.value, KIND_CHOICE_LABELS[choice]) for choice in KindChoice],
        widget=forms.RadioSelect,
        initial=KindChoice.THEME.value,
    )


class ColumnMappingForm(forms.Form):
    """The row of column names, and for every column the field it holds (or none)."""

    header_row = forms.TypedChoiceField(label=gettext_lazy("Row with the column names"), coerce=int)
    save = forms.BooleanField(
        label=gettext_lazy("Remember this matching for the next file with these columns"),
        required=False,
        initial=True,
    )

    def __init__(
        self,
        *args: Any,
        candidates: list[HeaderRow],
        headers: list[str],
        keys: list[str | None],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["header_row"].choices = [  # type: ignore[attr-defined]
            (row.number, _("Row %(row)s: %(names)s") % {"row": row.number, "names": _names(row)})
            for row in candidates
        ]
        self.initial.setdefault("header_row", candidates[0].number if candidates else 1)
        field_choices = [("", _("— ignore this column —"))] + [
            (column.key, capfirst(str(column.label))) for column in importable_columns()
        ]
        self.column_names: list[str] = []
        for index, header in enumerate(headers):
            name = f"column_{index}"
            letter = get_column_letter(index + 1)
            self.fields[name] = forms.ChoiceField(
                label=_("Column %(letter)s “%(header)s”") % {"letter": letter, "header": header}
                if header
                else _("Column %(letter)s (no name)") % {"letter": letter},
                choices=field_choices,
                required=False,
            )
            self.initial.setdefault(name, keys[index] if index < len(keys) else "")
            self.column_names.append(name)

    def keys(self) -> list[str | None]:
        return [self.cleaned_data.get(name) or None for name in self.column_names]


EXISTING_LABELS = {
    Kind.THEME: gettext_lazy("Existing theme"),
    Kind.DEPARTMENT: gettext_lazy("Existing department"),
    Kind.STATUS: gettext_lazy("Status of the plan"),
}


def _existing(kind: Kind, lookups: Lookups) -> list[tuple[str, str]]:
    """What an unknown value may be matched to: the plan's themes, departments or statuses."""
    if kind == Kind.THEME:
        return [(str(t.pk), f"{t.code} {t.name}".strip()) for t in lookups.themes if t.pk > 0]
    if kind == Kind.STATUS:
        return [(str(s.pk), s.display_name) for s in lookups.statuses]
    return [(str(d.pk), d.name) for d in lookups.departments if d.pk > 0]


def _choices(kind: Kind) -> list[tuple[str, Any]]:
    if kind == Kind.THEME:
        return [
            (CREATE, _("Create it as a new theme")),
            ("use", _("Use an existing theme")),
            (EMPTY, _("Leave these cells empty")),
        ]
    if kind == Kind.STATUS:
        # A status is not created on the way: it needs a meaning, which the settings ask.
        return [
            ("use", _("Read it as one of the plan's statuses")),
            (EMPTY, _("Leave the status unknown")),
        ]
    return [
        (CREATE, _("Create it as a new department")),
        ("use", _("Use an existing department")),
        (EXTERNAL, _("An organisation outside the municipality: keep its name as responsible")),
        (EMPTY, _("Leave these cells empty")),
    ]


def _names(row: HeaderRow) -> str:
    shown = [h for h in row.headers if h][:4]
    text = ", ".join(shown)
    return text if len(text) <= 80 else text[:77] + "…"


class MissingValuesForm(forms.Form):
    """For every theme, department or status the file names and the plan lacks: what to do."""

    def __init__(
        self,
        *args: Any,
        missing: list[Missing],
        lookups: Lookups,
        questions: list[ExtraQuestion] | None = None,
        resolutions: dict[str, list[str]] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.items: list[tuple[Missing, str, str]] = []
        # Questions of columns other apps read (partners…): a choice, and a detail for one.
        self.questions: list[tuple[ExtraQuestion, str, str]] = []
        for index, question in enumerate(questions or []):
            choice_name, detail_name = f"extra_{index}", f"extra_{index}_detail"
            self.fields[choice_name] = forms.ChoiceField(
                label=question.name,
                choices=question.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose what the import does with “%(name)s”.")
                    % {"name": question.name}
                },
            )
            # What the user chose before (back from the preview), else the suggestion.
            earlier = str((resolutions or {}).get(question.key, [""])[0])
            chosen, _sep, detail = earlier.partition(":")
            if question.detail_for and chosen == question.detail_for:
                self.initial.setdefault(detail_name, detail)
            elif any(earlier == value for value, _label in question.choices):
                chosen = earlier
            else:
                chosen = question.initial
            if chosen:
                self.initial.setdefault(choice_name, chosen)
            if question.detail_for:
                self.fields[detail_name] = forms.ChoiceField(
                    label=question.detail_label, choices=question.detail_choices, required=False
                )
                if question.detail_initial:
                    self.initial.setdefault(detail_name, question.detail_initial)
            self.questions.append((question, choice_name, detail_name))
        for index, item in enumerate(missing):
            choice_name, use_name = f"choice_{index}", f"use_{index}"
            existing = _existing(item.kind, lookups)
            choices = _choices(item.kind)
            if not existing:  # with nothing to choose from, "use an existing one" is no choice
                choices = [c for c in choices if c[0] != "use"]
            self.fields[choice_name] = forms.ChoiceField(
                label=item.name, choices=choices, widget=forms.RadioSelect
            )
            self.fields[use_name] = forms.ChoiceField(
                label=EXISTING_LABELS[item.kind],
                choices=[("", "—"), *existing],
                required=False,
            )
            if item.suggestion is not None:
                self.initial.setdefault(choice_name, "use")
                self.initial.setdefault(use_name, str(item.suggestion.pk))
            else:
                # Without a suggestion: create a theme or department; leave a status unknown.
                self.initial.setdefault(
                    choice_name, EMPTY if item.kind == Kind.STATUS else choices[0][0]
                )
            self.items.append((item, choice_name, use_name))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for item, choice_name, use_name in self.items:
            if cleaned.get(choice_name) == "use" and not cleaned.get(use_name):
                message = {
                    Kind.THEME: _("Choose the existing theme to use for “%(name)s”."),
                    Kind.DEPARTMENT: _("Choose the existing department to use for “%(name)s”."),
                    Kind.STATUS: _("Choose the plan's status to use for “%(name)s”."),
                }[item.kind]
                self.add_error(use_name, message % {"name": item.name})
        for question, choice_name, detail_name in self.questions:
            chosen = cleaned.get(choice_name)
            if (
                question.detail_for
                and chosen == question.detail_for
                and not cleaned.get(detail_name)
            ):
                self.add_error(
                    detail_name,
                    _("%(detail)s: choose one for “%(name)s”.")
                    % {"detail": question.detail_label, "name": question.name},
                )
        return cleaned

    def resolutions(self) -> dict[str, list[str]]:
        result = {}
        for item, choice_name, use_name in self.items:
            choice = self.cleaned_data[choice_name]
            if choice == "use":
                choice = f"{USE}{self.cleaned_data[use_name]}"
            result[item.key] = [choice, item.name]
        for question, choice_name, detail_name in self.questions:
            choice = self.cleaned_data[choice_name]
            if question.detail_for and choice == question.detail_for:
                choice = f"{choice}:{self.cleaned_data[detail_name]}"
            result[question.key] = [choice, question.name]
        return result
