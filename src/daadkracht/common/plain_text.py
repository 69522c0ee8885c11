"""Text people type into a form: trimmed, within its length, without markup or control
characters. It is shown escaped anyway; markup in it is a mistake or an attack, never content."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")


def plain_text(
    field: str, text: str, *, max_length: int, required_message: str | None = None
) -> str:
    """`text` trimmed, with Windows line ends made plain; refused (as an error of `field`) when
    it is empty while `required_message` says it is needed, too long, or not plain text."""
    text = (text or "").replace("\r\n", "\n").strip()
    if required_message is not None and not text:
        raise ValidationError({field: required_message})
    if len(text) > max_length:
        raise ValidationError(
            {field: _("Keep it to %(max)s characters at most.") % {"max": max_length}}
        )
    if _TAG.search(text) or any(not (c.isprintable() or c in "\n\t") for c in text):
        raise ValidationError({field: _("Use plain text, without markup such as <script>.")})
    return text


def plain_line(
    field: str, text: str, *, max_length: int, required_message: str | None = None
) -> str:
    """As `plain_text`, for one line: runs of white space become one space."""
    return plain_text(
        field,
        " ".join((text or "").split()),
        max_length=max_length,
        required_message=required_message,
    )
