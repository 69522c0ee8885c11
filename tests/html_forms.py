"""What a browser posts when the user submits a form of a rendered page untouched."""

from html.parser import HTMLParser
from typing import Any

TEXT_INPUTS = {"text", "hidden", "number", "date", "email", "url", "search", "color", "tel", ""}


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict[str, list[str]]] = []
        self._form: dict[str, list[str]] | None = None
        self._select: str | None = None
        self._select_multiple = False
        self._options: list[tuple[str, bool]] = []
        self._option: tuple[str | None, bool] | None = None
        self._option_text = ""
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {key: value or "" for key, value in attrs}
        present = {key for key, _value in attrs}
        if tag == "form":
            self._form = {}
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        name = attr.get("name")
        if tag == "input" and name and "disabled" not in present:
            kind = attr.get("type", "").lower()
            if kind in TEXT_INPUTS:
                self._form.setdefault(name, []).append(attr.get("value", ""))
            elif kind in {"checkbox", "radio"} and "checked" in present:
                self._form.setdefault(name, []).append(attr.get("value", "on"))
        elif tag == "select" and name:
            self._select = name
            self._select_multiple = "multiple" in present
            self._options = []
        elif tag == "option" and self._select is not None:
            self._option = (
                attr.get("value") if "value" in present else None,
                "selected" in present,
            )
            self._option_text = ""
        elif tag == "textarea" and name:
            self._textarea = name
            self._text = ""

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text += data
        elif self._option is not None:
            self._option_text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "option" and self._option is not None:
            value, selected = self._option
            self._options.append((self._option_text.strip() if value is None else value, selected))
            self._option = None
        elif tag == "select" and self._select is not None and self._form is not None:
            chosen = [value for value, selected in self._options if selected]
            if not chosen and not self._select_multiple and self._options:
                chosen = [self._options[0][0]]
            if chosen:
                self._form.setdefault(self._select, []).extend(chosen)
            self._select = None
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            text = self._text[1:] if self._text.startswith("\n") else self._text
            self._form.setdefault(self._textarea, []).append(text.replace("\n", "\r\n"))
            self._textarea = None


def posted_form(response: Any, *, containing: str = "version") -> dict[str, Any]:
    """The data of the page's first form with a field named `containing` (the edit form), as
    the browser posts it: single values as strings, repeated ones as lists."""
    parser = _FormParser()
    parser.feed(response.content.decode())
    for form in parser.forms:
        if containing in form:
            return {
                name: values[0] if len(values) == 1 else values
                for name, values in form.items()
                if name != "csrfmiddlewaretoken"
            }
    raise AssertionError(f"no form with a field {containing!r} on the page")
