"""The diagnosis drawn on the server as SVG: the network of departments and maturity per theme.

Both come with a table on the page; the drawings are marked up with a title and description for
screen readers. The same results always give byte-for-byte the same SVG.
"""

from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from daadkracht.common.charts import fit_text, svg_number
from daadkracht.diagnosis.results import Comparison, Matrix, Network, ThemeResult
from daadkracht.diagnosis.scales import MATURITY_MAX, MATURITY_MIN, STRONG_LEVEL

NETWORK_SIZE = 640
MARGIN = 90
NODE_RADIUS = 9
LABEL_SIZE = 11
# Darker and thicker for stronger ties; the colours keep 3:1 against white.
EDGE_COLOURS = {1: "#8a9aa6", 2: "#6b7f8e", 3: "#2f6f8f", 4: "#1d4f8a", 5: "#0b2f66"}
ANSWERED_FILL = "#0b5d3b"
MISSING_FILL = "#ffffff"
NODE_STROKE = "#0b5d3b"


def _coordinate(value: float) -> str:
    """A layout coordinate (-1 to 1) on the drawing, leaving room for the labels."""
    inner = NETWORK_SIZE - 2 * MARGIN
    return svg_number(round(MARGIN + (value + 1) / 2 * inner, 1))


def network_svg(net: Network) -> SafeString:
    title = _("Network of collaboration between departments")
    description = _(
        "%(departments)d departments and %(ties)d ties. A solid line is a tie both departments "
        "report; a dashed line is reported by one side only or involves a department that did "
        "not answer. Thicker lines are stronger ties. Filled circles answered, open circles did "
        "not. The table below gives the same information."
    ) % {"departments": len(net.departments), "ties": len(net.ties)}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {NETWORK_SIZE} {NETWORK_SIZE}" '
        f'class="network-chart" role="img" aria-labelledby="network-title network-desc">',
        f'<title id="network-title">{escape(title)}</title>',
        f'<desc id="network-desc">{escape(description)}</desc>',
    ]
    # Each node's coordinates once, rather than four times for each of up to 780 lines.
    at = {pk: (_coordinate(x), _coordinate(y)) for pk, (x, y) in net.positions.items()}
    strokes = {
        level: (
            f'stroke="{colour}" stroke-width="'
            + svg_number(round(1 + level * (0.8 if level >= STRONG_LEVEL else 0.4), 1))
            + '"'
        )
        for level, colour in EDGE_COLOURS.items()
    }
    for tie in net.ties:
        first, second = at.get(tie.first.pk), at.get(tie.second.pk)
        if first is None or second is None:
            continue
        dashed = ' stroke-dasharray="6 4"' if not tie.mutual else ""
        parts.append(
            f'<line x1="{first[0]}" y1="{first[1]}" x2="{second[0]}" y2="{second[1]}" '
            f"{strokes[tie.strength]}{dashed}/>"
        )
    for department in net.departments:
        if department.pk not in at:
            continue
        fill = ANSWERED_FILL if department.pk in net.answered else MISSING_FILL
        label = escape(fit_text(department.name, 150, LABEL_SIZE))
        cx, cy = at[department.pk]
        label_y = svg_number(round(float(cy) + NODE_RADIUS + LABEL_SIZE + 2, 1))
        parts.append(
            f'<circle cx="{cx}" cy="{cy}" r="{NODE_RADIUS}" fill="{fill}" '
            f'stroke="{NODE_STROKE}" stroke-width="2"/>'
            f'<text x="{cx}" y="{label_y}" font-size="{LABEL_SIZE}" text-anchor="middle" '
            f'fill="#1d2b36">{label}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text is escaped above


MATURITY_WIDTH = 640
THEME_ROW = 44
LABEL_WIDTH = 250
AXIS_LEFT = LABEL_WIDTH + 20
AXIS_WIDTH = MATURITY_WIDTH - AXIS_LEFT - 30


def _score_x(score: float) -> float:
    return round(AXIS_LEFT + (score - MATURITY_MIN) / (MATURITY_MAX - MATURITY_MIN) * AXIS_WIDTH, 1)


def maturity_svg(themes: list[ThemeResult]) -> SafeString:
    """Per theme: a dot per score sized by how many gave it, the spread as a line, the mean."""
    height = 40 + THEME_ROW * len(themes)
    title = _("Maturity per theme")
    description = _(
        "For each theme, the scores from 1 to 5 the departments gave: the grey line spans the "
        "lowest to the highest score, each circle's size is the number of answers with that "
        "score, and the dark bar marks the average. The table below gives the figures."
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {MATURITY_WIDTH} {height}" '
        f'class="maturity-chart" role="img" aria-labelledby="maturity-title maturity-desc">',
        f'<title id="maturity-title">{escape(title)}</title>',
        f'<desc id="maturity-desc">{escape(description)}</desc>',
    ]
    for score in range(MATURITY_MIN, MATURITY_MAX + 1):
        x = svg_number(_score_x(score))
        parts.append(
            f'<line x1="{x}" y1="20" x2="{x}" y2="{height - 10}" stroke="#d5dde3"/>'
            f'<text x="{x}" y="14" font-size="11" text-anchor="middle" '
            f'fill="#1d2b36">{score}</text>'
        )
    for index, result in enumerate(themes):
        y = 40 + index * THEME_ROW
        name = escape(fit_text(str(result.theme.name), LABEL_WIDTH, 12))
        parts.append(f'<text x="0" y="{y + 4}" font-size="12" fill="#1d2b36">{name}</text>')
        spread = result.spread
        if spread is None:
            parts.append(
                f'<text x="{AXIS_LEFT}" y="{y + 4}" font-size="11" fill="#56636e">'
                f"{escape(_('no answers'))}</text>"
            )
            continue
        low, high = spread
        parts.append(
            f'<line x1="{svg_number(_score_x(low))}" y1="{y}" x2="{svg_number(_score_x(high))}" '
            f'y2="{y}" stroke="#8a9aa6" stroke-width="3"/>'
        )
        largest = max(result.counts.values())
        for score, count in sorted(result.counts.items()):
            if not count:
                continue
            radius = svg_number(round(4 + 10 * count / largest, 1))
            parts.append(
                f'<circle cx="{svg_number(_score_x(score))}" cy="{y}" r="{radius}" '
                f'fill="#2f6f8f" fill-opacity="0.6" stroke="#1d4f8a"/>'
            )
        if result.mean is not None:
            mx = svg_number(_score_x(result.mean))
            parts.append(
                f'<line x1="{mx}" y1="{y - 14}" x2="{mx}" y2="{y + 14}" stroke="#0b2f66" '
                f'stroke-width="4"/>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text is escaped above


# The matrix and the ties' table hold up to 40 x 40 cells: built here rather than in a template,
# whose per-cell lookups and number formatting would cost a second at that size.


def matrix_body(grid: Matrix) -> SafeString:
    """The rows of the matrix table: what each department (row) says about each other (column)."""
    no_answer = escape(_("no answer"))
    same = escape(_("same department"))
    discuss = escape(_("topic for discussion"))
    rows = []
    for row in grid.rows:
        cells = [f'<tr><th scope="row">{escape(row.department.name)}']
        if not row.answered:
            cells.append(f' <span class="muted">({no_answer})</span>')
        cells.append("</th>")
        for cell in row.cells:
            if cell.is_self:
                cells.append(
                    f'<td class="level-self"><span class="visually-hidden">{same}</span></td>'
                )
            elif cell.level is None:
                cells.append(
                    f'<td class="level-missing">·<span class="visually-hidden"> {no_answer}'
                    "</span></td>"
                )
            elif cell.discuss:
                cells.append(
                    f'<td class="level-{cell.level} discuss">{cell.level}'
                    f'<span class="visually-hidden"> {discuss}</span></td>'
                )
            else:
                cells.append(f'<td class="level-{cell.level}">{cell.level}</td>')
        cells.append("</tr>")
        rows.append("".join(cells))
    return mark_safe("".join(rows))  # every name is escaped above


def ties_body(net: Network) -> SafeString:
    """The rows of the ties' table, the network drawing's text alternative."""
    no_answer = escape(_("no answer"))
    both, one_side = escape(_("both")), escape(_("one side"))
    rows = []
    for tie in net.ties:
        first = no_answer if tie.first_says is None else str(tie.first_says)
        second = no_answer if tie.second_says is None else str(tie.second_says)
        rows.append(
            f'<tr><th scope="row">{escape(tie.first.name)}</th>'
            f"<td>{escape(tie.second.name)}</td><td>{first}</td><td>{second}</td>"
            f"<td>{both if tie.mutual else one_side}</td></tr>"
        )
    return mark_safe("".join(rows))  # every name is escaped above


def disagreements_list(grid: Matrix) -> SafeString:
    """The topics for discussion, one item per pair whose answers differ by two levels or more."""
    return mark_safe(  # every name is escaped
        "".join(
            "<li>"
            + escape(
                _("%(first)s says %(a)s about %(second)s, %(second)s says %(b)s.")
                % {
                    "first": d.first.name,
                    "second": d.second.name,
                    "a": d.first_says,
                    "b": d.second_says,
                }
            )
            + "</li>"
            for d in grid.disagreements
        )
    )


def changes_body(comparison: Comparison) -> SafeString:
    """The rows of the table of ties that changed between two rounds."""
    return mark_safe(  # every name is escaped
        "".join(
            f'<tr><th scope="row">{escape(change.first.name)}</th>'
            f"<td>{escape(change.second.name)}</td><td>{change.before}</td>"
            f"<td>{change.after}</td></tr>"
            for change in comparison.changes
        )
    )
