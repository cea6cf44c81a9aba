"""Colours and shapes shared by the board and the tray (fonts: style/fonts.py).

Card kinds are told apart by colour AND by a shape drawn on the card, so the
board reads in greyscale and for colour-vision deficiencies (Okabe-Ito colours).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPolygonF

from coprod_desktop.domain.kinds import KINDS

CARD_MIME = "application/x-coprod-card-id"
LENS_MIME = "application/x-coprod-lens"  # the lens a dragged card's place is on


@dataclass(frozen=True)
class KindStyle:
    label: str  # a heading over cards of the kind (plural)
    colour: str  # the stripe on the card
    shape: str  # "circle", "square", "cross", "star"


# Labels, colours and shapes are defined once, in domain/kinds.py.
KIND_STYLES: dict[str, KindStyle] = {
    kind: KindStyle(info.plural, info.colour, info.shape) for kind, info in KINDS.items()
}

BOARD_BACKGROUND = "#f4f1ea"
ZONE_FILLS = {"matrix": "#ffffff", "ladder": "#ffffff", "not": "#fbe9e1"}
BAND_FILLS = {"to": "#f3dcd0", "for": "#f6ecc8", "with": "#d5ecd9"}
TEXT = "#1a1a1a"
MUTED_TEXT = "#4a4a4a"
HIGHLIGHT = "#0072b2"
MISSING_BAR = "#e69f00"  # Okabe-Ito orange: a card that still lacks a cell or a rung
MISSING_TEXT = "#a33a00"  # "no rung yet": dark orange, 5.9:1 on the card face
CARD_FILL = "#ffffff"
SELECTED = "#1a1a1a"
SELECTED_FILL = "#fff4c2"  # pale yellow: 19:1 contrast with the title text
# Issue 16 (contrast; tests/test_ui_contrast.py computes every ratio named here):
PLACEHOLDER = "#595959"  # placeholder text: 7.0:1 on white, 6.2:1 on the board (was 4.0)
REGION_EDGE = "#6b6b6b"  # a region's border: >= 4.0:1 on every fill next to it (was 2.1-2.8)
REGION_HIGHLIGHT_FILL = "#dcecf7"  # the region a card is dragged over
MENU_HIGHLIGHT = "#005a8c"  # the Move to menu's chosen row, white text: 7.4:1 (was 5.2)
FOCUS = "#1a1a1a"  # the focus ring: >= 14:1 on white, the board and the panels


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a colour ("#rrggbb" or any name QColor reads)."""
    c = QColor(colour)

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def paint_kind_shape(painter: QPainter, kind: str, centre: QPointF, radius: float) -> None:
    """Draw the kind's shape in white, for use on the coloured stripe."""
    shape = KIND_STYLES.get(kind, KIND_STYLES["custom"]).shape
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("white"))
    r = radius
    if shape == "circle":
        painter.drawEllipse(centre, r, r)
    elif shape == "square":
        painter.drawRect(QRectF(centre.x() - r * 0.85, centre.y() - r * 0.85, r * 1.7, r * 1.7))
    elif shape == "cross":
        path = QPainterPath()
        w = r * 0.45
        for angle in (45, 135):
            path.addPolygon(_bar(centre, r * 1.25, w, angle))
        painter.drawPath(path.simplified())
    else:
        painter.drawPolygon(_star(centre, r * 1.15, r * 0.5))
    painter.restore()


def _bar(centre: QPointF, length: float, width: float, angle_deg: float) -> QPolygonF:
    a = math.radians(angle_deg)
    dx, dy = math.cos(a), math.sin(a)
    nx, ny = -dy, dx
    pts = [
        (length * dx + width / 2 * nx, length * dy + width / 2 * ny),
        (length * dx - width / 2 * nx, length * dy - width / 2 * ny),
        (-length * dx - width / 2 * nx, -length * dy - width / 2 * ny),
        (-length * dx + width / 2 * nx, -length * dy + width / 2 * ny),
    ]
    return QPolygonF([QPointF(centre.x() + x, centre.y() + y) for x, y in pts])


def _star(centre: QPointF, outer: float, inner: float) -> QPolygonF:
    points = []
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        a = math.radians(-90 + i * 36)
        points.append(QPointF(centre.x() + r * math.cos(a), centre.y() + r * math.sin(a)))
    return QPolygonF(points)
