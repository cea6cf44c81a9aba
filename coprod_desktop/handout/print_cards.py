"""The session's deck as cut-out paper cards, for a room with one screen or none.

Nine cards of 63 x 85 mm on a portrait A4 or US Letter page, edge to edge (one cut per
line), with crop marks in the margins and a faint outline for scissors. Each card shows
its kind as the handout does (the kind's glyph in its colour, and its name, so it reads
in black and white), its code (domain/card_codes.py: the one typed back in), its title
and its text. Optional backs: after each page of cards, a page of backs mirrored for
long-edge duplex printing (column c of a front is column 2 - c of its back), each with
the same code, so a card can be checked from either side. Then the board as a table mat
(handout/mat.py). DejaVu Sans throughout, embedded; no Qt.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER, portrait
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from coprod_desktop.domain.card_codes import session_codes
from coprod_desktop.domain.kinds import kind_info
from coprod_desktop.domain.model import Card, Session, in_kind_order
from coprod_desktop.handout.fonts import BOLD, REGULAR, register_fonts
from coprod_desktop.handout.mat import draw_mat_pages
from coprod_desktop.handout.print_options import PrintCardsOptions
from coprod_desktop.handout.styles import INK, MUTED, colour, marker
from coprod_desktop.handout.text import draw_string, ellipsize, fit_text, one_line

log = logging.getLogger(__name__)

PAPER_SIZES = {"a4": portrait(A4), "letter": portrait(LETTER)}
CARD_W, CARD_H = 63 * mm, 85 * mm
COLUMNS, ROWS = 3, 3
PER_PAGE = COLUMNS * ROWS
PAD = 3.5 * mm  # inside a card
HEADER_H = 9 * mm  # the band with the kind and the code
MARK_GAP, MARK_LEN = 1.5 * mm, 5 * mm  # crop marks: distance from the grid, length
OUTLINE = colors.HexColor("#c4c4c4")
LEADING = 1.18
TITLE_MAX, TITLE_MIN = 14.0, 8.0
TEXT_MAX, TEXT_MIN = 10.5, 6.0
FOOT_SIZE = 6.5


@dataclass(frozen=True, slots=True)
class PaperCard:
    """One card to print: the card, its code and the line at its foot."""

    card: Card
    code: str
    foot: str  # the deck's title, or whose own card it is


def paper_cards(session: Session) -> list[PaperCard]:
    """The deck's cards in the tray's order, then each group's own cards."""
    codes = session_codes(session)
    deck = one_line(session.deck.title) or "Deck"
    cards = [PaperCard(c, codes[c.id], deck) for c in in_kind_order(session.deck.cards)]
    for group in session.groups:
        foot = f"{one_line(group.name)}\u2019s own card"
        cards += [PaperCard(c, codes[c.id], foot) for c in group.cards]
    return cards


def slot(index: int, page_size: tuple[float, float], back: bool = False) -> tuple[float, float]:
    """The lower-left corner of the index-th card of a page (0 top left, row by row); on
    a back page, mirrored left to right, which is what long-edge duplex turns over."""
    width, height = page_size
    x0 = (width - COLUMNS * CARD_W) / 2
    y0 = (height - ROWS * CARD_H) / 2
    column, row = index % COLUMNS, index // COLUMNS
    x = x0 + column * CARD_W
    if back:
        x = width - x - CARD_W
    return x, y0 + (ROWS - 1 - row) * CARD_H


