"""Helpers for forms that save through services, and the edit pages of versioned objects.

An edit form of a versioned object (`MergeableForm`) carries, next to the version (or another
mark of what is stored, such as a fingerprint), a signed *base*: the values of its fields as
they were when the form was opened. When someone else saved
in between, `edit_versioned()` merges per field (`common.merging`): what only the editor
changed is taken, what only the other side changed is kept, and only the fields both changed
differently are asked, with both values and a choice. The form shown then is based on what is
stored (its version and base), so that saving it cannot undo a change the editor did not make.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar, cast

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.widgets import ChoiceWidget
from django.http import HttpRequest, QueryDict
from django.utils import formats
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from daadkracht.common.concurrency import ConcurrentEditError, VersionedModel
from daadkracht.common.merging import Comparable, comparable, merge


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's validation error on the form, per field where it names one."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


# ---------------------------------------------------------------------------------------------
# What a browser posts


@dataclass(frozen=True)
class Posted:
    """What a browser posts for one field: its values by key. The keys in `keys`, and every key
    that starts with `prefix` when it is set (the rows of a formset), belong to the field."""

    values: dict[str, list[str]]
    keys: tuple[str, ...] = ()
    prefix: str = ""

    def owns(self, key: str) -> bool:
        return (
            key in self.values
            or key in self.keys
            or bool(self.prefix and key.startswith(self.prefix))
        )

    def put_into(self, data: QueryDict) -> None:
        """Replace the field's values in `data` by these."""
        for key in [key for key in data if self.owns(key)]:
            del data[key]
        for key, values in self.values.items():
            data.setlist(key, values)

    def as_json(self) -> dict[str, Any]:
        return {"values": self.values, "keys": list(self.keys), "prefix": self.prefix}

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> "Posted":
        values = {str(key): [str(v) for v in items] for key, items in value["values"].items()}
        return cls(values, tuple(str(key) for key in value["keys"]), str(value["prefix"]))


def posted_value(bound: forms.BoundField) -> Posted:
    """What the browser posts for `bound` as the form shows it, untouched."""
    widget = bound.field.widget
    value = bound.value()
    if isinstance(widget, forms.CheckboxInput):
        values = ["on"] if widget.check_test(value) else []
    elif isinstance(widget, ChoiceWidget):
        values = [str(v) for v in widget.format_value(value)]
    elif isinstance(widget, forms.MultiWidget):
        raise TypeError(f"{bound.name}: a field of several inputs is not supported")
    else:
        formatted = widget.format_value(value)
        values = [] if formatted is None else [str(formatted)]
    name = bound.html_name
    return Posted({name: values} if values else {}, keys=(name,))


def posted_formset(formset: forms.BaseFormSet[Any]) -> Posted:
    """What the browser posts for a formset as it is shown, untouched: its management form and
    every row."""
    values: dict[str, list[str]] = {}
    management = formset.management_form
    for form in [management, *formset.forms]:
        for name in form.fields:
            values.update(posted_value(form[name]).values)
    return Posted(values, prefix=f"{formset.prefix}-")


# ---------------------------------------------------------------------------------------------
# Showing a value


