"""A network import between its preview and its confirmation.

The sheet, as read once with every limit, waits in the storage as JSON; the session keeps its
name and digest, so that the confirmation imports exactly the file that was previewed: a file
changed or replaced in between is refused, never imported unseen.
"""

import hashlib
import json
import secrets
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpRequest

from daadkracht.common.sheets import Sheet

UPLOAD_DIRECTORY = "imports"


@dataclass
class PendingNetworkImport:
    token: str
    path: str
    filename: str
    sha256: str
    purpose: str
    basis: str
    _sheet: Sheet | None = field(default=None, repr=False, compare=False)

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


def _session_key(municipality_id: int) -> str:
    return f"network_import:{municipality_id}"


def pending_network_import(
    request: HttpRequest, municipality_id: int
) -> PendingNetworkImport | None:
    stored = request.session.get(_session_key(municipality_id))
    if not isinstance(stored, dict):
        return None
    try:
        return PendingNetworkImport(**{k: v for k, v in stored.items() if not k.startswith("_")})
    except TypeError:
        return None


def discard_network_import(request: HttpRequest, municipality_id: int) -> None:
    stored = request.session.pop(_session_key(municipality_id), None)
    if isinstance(stored, dict) and stored.get("path"):
        default_storage.delete(stored["path"])


def keep_network_sheet(
    request: HttpRequest,
    municipality_id: int,
    sheet: Sheet,
    *,
    filename: str,
    purpose: str,
    basis: str,
) -> PendingNetworkImport:
    """Store a freshly read sheet as the municipality's pending network import."""
    discard_network_import(request, municipality_id)
    token = secrets.token_urlsafe(24)
    data = json.dumps(sheet.to_data(), ensure_ascii=False).encode()
    path = default_storage.save(f"{UPLOAD_DIRECTORY}/network-{token}.json", ContentFile(data))
    pending = PendingNetworkImport(
        token=token,
        path=path,
        filename=filename,
        sha256=hashlib.sha256(data).hexdigest(),
        purpose=purpose,
        basis=basis,
        _sheet=sheet,
    )
    request.session[_session_key(municipality_id)] = {
        name: getattr(pending, name)
        for name in ("token", "path", "filename", "sha256", "purpose", "basis")
    }
    return pending