def pages_needed(cards: int, options: PrintCardsOptions) -> int:
    """Card pages (and back pages) for this many cards, before the mat."""
    sheets = -(-cards // PER_PAGE)
    return sheets * (2 if options.backs else 1)


def build_cards_pdf(session: Session, options: PrintCardsOptions) -> tuple[bytes, int]:
    """The PDF and its number of pages."""
    register_fonts()
    page_size = PAPER_SIZES[options.paper]
    buffer = io.BytesIO()
    title = one_line(session.title) or "Co-production workshop"
    canvas = Canvas(
        buffer,
        pagesize=page_size,
        invariant=1 if options.invariant else 0,
        initialFontName=REGULAR,
        initialFontSize=10,
    )
    canvas.setTitle(f"Cards: {title}")
    canvas.setAuthor("coprod-desktop")
    canvas.setSubject("Cut-out cards and a table mat for a co-production card sort")
    canvas.setCreator("coprod-desktop")
    cards = paper_cards(session)
    sheets = [cards[i : i + PER_PAGE] for i in range(0, len(cards), PER_PAGE)]
    pages = 0
    for number, sheet in enumerate(sheets, 1):
        canvas.setPageSize(page_size)
        if number == 1:
            canvas.bookmarkPage("cards")
            canvas.addOutlineEntry("Cards", "cards", 0)
        _front_page(
            canvas, sheet, page_size, f"{title} \u00b7 cards, sheet {number} of {len(sheets)}"
        )
        canvas.showPage()
        pages += 1
        if options.backs:
            canvas.setPageSize(page_size)
            _back_page(canvas, sheet, page_size, title)
            canvas.showPage()
            pages += 1
    pages += draw_mat_pages(canvas, session, options, title)
    canvas.save()
    log.info("cards of %r: %d card(s), %d page(s)", title, len(cards), pages)
    return buffer.getvalue(), pages


def write_cards_pdf(session: Session, path: str | Path, options: PrintCardsOptions) -> int:
    """Write the cards atomically to path; returns the number of pages. On failure the
    file at path is untouched and OSError propagates."""
    from coprod_desktop.files.atomic_write import atomic_write_bytes

    data, pages = build_cards_pdf(session, options)
    atomic_write_bytes(Path(path), data)
    return pages


# --- pages --------------------------------------------------------------------------------


def _front_page(
    canvas: Canvas, sheet: Sequence[PaperCard], page_size: tuple[float, float], caption: str
) -> None:
    for index, paper in enumerate(sheet):
        _card_front(canvas, *slot(index, page_size), paper)
    _crop_marks(canvas, page_size, len(sheet), back=False)
    _caption(canvas, page_size, caption + " \u00b7 cut along the marks")


def _back_page(
    canvas: Canvas, sheet: Sequence[PaperCard], page_size: tuple[float, float], title: str
) -> None:
    for index, paper in enumerate(sheet):
        _card_back(canvas, *slot(index, page_size, back=True), paper, title)
    _crop_marks(canvas, page_size, len(sheet), back=True)
    _caption(canvas, page_size, "Backs: print double-sided, flip on the long edge")


def _caption(canvas: Canvas, page_size: tuple[float, float], text: str) -> None:
    width, height = page_size
    y0 = (height - ROWS * CARD_H) / 2
    canvas.saveState()
    canvas.setFont(REGULAR, 7)
    canvas.setFillColor(MUTED)
    room = width - 2 * 12 * mm
    baseline = max(y0 - MARK_GAP - MARK_LEN - 3 * mm - 5, 3 * mm)
    draw_string(
        canvas, width / 2, baseline, ellipsize(text, REGULAR, 7, room), REGULAR, 7, "middle"
    )
    canvas.restoreState()


def _crop_marks(canvas: Canvas, page_size: tuple[float, float], count: int, back: bool) -> None:
    """Short lines in the margins at every cut, and a faint outline round each card."""
    width, height = page_size
    rows = -(-count // COLUMNS)
    x0 = (width - COLUMNS * CARD_W) / 2
    top = (height + ROWS * CARD_H) / 2
    bottom = top - rows * CARD_H
    canvas.saveState()
    canvas.setStrokeColor(OUTLINE)
    canvas.setLineWidth(0.3)
    for index in range(count):
        canvas.rect(*slot(index, page_size, back), CARD_W, CARD_H, stroke=1, fill=0)
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.5)
    for column in range(COLUMNS + 1):
        x = x0 + column * CARD_W
        canvas.line(x, top + MARK_GAP, x, top + MARK_GAP + MARK_LEN)
        canvas.line(x, bottom - MARK_GAP, x, bottom - MARK_GAP - MARK_LEN)
    right = x0 + COLUMNS * CARD_W
    for row in range(rows + 1):
        y = top - row * CARD_H
        canvas.line(x0 - MARK_GAP, y, x0 - MARK_GAP - MARK_LEN, y)
        canvas.line(right + MARK_GAP, y, right + MARK_GAP + MARK_LEN, y)
    canvas.restoreState()


# --- one card -----------------------------------------------------------------------------


def _tint(hex_colour: str, share: float) -> colors.Color:
    """hex_colour mixed with white: share of the colour (light, so text on it reads)."""
    c = colour(hex_colour)
    return colors.Color(*(1 - share + share * v for v in (c.red, c.green, c.blue)))


def _card_front(canvas: Canvas, x: float, y: float, paper: PaperCard) -> None:
    card, info = paper.card, kind_info(paper.card.kind)
    inner_w = CARD_W - 2 * PAD
    canvas.saveState()
    # The band: the kind's colour, light enough for black text even in greyscale.
    band_y = y + CARD_H - HEADER_H
    canvas.setFillColor(_tint(info.colour, 0.28))
    canvas.rect(x, band_y, CARD_W, HEADER_H, stroke=0, fill=1)
    canvas.setFillColor(colour(info.colour))
    canvas.rect(x, band_y, CARD_W, 0.8 * mm, stroke=0, fill=1)
    baseline = band_y + (HEADER_H - 9) / 2 + 1.5
    canvas.setFillColor(colour(info.colour))
    canvas.setFont(REGULAR, 12)
    glyph = marker(card.kind)
    canvas.drawString(x + PAD, baseline - 0.5, glyph)
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 15)
    canvas.drawRightString(x + CARD_W - PAD, baseline - 1.5, paper.code)
    label_x = x + PAD + stringWidth(glyph, REGULAR, 12) + 3
    code_w = stringWidth(paper.code, BOLD, 15) + 4
    canvas.setFont(BOLD, 8)
    label_room = x + CARD_W - PAD - code_w - label_x
    canvas.drawString(label_x, baseline, ellipsize(info.label, BOLD, 8, label_room))
    # Title, text and the line at the foot.
    foot_h = FOOT_SIZE * 1.6
    top = band_y - PAD
    body_h = top - (y + PAD + foot_h)
    title = fit_text(card.title, BOLD, inner_w, body_h * 0.45, TITLE_MAX, TITLE_MIN, LEADING)
    top = _lines(canvas, title.lines, BOLD, title.size, title.leading, x + PAD, top, INK)
    room = top - 2.5 * mm - (y + PAD + foot_h)
    if card.text.strip():
        text = fit_text(card.text, REGULAR, inner_w, room, TEXT_MAX, TEXT_MIN, LEADING)
        _lines(canvas, text.lines, REGULAR, text.size, text.leading, x + PAD, top - 2.5 * mm, INK)
    canvas.setFont(REGULAR, FOOT_SIZE)
    canvas.setFillColor(MUTED)
    code_room = stringWidth(paper.code, REGULAR, FOOT_SIZE) + 6
    foot = ellipsize(paper.foot, REGULAR, FOOT_SIZE, inner_w - code_room)
    draw_string(canvas, x + PAD, y + PAD, foot, REGULAR, FOOT_SIZE)
    canvas.drawRightString(x + CARD_W - PAD, y + PAD, paper.code)
    canvas.restoreState()


