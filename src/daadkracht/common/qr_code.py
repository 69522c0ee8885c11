"""QR codes as inline SVG, drawn on the server (no script, no image request)."""

import segno
from django.utils.safestring import SafeString, mark_safe


def qr_code_svg(data: str, *, label: str) -> SafeString:
    """`data` as a QR code in an <svg> that scales with its CSS width; `label` is its text
    alternative. Dark modules on white with the standard quiet zone, so that phone cameras
    read it from a projector too."""
    svg = segno.make(data, error="m").svg_inline(
        scale=1,
        omitsize=True,
        title=label,  # segno escapes it
        svgclass="qr-code",
        lineclass="qr-code__modules",
        dark="#000",
        light="#fff",
    )
    return mark_safe(svg.replace("<svg ", '<svg role="img" focusable="false" ', 1))
