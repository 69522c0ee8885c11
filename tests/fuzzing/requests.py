"""Requests that leave the world as they found it, and the count of what came back."""

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.test import Client

# A probe counts every server error instead of failing on the first one, and writes the figures
# to this file.
PROBE = os.environ.get("DAADKRACHT_FUZZ_PROBE", "")


@dataclass
class Outcome:
    status: int | None
    error: BaseException | None = None
    request: Any = None
    body: bytes = b""
    content_type: str = ""

    @property
    def failed(self) -> bool:
        return self.error is not None or self.status is None or self.status >= 500


def send(client: Client, method: str, url: str, **kwargs: Any) -> Outcome:
    """One request in a savepoint that is rolled back, with the visitor's cookies put back
    afterwards, so that every request meets the same world; what escapes the view is returned.

    The savepoint also keeps a database error (PostgreSQL refuses a NUL byte, for one) from
    spoiling the transaction the next request runs in.
    """
    cookies = client.cookies
    client.cookies = type(cookies)(cookies)
    try:
        with transaction.atomic():
            try:
                response = getattr(client, method)(url, **kwargs)
                body = read(response)
            except Exception as error:  # what escapes the view is the finding
                return Outcome(None, error)
            finally:
                transaction.set_rollback(True)
            return Outcome(
                response.status_code,
                request=response.wsgi_request,
                body=body,
                content_type=response.get("Content-Type", ""),
            )
    finally:
        client.cookies = cookies


def read(response: Any) -> bytes:
    """The response's body. A file is read to its end, as a server sends it: the test client
    closes it then, and closing it any other way would close the database connection the
    tests run in (PostgreSQL's; SQLite keeps an in-memory one)."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return bytes(response.content)


class Tally:
    """Requests sent and server errors per page; a probe adds them to its file of figures."""

    def __init__(self) -> None:
        self.requests: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        self.examples: dict[str, str] = {}

    def count(self, page: str, outcome: Outcome, described: str) -> None:
        self.requests[page] += 1
        if outcome.failed:
            self.errors[page] += 1
            error = f" {type(outcome.error).__name__}: {outcome.error}" if outcome.error else ""
            self.examples.setdefault(page, f"{described[:400]} -> {outcome.status}{error}")

    def write(self, path: Path) -> None:
        figures: dict[str, Any] = json.loads(path.read_text()) if path.exists() else {}
        pages = figures.setdefault("pages", {})
        for page, sent in self.requests.items():
            row = pages.setdefault(page, {"requests": 0, "errors": 0})
            row["requests"] += sent
            row["errors"] += self.errors[page]
            if page in self.examples:
                row.setdefault("example", self.examples[page])
        figures["requests"] = sum(row["requests"] for row in pages.values())
        figures["errors"] = sum(row["errors"] for row in pages.values())
        path.write_text(json.dumps(figures, indent=1, sort_keys=True))
        self.__init__()  # type: ignore[misc]


TALLY = Tally()


def check(page: str, outcome: Outcome, method: str, url: str, data: Any = None) -> None:
    """Count the request; outside a probe, a server error fails the test, naming the request."""
    described = f"{method.upper()} {url} {data!r}"
    TALLY.count(page, outcome, described)
    if outcome.failed and not PROBE:
        raise AssertionError(f"{described[:3000]} -> {outcome.status}") from outcome.error
