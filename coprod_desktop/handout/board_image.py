"""One group's board as an image for slides and reports: the handout's own drawing,
drawn at the width it has on the handout's page and scaled to a width in pixels, so the
text grows with the image (a 1920 px slide reads like the page), as SVG with the text as
text. No Qt: the PNG is this SVG painted by Qt (ui/export/board_png.py)."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.graphics import renderSVG
from reportlab.graphics.shapes import Drawing, Group

from coprod_desktop.domain.model import Group as BoardGroup
from coprod_desktop.domain.model import Session
from coprod_desktop.handout.board_drawing import board_drawing
from coprod_desktop.handout.fonts import BOLD, EMOJI, REGULAR, register_fonts
from coprod_desktop.handout.options import HandoutOptions
from coprod_desktop.handout.styles import make_styles
from coprod_desktop.handout.text import one_line

# ReportLab writes its own font names ("DejaVuSans-Bold"); a browser, a slide tool or Qt
# knows the families, with a fallback where DejaVu is not installed.
_FAMILIES = {
    BOLD: "'DejaVu Sans', 'Noto Emoji', sans-serif; font-weight: bold",
    REGULAR: "'DejaVu Sans', 'Noto Emoji', sans-serif",
    EMOJI: "'Noto Emoji', 'DejaVu Sans', sans-serif",
}
_FONT_FAMILY = re.compile(r"font-family: ([^;\"]+);")
# The drawing's clip is its own bounds (the viewBox clips already); Qt's SVG renderer
# paints the clip rectangle black instead of clipping.
_CLIP = re.compile(r"\s*<clipPath id=\"clip\">.*?</clipPath>", re.DOTALL)
_CLIP_STYLE = ' style="clip-path: url(#clip)"'

# Points: about the board's width on an A4 handout page, where its text sizes were chosen.
PAGE_WIDTH = 720.0


def image_height(session: Session, width: int) -> int:
    w, h = session.board.size
    return max(1, round(width * h / w))


def _drawing(session: Session, group: BoardGroup, width: int) -> Drawing:
    register_fonts()
    w, h = session.board.size
    styles = make_styles(HandoutOptions())
    page = board_drawing(session, group, PAGE_WIDTH, PAGE_WIDTH * h / w, styles)
    scale = width / PAGE_WIDTH
    scaled = Group(*page.contents, transform=(scale, 0, 0, scale, 0, 0))
    drawing = Drawing(width, image_height(session, width))
    drawing.add(scaled)
    return drawing


def board_title(session: Session, group: BoardGroup) -> str:
    return f"{one_line(session.board.title) or 'The board'}: {one_line(group.name)}"


def board_description(session: Session, group: BoardGroup) -> str:
    """The image's text alternative: every region with cards, and its cards' titles."""
    parts = []
    for region in session.board.regions:
        cards = [one_line(session.card(group, p.card).title) for p in group.in_region(region.id)]
        if cards:
            parts.append(f"{one_line(region.label)}: {', '.join(cards)}.")
    return " ".join(parts) or "No cards placed."


def board_svg(session: Session, group: BoardGroup, width: int) -> bytes:
    svg: str = renderSVG.drawToString(_drawing(session, group, width))
    # ReportLab writes "..." as the title and description: say what the image shows.
    svg = svg.replace(
        "<title>...</title>", f"<title>{escape(board_title(session, group))}</title>", 1
    )
    svg = svg.replace(
        "<desc>...</desc>", f"<desc>{escape(board_description(session, group))}</desc>", 1
    )
    svg = _CLIP.sub("", svg, count=1).replace(_CLIP_STYLE, "", 1)
    svg = _FONT_FAMILY.sub(lambda m: f"font-family: {_FAMILIES.get(m[1], m[1])};", svg)
    return svg.encode("utf-8")
