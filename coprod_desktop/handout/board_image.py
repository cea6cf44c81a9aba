"""One group's board as an image for slides and reports: the handout's own drawing,
scaled to a width in pixels, as SVG (text stays text). No Qt. (PNG would need ReportLab's
Cairo backend, which the app does not ship.)"""

from __future__ import annotations

from reportlab.graphics import renderSVG
from reportlab.graphics.shapes import Drawing

from coprod_desktop.domain.model import Group, Session
from coprod_desktop.handout.board_drawing import board_drawing
from coprod_desktop.handout.fonts import register_fonts
from coprod_desktop.handout.options import HandoutOptions
from coprod_desktop.handout.styles import make_styles


def _drawing(session: Session, group: Group, width: int) -> Drawing:
    register_fonts()
    w, h = session.board.size
    styles = make_styles(HandoutOptions())
    return board_drawing(session, group, float(width), width * h / w, styles)


def board_svg(session: Session, group: Group, width: int) -> bytes:
    svg: str = renderSVG.drawToString(_drawing(session, group, width))
    return svg.encode("utf-8")
