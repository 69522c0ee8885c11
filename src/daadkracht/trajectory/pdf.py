"""The plan of approach as a PDF: the page's own template, set in type by WeasyPrint.

WeasyPrint reads the stylesheet and images the document refers to through `StaticOnlyFetcher`,
which serves the project's static files and nothing else: a PDF is never made with something
fetched from the internet, and the fonts are the machine's own (see the print stylesheet).
"""

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpRequest
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# The document's address; its stylesheet and images resolve below it, to the static files.
BASE_URL = "https://daadkracht.invalid/"

CONTENT_TYPES = {
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
}


def static_file(url: str) -> Path | None:
    """The file of the project's static files that `url` names, or None."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}/" != BASE_URL:
        return None
    prefix = settings.STATIC_URL
    if not parts.path.startswith(prefix):
        return None
    name = unquote(parts.path[len(prefix) :])
    if not name or ".." in Path(name).parts:
        return None
    if staticfiles_storage.exists(name):
        return Path(staticfiles_storage.path(name))
    found = finders.find(name)
    return Path(found) if isinstance(found, str) else None


class StaticOnlyFetcher(URLFetcher):
    """Serves the project's static files; refuses every other address."""

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        path = static_file(url)
        if path is None or path.suffix not in CONTENT_TYPES:
            raise ValueError(f"Only the project's static files are read: {url}")
        return URLFetcherResponse(
            url,
            body=path.read_bytes(),
            headers={"Content-Type": CONTENT_TYPES[path.suffix]},
        )


def render_pdf(request: HttpRequest, template: str, context: dict[str, Any]) -> bytes:
    html = render_to_string(template, context, request=request)
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher())
    return document.write_pdf()
