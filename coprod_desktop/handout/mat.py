"""The board as a table mat for paper cards: one A3 page, or the same mat tiled across
sheets of the cards' paper, with an overlap and alignment marks to tape them together.

The regions, labels and headings are the handout's board drawing (handout/board_drawing.py)
of a board with nothing on it, scaled up; no Qt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4, LETTER, landscape, portrait
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from coprod_desktop.domain.model import Group, Session
from coprod_desktop.handout.board_drawing import board_drawing
from coprod_desktop.handout.fonts import BOLD, REGULAR
from coprod_desktop.handout.options import HandoutOptions
from coprod_desktop.handout.print_options import PrintCardsOptions
from coprod_desktop.handout.styles import INK, MUTED, make_styles
from coprod_desktop.handout.text import draw_string, ellipsize, one_line

MAT_SIZE = landscape(A3)  # the mat, whether printed on A3 or tiled
MARGIN = 12 * mm  # round the mat on its A3 page
TILE_MARGIN = 10 * mm  # round each tile: printers do not print to the edge
OVERLAP = 15 * mm  # what a tile shares with its neighbour
DRAWING_WIDTH = 560.0  # points: the board is drawn this wide, then scaled up
HINT = (
    "Put each card in the place your table chooses. Codes: P principle, A activity, "
    "N co-production is not ..., C a card of your own."
)
PAPERS = {"a4": A4, "letter": LETTER}


@dataclass(frozen=True, slots=True)
class Tiling:
    page: tuple[float, float]  # each sheet
    columns: int
    rows: int

    @property
    def sheets(self) -> int:
        return self.columns * self.rows

    @property
    def area(self) -> tuple[float, float]:
        """The printable width and height of one sheet."""
        return self.page[0] - 2 * TILE_MARGIN, self.page[1] - 2 * TILE_MARGIN

    @property
    def step(self) -> tuple[float, float]:
        w, h = self.area
        return w - OVERLAP, h - OVERLAP

    @property
    def span(self) -> tuple[float, float]:
        """The width and height all tiles cover together."""
        sx, sy = self.step
        return self.columns * sx + OVERLAP, self.rows * sy + OVERLAP


def tiling(paper: str) -> Tiling:
    """The fewest sheets of paper (upright or turned) that hold the mat."""
    best: Tiling | None = None
    for page in (portrait(PAPERS[paper]), landscape(PAPERS[paper])):
        w, h = page[0] - 2 * TILE_MARGIN - OVERLAP, page[1] - 2 * TILE_MARGIN - OVERLAP
        columns = math.ceil((MAT_SIZE[0] - OVERLAP) / w)
        rows = math.ceil((MAT_SIZE[1] - OVERLAP) / h)
        candidate = Tiling(page, columns, rows)
        if best is None or candidate.sheets < best.sheets:
            best = candidate
    assert best is not None
    return best


def mat_pages(options: PrintCardsOptions) -> int:
    return {"a3": 1, "none": 0}.get(options.mat) or tiling(options.paper).sheets


def draw_mat_pages(canvas: Canvas, session: Session, options: PrintCardsOptions, title: str) -> int:
    """Add the mat's pages to canvas; returns how many."""
    if options.mat == "none":
        return 0
    canvas.bookmarkPage("mat")
    canvas.addOutlineEntry("Table mat", "mat", 0)
    if options.mat == "a3":
        canvas.setPageSize(MAT_SIZE)
        _draw_mat(canvas, session, title, 0, 0)
        canvas.showPage()
        return 1
    tiles = tiling(options.paper)
    span_w, span_h = tiles.span
    step_x, step_y = tiles.step
    left, bottom = (span_w - MAT_SIZE[0]) / 2, (span_h - MAT_SIZE[1]) / 2  # the mat centred
    area_w, area_h = tiles.area
    number = 0
    for row in range(tiles.rows):
        for column in range(tiles.columns):
            number += 1
            canvas.setPageSize(tiles.page)
            # Tile (row, column) shows the span from column * step_x across and from the
            # top down; the span's point (sx, sy) lands on the page at:
            dx = TILE_MARGIN - column * step_x
            dy = TILE_MARGIN - (span_h - row * step_y - area_h)
            canvas.saveState()
            path = canvas.beginPath()
            path.rect(TILE_MARGIN, TILE_MARGIN, area_w, area_h)
            canvas.clipPath(path, stroke=0, fill=0)
            canvas.translate(dx, dy)
            _draw_mat(canvas, session, title, left, bottom)
            _alignment_marks(canvas, tiles)
            canvas.restoreState()
            _tile_edges(canvas, tiles, row, column)
            _tile_caption(canvas, tiles, row, column, number, title)
            canvas.showPage()
    return tiles.sheets