def _in_sentence(label: str) -> str:
    """A field's label inside a sentence: "Deadline" becomes "deadline", "CO2" stays."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def _flat_choices(choices: Iterable[Any]) -> Iterable[tuple[str, str]]:
    for key, label in choices:
        if isinstance(label, list | tuple):
            yield from _flat_choices(label)
        else:
            yield str(key), str(label)


def display_value(field: forms.Field | None, value: Any) -> str:
    """`value` of `field` as people read it: names for related objects, labels for choices,
    dates and amounts as the language writes them."""
    if value is None or value == "":
        return ""
    if isinstance(field, forms.ModelChoiceField):
        items = list(value) if isinstance(value, Iterable) else [value]
        ids = [item for item in items if not isinstance(item, models.Model)]
        objects = [item for item in items if isinstance(item, models.Model)]
        if ids and field.queryset is not None:
            objects += list(field.queryset.model._default_manager.filter(pk__in=ids))
        return ", ".join(sorted(str(item) for item in objects))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(field, forms.ChoiceField):
        labels = dict(_flat_choices(cast(Iterable[Any], field.choices)))
        chosen = value if isinstance(value, list | tuple) else [value]
        return ", ".join(str(labels.get(str(item), item)) for item in chosen)
    if isinstance(value, datetime):
        return formats.date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, Decimal | float | int):
        return str(formats.localize(value, use_l10n=True))
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(display_value(None, item) for item in value)
    return str(value)


# ---------------------------------------------------------------------------------------------
# The base an edit started from, signed into the form

BASE = "base"
_SALT = "daadkracht.common.forms.edit-base"
THEIRS, MINE = "theirs", "mine"


@dataclass(frozen=True)
class EditBase:
    """Where an edit started: the object's version and values, and the fields the editor is
    asked to decide, each with the stored value as the browser posts it."""

    version: int | str
    values: dict[str, Comparable]
    asked: dict[str, Posted] = field(default_factory=dict)


def sign_base(owner: str, base: EditBase) -> str:
    """`base` signed for `owner`: one form of one object (`MergeableForm.merge_owner`)."""
    payload = {
        "object": owner,
        "version": base.version,
        "values": base.values,
        "asked": {name: posted.as_json() for name, posted in base.asked.items()},
    }
    return signing.dumps(payload, salt=_SALT, compress=True)


def read_base(token: str, owner: str) -> EditBase:
    """The base signed for `owner`; ValueError when it is not genuine or belongs elsewhere."""
    try:
        payload = signing.loads(token, salt=_SALT)
        if payload["object"] != owner:
            raise ValueError("a base of another form or object")
        version = payload["version"]
        if not isinstance(version, int | str):
            raise TypeError("not a version")
        return EditBase(
            version=version,
            values=dict(payload["values"]),
            asked={name: Posted.from_json(p) for name, p in payload["asked"].items()},
        )
    except (signing.BadSignature, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ValueError("not a genuine base") from error


class MergeChoiceForm(forms.Form):
    """For every field both sides changed: keep what was saved in the meantime, or use mine."""

    def __init__(self, data: Any, *, labels: Mapping[str, str], **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        for name, label in labels.items():
            self.fields[name] = forms.ChoiceField(
                label=label,
                choices=[(THEIRS, _("Keep the saved version")), (MINE, _("Use your version"))],
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose which version to keep.")},
            )


@dataclass(frozen=True)
class ConflictRow:
    label: str
    theirs: str
    mine: str
    choice: forms.BoundField

    @property
    def options(self) -> list[tuple[Any, str]]:
        """Each radio button with the value it stands for."""
        shown = {THEIRS: self.theirs, MINE: self.mine}
        return [(radio, shown[str(radio.data["value"])]) for radio in self.choice]


@dataclass(frozen=True)
class MergeNotice:
    """What the edit page shows after someone else saved: the fields taken over from them and
    the ones to decide."""

    stored: Any
    kept: list[str]
    conflicts: list[ConflictRow]
    title_id: str = "merge-title"

    @property
    def kept_text(self) -> str:
        return _labels_text(self.kept)


def _labels_text(labels: list[str]) -> str:
    """Fields' labels in a sentence: "status, phase and deadline"."""
    return str(get_text_list([_in_sentence(label) for label in labels], _("and")))


CONFLICT_MESSAGE = gettext_lazy(
    "Someone else saved changes in the meantime. Where you both changed the same field, "
    "choose which version to keep; then save again."
)
KEPT_MESSAGE = gettext_lazy(
    "Someone else had changed %(fields)s in the meantime; those changes are kept."
)
CHOOSE_MESSAGE = gettext_lazy("Choose for every field below which version to keep.")
REFUSED_MESSAGE = gettext_lazy(
    "This form was altered outside the page, so it cannot be saved. Open it again and make "
    "your changes there."
)