def _lines(
    canvas: Canvas,
    lines: Sequence[str],
    font: str,
    size: float,
    leading: float,
    x: float,
    top: float,
    fill: colors.Color,
) -> float:
    """Draw lines from top (their first line's top) down; returns where they end."""
    canvas.setFont(font, size)
    canvas.setFillColor(fill)
    baseline = top - size * 0.8
    for line in lines:
        draw_string(canvas, x, baseline, line, font, size)  # emoji: Noto Emoji
        baseline -= leading
    return baseline + leading - size * 0.25 if lines else top


def _card_back(canvas: Canvas, x: float, y: float, paper: PaperCard, title: str) -> None:
    """The same for every card but its code: a frame well inside the edges (duplex
    printers shift a millimetre or two), the app's name and the session's title."""
    inset = 5 * mm
    canvas.saveState()
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.8)
    canvas.roundRect(x + inset, y + inset, CARD_W - 2 * inset, CARD_H - 2 * inset, 3 * mm)
    canvas.setFillColor(INK)
    centre = x + CARD_W / 2
    canvas.setFont(BOLD, 12)
    canvas.drawCentredString(centre, y + CARD_H * 0.58, "Co-production")
    canvas.drawCentredString(centre, y + CARD_H * 0.58 - 15, "card sort")
    canvas.setFont(REGULAR, 7)
    canvas.setFillColor(MUTED)
    fitted = fit_text(title, REGULAR, CARD_W - 2 * inset - 6 * mm, 30, 7, 6, LEADING)
    canvas.setFont(REGULAR, fitted.size)
    baseline = y + CARD_H * 0.58 - 30 - fitted.size * 0.8
    for line in fitted.lines:
        draw_string(canvas, centre, baseline, line, REGULAR, fitted.size, "middle")
        baseline -= fitted.leading
    canvas.setFont(BOLD, 9)
    canvas.drawCentredString(centre, y + inset + 3 * mm, paper.code)
    canvas.restoreState()
