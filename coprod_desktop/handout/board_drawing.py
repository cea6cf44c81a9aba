"""A group's board as a vector Drawing: regions, decorations and card boxes placed
with the same layout as the screen (coprod_desktop.domain.layout)."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from coprod_desktop.domain.layout import label_rect, layout_for
from coprod_desktop.domain.model import Board, Card, Decoration, Region, Session
from coprod_desktop.domain.model import Group as CardGroup
from coprod_desktop.handout.fonts import BOLD, REGULAR, drawing
from coprod_desktop.handout.styles import INK, MUTED, RULE, Styles, marker, readable_on_white
from coprod_desktop.handout.text import FittedText, fit_text, one_line

ZONE_FILLS = {
    "matrix": colors.HexColor("#f4f6f9"),
    "not": colors.HexColor("#f2f2f2"),
    "to": colors.HexColor("#f8f1f0"),
    "for": colors.HexColor("#f7f5ec"),
    "with": colors.HexColor("#eff6f0"),
}
ASCENT = 0.76  # DejaVu cap height as a share of the font size: baseline below a line's top
LEADING = 1.12  # line spacing as a share of the font size, tight for small boxes
PAD = 2.2  # points between a box edge and its text
LABEL_MAX, LABEL_MIN = 8.0, 5.0  # region labels
MORE_SIZE = 7.0  # '+N more'
Box = tuple[float, float, float, float]  # x, y from the bottom, width, height in points


def board_scale(board: Board, max_width: float, max_height: float) -> float:
    """Points per board unit so the whole board fits in max_width x max_height."""
    w, h = board.size
    return min(max_width / w, max_height / h)


def board_drawing(
    session: Session, group: CardGroup, max_width: float, max_height: float, styles: Styles
) -> Drawing:
    board = session.board
    painter = _Painter(board, board_scale(board, max_width, max_height), styles)
    painter.drawing.hAlign = "CENTER"
    for decoration in board.decorations:
        painter.decoration(decoration)
    label_sizes = painter.label_sizes()
    for region, placed in session.iter_placed(group):
        painter.region(region, [card for card, _ in placed], group.colour, label_sizes[region.lens])
    return painter.drawing


class _Painter:
    def __init__(self, board: Board, scale: float, styles: Styles) -> None:
        self.board = board
        self.scale = scale
        self.styles = styles
        w, h = board.size
        self.drawing = drawing(w * scale, h * scale)
        self._numbered_lenses: dict[str, bool] = {}

    def box(self, rect: Box) -> Box:
        """Board rect (x, y from the top) -> drawing rect (x, y from the bottom) in points."""
        x, y, w, h = rect
        s = self.scale
        return x * s, (self.board.size[1] - y - h) * s, w * s, h * s

    def text_block(
        self,
        text: str | FittedText,
        rect: Box,
        font: str,
        max_size: float = 8.0,
        min_size: float = 5.0,
        *,
        centre: bool = False,
        top: bool = False,
        colour: colors.Color = INK,
    ) -> None:
        """Text wrapped, shrunk and if need be ellipsized into rect (drawing units)."""
        x, y, w, h = rect
        fitted = (
            text
            if isinstance(text, FittedText)
            else fit_text(text, font, w, h, max_size, min_size, LEADING)
        )
        if not fitted.lines:
            return
        block_top = y + h if top else y + (h + fitted.height) / 2
        baseline = block_top - fitted.size * ASCENT
        group = Group()
        for line in fitted.lines:
            if centre:
                group.add(
                    String(
                        x + w / 2,
                        baseline,
                        line,
                        fontName=font,
                        fontSize=fitted.size,
                        fillColor=colour,
                        textAnchor="middle",
                    )
                )
            else:
                group.add(
                    String(x, baseline, line, fontName=font, fontSize=fitted.size, fillColor=colour)
                )
            baseline -= fitted.leading
        self.drawing.add(group)

    def decoration(self, decoration: Decoration) -> None:
        x, y, w, h = self.box(decoration.rect)
        pad = 2.0
        size = {"title": 10.0, "axis": 9.0, "band": 9.0}.get(decoration.kind, 7.5)
        self.text_block(
            decoration.text,
            (x + pad, y + pad, w - 2 * pad, h - 2 * pad),
            BOLD,
            size,
            5.0,
            centre=True,
            colour=MUTED if decoration.kind == "heading" else INK,
        )

    def label_box(self, region: Region) -> Box:
        return self.box(label_rect(region))

    def label_sizes(self) -> dict[str, float]:
        """One label size per zone (the largest at which every label of the zone fits),
        so that neighbouring cells do not shout and whisper."""
        sizes: dict[str, float] = {}
        for region in self.board.regions:
            size = self._label(region, LABEL_MAX).size
            sizes[region.lens] = min(size, sizes.get(region.lens, size))
        return sizes

    def _numbered(self, lens: str) -> bool:
        """Whether every label of lens starts with a number ('7 Co-production') and one of
        them does not fit on one line: then every label of the lens breaks after its
        number, so that the rungs read alike ('7' above 'Co-production', '6' above
        'Co-design'), not one way here and another there (issue 20)."""
        cached = self._numbered_lenses.get(lens)
        if cached is not None:
            return cached
        regions = [r for r in self.board.regions if r.lens == lens]
        numbered = bool(regions) and all(_number_and_rest(r.label) for r in regions)
        if numbered:
            fits = [
                fit_text(r.label, BOLD, *self.label_box(r)[2:], LABEL_MAX, LABEL_MIN, LEADING)
                for r in regions
            ]
            size = min(f.size for f in fits)
            numbered = any(
                len(fit_text(r.label, BOLD, *self.label_box(r)[2:], size, size, LEADING).lines) > 1
                for r in regions
            )
        self._numbered_lenses[lens] = numbered
        return numbered

    def _label(self, region: Region, max_size: float) -> FittedText:
        """The region's label fitted into its box at max_size or smaller."""
        _, _, w, h = self.label_box(region)
        split = _number_and_rest(region.label) if self._numbered(region.lens) else None
        if split is None:
            return fit_text(region.label, BOLD, w, h, max_size, LABEL_MIN, LEADING)
        number, rest = split
        size = max_size
        while True:
            leading = size * LEADING
            last = size - 0.25 < LABEL_MIN - 1e-9
            below = fit_text(rest, BOLD, w, h - leading, size, size, LEADING)
            whole = all(stringWidth(word, BOLD, size) <= w for word in (number, *rest.split()))
            if (below.lines and not below.truncated and whole) or last:
                if not below.lines:
                    return fit_text(region.label, BOLD, w, h, size, size, LEADING)
                lines = (number, *below.lines)
                return FittedText(size, leading, lines, below.truncated)
            size = round(size - 0.25, 4)

    def region(
        self, region: Region, cards: list[Card], group_colour: str, label_size: float
    ) -> None:
        x, y, w, h = self.box(region.rect)
        fill = ZONE_FILLS.get(region.band or region.lens, colors.HexColor("#f6f6f6"))
        self.drawing.add(
            Rect(
                x,
                y,
                w,
                h,
                fillColor=fill,
                strokeColor=RULE,
                strokeWidth=0.6,
                strokeDashArray=[2, 1.5] if region.lens == "not" else None,
            )
        )
        label_box = self.label_box(region)
        label = self._label(region, label_size)
        self.text_block(label, label_box, BOLD, top=True)
        layout = layout_for(region, len(cards))
        boxes = [self.box(slot) for slot in layout.slots]
        hidden = layout.hidden
        if hidden and not boxes:
            # Too small for a single card: the count fills the region (the cards are
            # listed under the board all the same).
            self.more_tile(hidden, (x, y, w, h))
        elif hidden and not self.more_in_free_space(
            region, layout.slots, label_box, label.height, hidden
        ):
            # No free space for the count: the last slot shows it instead of a card.
            hidden += 1
            self.more_tile(hidden, boxes.pop())
        self.cards(cards[: len(boxes)], boxes, readable_on_white(group_colour, 3.0))

    def cards(self, cards: list[Card], boxes: list[Box], edge: colors.Color) -> None:
        """Card boxes with marker and title; all cards of a region share one text size,
        the largest at which every title fits."""
        titles = [f"{marker(card.kind)}\u00a0{card.title}" for card in cards]
        areas = [_inset(box, min(PAD, box[3] * 0.1)) for box in boxes]
        size = min(
            (
                self._fit(t, a, self.styles.board_max_font).size
                for t, a in zip(titles, areas, strict=True)
            ),
            default=self.styles.board_max_font,
        )
        for title, box, area in zip(titles, boxes, areas, strict=True):
            self.drawing.add(
                Rect(
                    *box, rx=1.2, ry=1.2, fillColor=colors.white, strokeColor=edge, strokeWidth=0.9
                )
            )
            self.text_block(self._fit(title, area, size), area, REGULAR)

    def more_in_free_space(
        self,
        region: Region,
        slots: tuple[Box, ...],
        label_box: Box,
        label_height: float,
        hidden: int,
    ) -> bool:
        """'+N more' below the grid, or below the label in its column; False if neither fits."""
        text = f"+{hidden} more"
        need = MORE_SIZE * 1.3 + 1
        x, y, w, h = self.box(region.rect)
        bottom = region.rect[1] + region.rect[3]
        below = (bottom - max((sy + sh for _, sy, _, sh in slots), default=bottom)) * self.scale
        if below >= need:
            baseline = y + (below - MORE_SIZE) / 2 + MORE_SIZE * 0.24
            self._string(x + w - 4, baseline, text, "end")
            return True
        lx, ly, lw, lh = label_box
        if lh - label_height >= need + 2 and stringWidth(text, BOLD, MORE_SIZE) <= lw:
            self._string(lx, ly + MORE_SIZE * 0.24 + 1, text, "start")
            return True
        return False

    def more_tile(self, hidden: int, box: Box) -> None:
        self.drawing.add(
            Rect(
                *box,
                rx=1.2,
                ry=1.2,
                fillColor=colors.white,
                strokeColor=INK,
                strokeWidth=0.8,
                strokeDashArray=[1.5, 1.2],
            )
        )
        self.text_block(
            f"+{hidden} more",
            _inset(box, min(PAD, box[3] * 0.1)),
            BOLD,
            MORE_SIZE,
            4.5,
            centre=True,
        )

    def _string(self, x: float, baseline: float, text: str, anchor: str) -> None:
        self.drawing.add(
            String(
                x,
                baseline,
                text,
                fontName=BOLD,
                fontSize=MORE_SIZE,
                fillColor=INK,
                textAnchor=anchor,
            )
        )

    def _fit(self, text: str, area: Box, max_size: float) -> FittedText:
        return fit_text(
            text, REGULAR, area[2], area[3], max_size, self.styles.board_min_font, LEADING
        )


def _number_and_rest(label: str) -> tuple[str, str] | None:
    """'7 Co-production' -> ('7', 'Co-production'); None when the label does not start
    with a number and a word."""
    head, _, rest = one_line(label).partition(" ")
    return (head, rest) if head.isdigit() and rest else None


def _inset(box: Box, pad: float) -> Box:
    x, y, w, h = box
    return x + pad, y + pad, w - 2 * pad, h - 2 * pad
