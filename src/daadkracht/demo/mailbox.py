"""The demo mailbox: the e-mails the platform sends, kept as files and read back for a page.

In the demo (debug mode) the e-mail backend prints every message, as Django's console backend
does, and also stores it in `DEMO_MAILBOX_DIR` as one `.eml` file, named so that the newest sorts
last. The demo's mailbox page lists them, so that a visitor can follow an invitation or a
password-reset link without reading a console. Without debug mode there is neither the backend
nor the page.
"""

import email
import os
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail.backends.console import EmailBackend as ConsoleEmailBackend
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

KEY = re.compile(r"^\d{8}T\d{12}-[0-9a-f]{8}$")
SUFFIX = ".eml"
SHOWN = 200
URL = re.compile(r"https?://[^\s<>\"']+")


def mailbox_directory() -> Path | None:
    """Where the demo keeps its e-mails; None outside debug mode, where there is no mailbox."""
    directory = getattr(settings, "DEMO_MAILBOX_DIR", None)
    if not settings.DEBUG or not directory:
        return None
    return Path(directory)


class MailboxBackend(ConsoleEmailBackend):
    """Print each e-mail to the console and keep a copy for the demo mailbox."""

    def __init__(self, *args: Any, directory: str | os.PathLike[str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        kept_in = directory or settings.DEMO_MAILBOX_DIR
        if kept_in is None:
            raise ImproperlyConfigured("The demo mailbox needs a directory (debug mode only).")
        self.directory = Path(kept_in)

    def write_message(self, message: Any) -> None:
        super().write_message(message)
        self.directory.mkdir(parents=True, exist_ok=True)
        key = f"{timezone.now():%Y%m%dT%H%M%S%f}-{uuid.uuid4().hex[:8]}"
        target = self.directory / f"{key}{SUFFIX}"
        partial = self.directory / f".{key}.part"
        partial.write_bytes(message.message().as_bytes())
        os.replace(partial, target)  # the page never reads half a message


@dataclass(frozen=True)
class StoredMail:
    key: str
    sent_at: datetime
    sender: str
    to: str
    subject: str
    text: str


def _read(path: Path) -> StoredMail:
    parsed = email.message_from_bytes(path.read_bytes(), policy=default_policy)
    assert isinstance(parsed, EmailMessage)
    body = parsed.get_body(preferencelist=("plain", "html"))
    date = parsed["date"]
    sent_at = getattr(date, "datetime", None) or datetime.fromtimestamp(
        path.stat().st_mtime, tz=timezone.get_current_timezone()
    )
    return StoredMail(
        key=path.name.removesuffix(SUFFIX),
        sent_at=sent_at,
        sender=str(parsed["from"] or ""),
        to=str(parsed["to"] or ""),
        subject=str(parsed["subject"] or ""),
        text=body.get_content() if body is not None else "",
    )


def mailbox_list(directory: Path) -> list[StoredMail]:
    """The newest e-mails first."""
    if not directory.is_dir():
        return []
    paths = sorted(
        (p for p in directory.iterdir() if p.suffix == SUFFIX and KEY.match(p.stem)),
        reverse=True,
    )
    return [_read(path) for path in paths[:SHOWN]]


def mailbox_get(directory: Path, key: str) -> StoredMail | None:
    if not KEY.match(key):
        return None
    path = directory / f"{key}{SUFFIX}"
    return _read(path) if path.is_file() else None


def _link(url: str) -> SafeString:
    """A link in an e-mail; one to this site opens on the address the demo runs at."""
    href = url
    if url == settings.SITE_URL or url.startswith(settings.SITE_URL + "/"):
        href = url[len(settings.SITE_URL) :] or "/"
    return format_html('<a href="{}">{}</a>', href, url)


def linked_text(text: str) -> SafeString:
    """Plain text as paragraphs, with its web addresses as working links."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.strip()):
        pieces, position = [], 0
        for match in URL.finditer(block):
            pieces.append(escape(block[position : match.start()]))
            pieces.append(_link(match.group(0)))
            position = match.end()
        pieces.append(escape(block[position:]))
        paragraphs.append("<p>" + "".join(pieces).replace("\n", "<br>") + "</p>")
    return mark_safe("\n".join(paragraphs))  # every piece is escaped above
