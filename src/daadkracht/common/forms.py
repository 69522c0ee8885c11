"""Helpers for forms that save through services."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's validation error on the form, per field where it names one."""
    if hasattr(error, "error_dict"):
        for field, messages in error.error_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error)


def rebind_with_version(form: forms.BaseForm, version: int) -> Any:
    """A copy of the bound form whose hidden version is the stored one, keeping all input."""
    data = form.data.copy()  # type: ignore[attr-defined]
    data["version"] = str(version)
    return type(form)(data, instance=getattr(form, "instance", None))  # type: ignore[call-arg]
