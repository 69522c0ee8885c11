"""Checks that every label of a server-drawn SVG chart lies inside the chart's viewBox."""

import re
from dataclasses import dataclass
from xml.etree import ElementTree

from daadkracht.common.charts import text_width

SVG = "{http://www.w3.org/2000/svg}"
_TRANSLATE = re.compile(r"translate\(\s*([-\d.]+)[\s,]+([-\d.]+)\s*\)")


@dataclass(frozen=True)
class Label:
    text: str
    left: float
    right: float
    top: float
    bottom: float


def svg_labels(svg: str) -> tuple[tuple[float, float, float, float], list[Label]]:
    """The viewBox of `svg` and the estimated extent of each of its <text> elements."""
    root = ElementTree.fromstring(svg)
    box = tuple(float(part) for part in root.attrib["viewBox"].split())
    labels: list[Label] = []

    def walk(element: ElementTree.Element, dx: float, dy: float) -> None:
        match = _TRANSLATE.search(element.attrib.get("transform", ""))
        if match:
            dx, dy = dx + float(match[1]), dy + float(match[2])
        if element.tag == f"{SVG}text":
            # The drawn text, without a <title> tooltip inside it.
            text = (element.text or "") + "".join(child.tail or "" for child in element)
            size = float(element.attrib["font-size"])
            bold = element.attrib.get("font-weight", "400") in {"600", "700", "bold"}
            width = text_width(text, size, bold=bold)
            x = dx + float(element.attrib.get("x", 0)) + float(element.attrib.get("dx", 0))
            y = dy + float(element.attrib.get("y", 0)) + float(element.attrib.get("dy", 0))
            anchor = element.attrib.get("text-anchor", "start")
            left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
            # The baseline is at y; capitals rise about 0.8 of the size, descenders drop 0.25.
            labels.append(Label(text, left, left + width, y - 0.8 * size, y + 0.25 * size))
            return
        for child in element:
            walk(child, dx, dy)

    walk(root, 0.0, 0.0)
    return (box[0], box[1], box[0] + box[2], box[1] + box[3]), labels


def labels_outside(svg: str) -> list[Label]:
    """The labels of `svg` that run over an edge of its viewBox."""
    (x0, y0, x1, y1), labels = svg_labels(svg)
    return [
        label
        for label in labels
        if label.left < x0 or label.right > x1 or label.top < y0 or label.bottom > y1
    ]


def chart_svg(html: str, css_class: str) -> str:
    """The first <svg> of the page with `css_class`, as XML with the SVG namespace."""
    start = html.rfind("<svg", 0, html.index(css_class) + 1)
    end = html.index("</svg>", start) + len("</svg>")
    svg = html[start:end]
    if "xmlns=" not in svg[:200]:
        svg = svg.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
    return svg
