"""The forms of a page as a browser would submit them (where to, which fields and buttons), and
the query strings of its links."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

BUTTON_TYPES = {"submit", "image", "button", "reset"}


@dataclass
class FormField:
    name: str
    kind: str  # the input's type, "select", "select-multiple" or "textarea"
    values: list[str] = field(default_factory=list)  # what the browser sends as the page is
    options: list[str] = field(default_factory=list)  # what the page offers to choose from


@dataclass
class PageForm:
    method: str
    action: str  # the path with its query string
    fields: dict[str, FormField] = field(default_factory=dict)
    buttons: list[tuple[str, str]] = field(default_factory=list)

    @property
    def names(self) -> set[str]:
        return {*self.fields, *(name for name, _value in self.buttons)}


class FormParser(HTMLParser):
    def __init__(self, page_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms: list[PageForm] = []
        self.queries: list[str] = []  # of the links to the page itself, such as `?sort=title`
        self._form: PageForm | None = None
        self._select: FormField | None = None
        self._option: dict[str, Any] | None = None
        self._textarea: FormField | None = None

    def _field(self, name: str, kind: str) -> FormField:
        assert self._form is not None
        return self._form.fields.setdefault(name, FormField(name, kind))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "a" and a.get("href", "").startswith("?"):
            self.queries.append(a["href"][1:])
        elif tag == "form":
            parts = urlsplit(urljoin(self.page_url, a.get("action") or self.page_url))
            action = parts.path + (f"?{parts.query}" if parts.query else "")
            self._form = PageForm(a.get("method", "get").lower(), action)
            self.forms.append(self._form)
        elif tag == "option" and self._select is not None:
            self._option = {"value": attrs_value(attrs, "value"), "selected": "selected" in a}
            self._option["text"] = ""
        elif self._form is None or not a.get("name"):
            return
        elif tag == "input":
            self._input(a)
        elif tag == "button" and a.get("type", "submit").lower() == "submit":
            self._form.buttons.append((a["name"], a.get("value", "")))
        elif tag == "select":
            self._select = self._field(a["name"], "select")
            if "multiple" in a:
                self._select.kind = "select-multiple"
        elif tag == "textarea":
            self._textarea = self._field(a["name"], "textarea")
            self._textarea.values.append("")

    def _input(self, a: dict[str, str]) -> None:
        assert self._form is not None
        kind = a.get("type", "text").lower()
        if kind in BUTTON_TYPES:
            if kind == "submit":
                self._form.buttons.append((a["name"], a.get("value", "")))
            return
        item = self._field(a["name"], kind)
        if kind in {"checkbox", "radio"}:
            value = a.get("value", "on")
            item.options.append(value)
            if "checked" in a:
                item.values.append(value)
        elif kind != "file":
            item.values.append(a.get("value", ""))

    def handle_data(self, data: str) -> None:
        if self._option is not None:
            self._option["text"] += data
        elif self._textarea is not None:
            self._textarea.values[-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "option" and self._option is not None and self._select is not None:
            value = self._option["value"]
            value = self._option["text"].strip() if value is None else value
            self._select.options.append(value)
            if self._option["selected"]:
                self._select.values.append(value)
            self._option = None
        elif tag == "select" and self._select is not None:
            if self._select.kind == "select" and not self._select.values and self._select.options:
                self._select.values.append(self._select.options[0])
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def attrs_value(attrs: list[tuple[str, str | None]], name: str) -> str | None:
    """An attribute's value ("" when it has none), or None when the tag does not have it."""
    for key, value in attrs:
        if key == name:
            return value or ""
    return None


def parse_page(html: str, page_url: str) -> FormParser:
    parser = FormParser(page_url)
    parser.feed(html)
    return parser
