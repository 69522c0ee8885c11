"""Helpers for forms that save through services."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

from daadkracht.common.concurrency import ConcurrentEditError


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's validation error on the form, per field where it names one."""
    if hasattr(error, "error_dict"):
        for field, messages in error.error_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error)


def conflict_form[F: forms.BaseForm](
    form_class: Callable[..., F],
    data: QueryDict,
    error: ConcurrentEditError,
    *,
    basis: object,
    basis_field: str = "version",
    **kwargs: Any,
) -> F:
    """The form again with all the user's input, now based on what is stored (its version, or a
    fingerprint) and showing the conflict: saving once more overwrites, knowingly."""
    values = data.copy()
    values[basis_field] = str(basis)
    form = form_class(values, **kwargs)
    form.is_valid()
    form.add_error(None, str(error.message))
    return form
