"""An import between its steps: the sheet as read once, the columns chosen, the preview checked.

The sheet waits in the storage as JSON; the session keeps its name and digest, so that every
later step works on exactly what was read (the file is read, with every limit, only once), and
a confirmation imports exactly what was previewed.
"""

import hashlib
import json
import secrets
from dataclasses import asdict, dataclass, field
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpRequest
from django.utils import timezone

from daadkracht.common.sheets import Sheet, SheetError
from daadkracht.plans.spreadsheets.kinds import KindChoice, kind_choice
from daadkracht.plans.spreadsheets.mapping import is_template
from daadkracht.plans.spreadsheets.reading import Table, mapped_table, table_of

UPLOAD_DIRECTORY = "imports"
UPLOAD_MAX_AGE = timedelta(days=1)


@dataclass
class PendingImport:
    token: str
    path: str
    filename: str
    sha256: str
    header_row: int = 1
    keys: list[str | None] | None = None  # None: the template's own headers
    fingerprint: str = ""
    rows: int = 0
    mapping_name: str = ""
    # What to do with themes and departments the plan lacks (see `missing`).
    resolutions: dict[str, list[str]] = field(default_factory=dict)
    # Mitigation or adaptation for the new rows that do not say it (see `kinds`).
    kind: str = KindChoice.THEME.value
    _sheet: Sheet | None = field(default=None, repr=False, compare=False)

    @property
    def mapped(self) -> bool:
        return self.keys is not None

    @property
    def kind_choice(self) -> KindChoice:
        return kind_choice(self.kind)

    def sheet(self) -> Sheet | None:
        """The kept sheet, if it is still there and unchanged."""
        if self._sheet is not None:
            return self._sheet
        try:
            with default_storage.open(self.path, "rb") as file:
                data: bytes = file.read()
        except (OSError, ValueError):
            return None
        if hashlib.sha256(data).hexdigest() != self.sha256:
            return None
        self._sheet = Sheet.from_data(json.loads(data))
        return self._sheet

    def table(self) -> Table:
        """The sheet's rows under the chosen columns; raises SheetError (or ValueError when the
        kept sheet is gone)."""
        sheet = self.sheet()
        if sheet is None:
            raise ValueError("The kept sheet is gone.")
        if self.keys is None:
            return table_of(sheet)
        return mapped_table(sheet, self.header_row, self.keys)


def _session_key(request: HttpRequest, municipality_id: int) -> str:
    return f"plans_import:{municipality_id}"


def pending_import(request: HttpRequest, municipality_id: int) -> PendingImport | None:
    stored = request.session.get(_session_key(request, municipality_id))
    if not isinstance(stored, dict):
        return None
    try:
        return PendingImport(**{k: v for k, v in stored.items() if not k.startswith("_")})
    except TypeError:
        return None


def save_pending(request: HttpRequest, municipality_id: int, pending: PendingImport) -> None:
    data = {k: v for k, v in asdict(pending).items() if not k.startswith("_")}
    request.session[_session_key(request, municipality_id)] = data


def discard_pending(request: HttpRequest, municipality_id: int) -> None:
    stored = request.session.pop(_session_key(request, municipality_id), None)
    if isinstance(stored, dict) and stored.get("path"):
        default_storage.delete(stored["path"])


def keep_sheet(
    request: HttpRequest, municipality_id: int, sheet: Sheet, filename: str
) -> PendingImport:
    """Store a freshly read sheet as the municipality's pending import (replacing any other)."""
    discard_pending(request, municipality_id)
    _remove_old_uploads()
    token = secrets.token_urlsafe(24)
    data = json.dumps(sheet.to_data(), ensure_ascii=False).encode()
    path = default_storage.save(f"{UPLOAD_DIRECTORY}/{token}.json", ContentFile(data))
    pending = PendingImport(
        token=token,
        path=path,
        filename=filename,
        sha256=hashlib.sha256(data).hexdigest(),
        keys=None if is_template(sheet.headers) else [],
        _sheet=sheet,
    )
    save_pending(request, municipality_id, pending)
    return pending


def _remove_old_uploads() -> None:
    """Sheets nobody confirmed or cancelled are removed after a day."""
    if not default_storage.exists(UPLOAD_DIRECTORY):
        return
    limit = timezone.now() - UPLOAD_MAX_AGE
    for name in default_storage.listdir(UPLOAD_DIRECTORY)[1]:
        path = f"{UPLOAD_DIRECTORY}/{name}"
        if default_storage.get_modified_time(path) < limit:
            default_storage.delete(path)


def table_or_error(pending: PendingImport) -> tuple[Table | None, list[str]]:
    try:
        return pending.table(), []
    except SheetError as error:
        return None, error.messages