def _draw_mat(canvas: Canvas, session: Session, title: str, x: float, y: float) -> None:
    """The mat (MAT_SIZE, lower-left corner at x, y): a heading, a hint and the board."""
    width, height = MAT_SIZE
    canvas.saveState()
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 16)
    room = width - 2 * MARGIN
    heading = f"Table mat: {one_line(session.board.title)}"
    heading = ellipsize(heading, BOLD, 16, room)
    draw_string(canvas, x + MARGIN, y + height - MARGIN - 14, heading, BOLD, 16)
    canvas.setFont(REGULAR, 10)
    canvas.setFillColor(MUTED)
    hint = ellipsize(f"{title} \u00b7 {HINT}", REGULAR, 10, room)
    draw_string(canvas, x + MARGIN, y + height - MARGIN - 30, hint, REGULAR, 10)
    drawing = _board(session)
    box_w, box_h = room, height - 2 * MARGIN - 40
    scale = min(box_w / drawing.width, box_h / drawing.height)
    left = x + (width - drawing.width * scale) / 2
    bottom = y + MARGIN + (box_h - drawing.height * scale) / 2  # centred below the heading
    canvas.translate(left, bottom)
    canvas.scale(scale, scale)
    renderPDF.draw(drawing, canvas, 0, 0)
    canvas.restoreState()


def _board(session: Session) -> Drawing:
    """The board with no card on it, DRAWING_WIDTH points wide (labels at the handout's
    sizes for that width, so they grow with the mat)."""
    board = session.board
    empty = Group("mat", "", "#000000")
    styles = make_styles(HandoutOptions())
    height = DRAWING_WIDTH * board.size[1] / board.size[0]
    drawing = board_drawing(session, empty, DRAWING_WIDTH, height, styles)
    # ReportLab's renderer sets its default font (Helvetica, not embedded) before drawing
    # unless the drawing names another: name the shipped one, so every font is embedded.
    drawing.initialFontName = REGULAR
    return drawing


def _alignment_marks(canvas: Canvas, tiles: Tiling) -> None:
    """A circled cross in the middle of every overlap, along each seam, in span units:
    the same mark prints on both sheets of a seam, so laying one on the other lines up."""
    span_w, span_h = tiles.span
    step_x, step_y = tiles.step
    area_w, area_h = tiles.area
    xs = [c * step_x + area_w - OVERLAP / 2 for c in range(tiles.columns - 1)]
    ys = [span_h - (r * step_y + area_h - OVERLAP / 2) for r in range(tiles.rows - 1)]
    # Along a vertical seam: marks at a third and two thirds of each row's height.
    row_marks = [
        span_h - r * step_y - area_h * f for r in range(tiles.rows) for f in (1 / 3, 2 / 3)
    ]
    column_marks = [c * step_x + area_w * f for c in range(tiles.columns) for f in (1 / 3, 2 / 3)]
    points = [(x, y) for x in xs for y in row_marks] + [(x, y) for y in ys for x in column_marks]
    points += [(x, y) for x in xs for y in ys]
    canvas.saveState()
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.6)
    radius = 3 * mm
    for x, y in points:
        canvas.circle(x, y, radius, stroke=1, fill=0)
        canvas.line(x - 1.6 * radius, y, x + 1.6 * radius, y)
        canvas.line(x, y - 1.6 * radius, x, y + 1.6 * radius)
    canvas.restoreState()


def _tile_edges(canvas: Canvas, tiles: Tiling, row: int, column: int) -> None:
    """Corner marks at the printed area's edges (cut there on the side that goes on top)
    and a dashed line where the neighbour's edge comes (the overlap)."""
    area_w, area_h = tiles.area
    left, bottom = TILE_MARGIN, TILE_MARGIN
    right, top = left + area_w, bottom + area_h
    canvas.saveState()
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.5)
    gap, length = 1.5 * mm, 5 * mm
    for x, y, sx, sy in (
        (left, bottom, -1, -1),
        (right, bottom, 1, -1),
        (left, top, -1, 1),
        (right, top, 1, 1),
    ):
        canvas.line(x, y + sy * gap, x, y + sy * (gap + length))
        canvas.line(x + sx * gap, y, x + sx * (gap + length), y)
    canvas.setDash(3, 2)
    canvas.setStrokeColor(MUTED)
    if column < tiles.columns - 1:
        canvas.line(right - OVERLAP, bottom, right - OVERLAP, top)
    if row < tiles.rows - 1:
        canvas.line(left, bottom + OVERLAP, right, bottom + OVERLAP)
    canvas.restoreState()


def _tile_caption(
    canvas: Canvas, tiles: Tiling, row: int, column: int, number: int, title: str
) -> None:
    width = tiles.page[0]
    name = f"{chr(ord('A') + row)}{column + 1}"
    last = f"{chr(ord('A') + tiles.rows - 1)}{tiles.columns}"
    text = (
        f"Table mat, sheet {name} ({number} of {tiles.sheets}, A1 to {last}). Cut off the margin "
        "where a sheet lies over its neighbour, lay it to the dashed line so the \u2295 marks "
        "meet, and tape."
    )
    canvas.saveState()
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 7)
    text = ellipsize(text, REGULAR, 7, width - 2 * TILE_MARGIN)
    draw_string(canvas, TILE_MARGIN, 4 * mm, text, REGULAR, 7)
    canvas.setFont(BOLD, 9)
    canvas.setFillColor(INK)
    draw_string(canvas, width - TILE_MARGIN, tiles.page[1] - 6.5 * mm, name, BOLD, 9, "end")
    canvas.restoreState()