class MergeableForm(forms.BaseForm):
    """An edit form of a versioned object that carries where the edit started.

    Subclasses name the object (`merge_object`, the instance of a model form by default) and,
    for fields that are not the model's own, how to read them from the object
    (`stored_values`) and from the form (`mine_values`). What marks the stored state is the
    object's version unless `merge_basis` says otherwise."""

    version_field: ClassVar[str] = "version"
    merge_exclude: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[BASE] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.merge_notice: MergeNotice | None = None
        self._merge_choices: MergeChoiceForm | None = None
        self._merge_choices_read = False
        self.add_fields()
        obj = self.merge_object()
        if not self.is_bound and obj.pk is not None:
            basis = self.merge_basis(obj)
            values = {name: comparable(v) for name, v in self.stored_values(obj).items()}
            self.initial.setdefault(self.version_field, basis)
            self.initial[BASE] = sign_base(self.merge_owner(), EditBase(basis, values))

    def add_fields(self) -> None:
        """Add the fields that depend on the object (its criteria, say), before the form reads
        where the edit starts."""

    @property
    def merge_choices(self) -> MergeChoiceForm | None:
        """The choices asked for by the posted base, or set for the page to show."""
        if not self._merge_choices_read:
            self._merge_choices_read = True
            if self.is_bound and self.merge_object().pk is not None:
                token = self.data.get(self.add_prefix(BASE)) or ""
                try:
                    base = read_base(token, self.merge_owner())
                except ValueError:
                    return None
                if base.asked:
                    self._merge_choices = self.choice_form(self.data, base.asked)
        return self._merge_choices

    @merge_choices.setter
    def merge_choices(self, choices: MergeChoiceForm | None) -> None:
        self._merge_choices, self._merge_choices_read = choices, True

    # -- what subclasses may adapt

    def merge_object(self) -> models.Model:
        return cast(models.Model, self.instance)  # type: ignore[attr-defined]

    def merge_basis(self, obj: Any) -> int | str:
        """What marks the stored state of `obj`: what the service compares before it writes."""
        return cast(VersionedModel, obj).version

    def merge_owner(self) -> str:
        """Whose base it is: this form of this object."""
        obj = self.merge_object()
        return f"{type(self).__qualname__}:{obj._meta.label_lower}:{obj.pk}"

    def merge_fields(self) -> list[str]:
        skip = {self.version_field, BASE, *self.merge_exclude}
        return [name for name in self.fields if name not in skip]

    def merge_label(self, name: str) -> str:
        return str(self[name].label)

    def stored_values(self, obj: Any) -> dict[str, Any]:
        """The merged fields' values as stored in `obj`, as the form's cleaning gives them."""
        return {
            name: obj._meta.get_field(name).value_from_object(obj) for name in self.merge_fields()
        }

    def mine_values(self) -> dict[str, Any]:
        """The merged fields' values as the editor entered them (those that are valid)."""
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned[name] for name in self.merge_fields() if name in cleaned}

    def posted_values(self) -> dict[str, Posted]:
        """What the browser posts for each merged field of this (unbound) form."""
        return {
            name: posted_value(self[name]) for name in self.merge_fields() if name in self.fields
        }

    def display(self, name: str, value: Any) -> str:
        return display_value(self.fields.get(name), value)

    # -- the base

    def choice_form(self, data: Any, asked: Iterable[str]) -> MergeChoiceForm:
        prefix = self.add_prefix("merge")
        return MergeChoiceForm(
            data,
            labels={name: self.merge_label(name) for name in asked},
            prefix=prefix,
            auto_id=self.auto_id,
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        token = cleaned.get(BASE) or ""
        cleaned[BASE] = None
        if token:
            try:
                base = read_base(token, self.merge_owner())
            except ValueError:
                raise ValidationError(REFUSED_MESSAGE, code="base") from None
            if str(base.version) != str(cleaned.get(self.version_field)):
                raise ValidationError(REFUSED_MESSAGE, code="base")
            cleaned[BASE] = base
        return cleaned


# ---------------------------------------------------------------------------------------------
# The edit page


@dataclass
class EditResult[F: MergeableForm, R]:
    """The form to show, or what the service saved."""

    form: F
    saved: R | None = None


SAVE_ATTEMPTS = 3


def edit_versioned[F: MergeableForm, M: models.Model, R](
    request: HttpRequest,
    *,
    instance: M,
    build: Callable[[QueryDict | None, M], F],
    reload: Callable[[], M],
    save: Callable[[F, Any], R],
) -> EditResult[F, R]:
    """Show and save the edit form of a versioned object.

    `build(data, obj)` makes the form (unbound with None), `reload()` reads the stored object
    afresh, and `save(form, version)` calls the service with `expected_version=version` (the
    form's `merge_basis`), on `form.instance` where the service takes the object. When
    someone else saved in between, the edit is merged with their changes per field: saved at
    once when no field was changed by both, else shown again to decide those fields."""
    if request.method != "POST":
        return EditResult(build(None, instance))
    data = request.POST.copy()
    form = build(data, instance)
    if not form.is_valid():
        if form.merge_choices is not None:
            _ask_again(form, reload())
        return EditResult(form)
    base: EditBase | None = form.cleaned_data[BASE]
    if base is not None and base.asked:
        choices = form.merge_choices
        assert choices is not None
        if not choices.is_valid():
            form.add_error(None, CHOOSE_MESSAGE)
            _ask_again(form, reload())
            return EditResult(form)
        for name, choice in choices.cleaned_data.items():
            if choice == THEIRS:
                base.asked[name].put_into(data)
        base = EditBase(base.version, base.values)
        data[form.add_prefix(BASE)] = sign_base(form.merge_owner(), base)
        form = build(data, reload())
        if not form.is_valid():
            return EditResult(form)
    return _save(request, form, data, base, build=build, reload=reload, save=save)


def _save[F: MergeableForm, M: models.Model, R](
    request: HttpRequest,
    form: F,
    data: QueryDict,
    base: EditBase | None,
    *,
    build: Callable[[QueryDict | None, M], F],
    reload: Callable[[], M],
    save: Callable[[F, Any], R],
) -> EditResult[F, R]:
    """Save; when someone else saved in between, merge with what they saved and save that,
    or show what needs a decision."""
    mine = form
    version: int | str = mine.cleaned_data.get(mine.version_field) or 0
    notice: MergeNotice | None = None
    for _attempt in range(SAVE_ATTEMPTS):
        try:
            saved = save(form, version)
        except ValidationError as error:
            add_service_errors(form, error)
            form.merge_notice = notice
            return EditResult(form)
        except ConcurrentEditError:
            stored = reload()
            merged = _merge(mine, data, base, stored, build)
            form = build(merged.data, reload())
            form.merge_choices = form.choice_form(None, merged.conflicts)
            notice = _notice(form, stored, kept=merged.kept, theirs=merged.theirs, mine=merged.mine)
            if merged.conflicts or not form.is_valid():
                form.merge_notice = notice
                if merged.conflicts:
                    form.add_error(None, CONFLICT_MESSAGE)
                return EditResult(form)
            version = merged.version
        else:
            if notice is not None and notice.kept:
                messages.info(request, KEPT_MESSAGE % {"fields": notice.kept_text})
            return EditResult(form, saved)
    form.merge_notice = notice
    form.add_error(None, ConcurrentEditError.message)
    return EditResult(form)


@dataclass(frozen=True)
class _Merged:
    data: QueryDict  # the merged input, based on the stored version
    version: int | str
    kept: list[str]  # fields only the other side changed: their values are in `data`
    conflicts: list[str]  # fields both sides changed differently: the editor's values are in `data`
    theirs: dict[str, Any]
    mine: dict[str, Any]


def _merge[F: MergeableForm, M: models.Model](
    mine: F,
    data: QueryDict,
    base: EditBase | None,
    stored: M,
    build: Callable[[QueryDict | None, M], F],
) -> _Merged:
    """The editor's input merged with what is stored, as the form posts it."""
    theirs_values = mine.stored_values(stored)
    mine_values = mine.mine_values()
    theirs = {name: comparable(value) for name, value in theirs_values.items()}
    result = merge(
        base=base.values if base is not None else {},
        mine={name: comparable(value) for name, value in mine_values.items()},
        theirs=theirs,
    )
    posted = build(None, stored).posted_values()
    merged = data.copy()
    for name in result.kept_theirs:
        posted[name].put_into(merged)
    version = mine.merge_basis(stored)
    new_base = EditBase(version, theirs, {name: posted[name] for name in result.conflicts})
    merged[mine.add_prefix(mine.version_field)] = str(version)
    merged[mine.add_prefix(BASE)] = sign_base(mine.merge_owner(), new_base)
    return _Merged(
        data=merged,
        version=version,
        kept=result.kept_theirs,
        conflicts=result.conflicts,
        theirs=theirs_values,
        mine=mine_values,
    )


def _ask_again(form: MergeableForm, stored: Any) -> None:
    """Show again the fields the editor is asked to decide, with their choices so far."""
    assert form.merge_choices is not None
    form.merge_notice = _notice(
        form, stored, kept=[], theirs=form.stored_values(stored), mine=form.mine_values()
    )


def _notice(
    form: MergeableForm,
    stored: Any,
    *,
    kept: list[str],
    theirs: Mapping[str, Any],
    mine: Mapping[str, Any],
) -> MergeNotice:
    choices = form.merge_choices
    rows = []
    for name in choices.fields if choices is not None else []:
        assert choices is not None
        if name in mine:
            my_value = form.display(name, mine[name])
        elif name in form.fields:
            my_value = str(form[name].value() or "")
        else:
            my_value = ""
        rows.append(
            ConflictRow(
                label=form.merge_label(name),
                theirs=form.display(name, theirs.get(name)),
                mine=my_value,
                choice=choices[name],
            )
        )
    auto_id = form.auto_id if isinstance(form.auto_id, str) and "%s" in form.auto_id else "%s"
    return MergeNotice(
        stored=stored,
        kept=[form.merge_label(name) for name in kept],
        conflicts=rows,
        title_id=auto_id % "merge-title",
    )
