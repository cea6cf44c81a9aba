"""A group's board as a vector Drawing: regions, decorations and card boxes placed
with the same layout as the screen (coprod_desktop.domain.layout).

The board is drawn part by part (board_parts: one part per lens, with the headings
nearest it), so that the text of the matrix, say, comes in the page's content all
before the ladder's: a reader's text extraction reads one lens, then the next. In
large print each part can be drawn on its own page (sections.group_section), with
every text at LEGIBLE_FLOOR points or more: cards that do not fit at that size leave
"+N more" (every card is listed in full after the board)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from coprod_desktop.domain.layout import (
    RegionLayout,
    fit_region,
    label_insets,
    label_rect_at,
    layout_for,
    stretched,
)
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
# Large print (styles.large_print): no text on the board under LEGIBLE_FLOOR points.
LEGIBLE_FLOOR = 9.0
LEGIBLE_LABEL_MAX = 12.0
LEGIBLE_MORE = 10.0
LEGIBLE_DECORATION_MAX = {"title": 14.0, "axis": 12.0, "band": 12.0}
LEGIBLE_HEADING_MAX = 11.0


@dataclass(frozen=True, slots=True)
class BoardPart:
    """One lens of the board with the decorations (headings, axes, bands) nearest it;
    rect is the board units it covers, (x, y from the top, width, height)."""

    label: str  # the lens's label: "Public service matrix"
    rect: tuple[float, float, float, float]
    regions: tuple[Region, ...]
    decorations: tuple[Decoration, ...]


def board_parts(board: Board) -> tuple[BoardPart, ...]:
    """The board lens by lens, in the board's order of lenses: each lens's regions and
    the decorations closer to them than to any other lens's regions."""
    lenses = [lens for lens in board.lenses if any(r.lens == lens.id for r in board.regions)]
    regions = {lens.id: tuple(r for r in board.regions if r.lens == lens.id) for lens in lenses}
    decorations: dict[str, list[Decoration]] = {lens.id: [] for lens in lenses}
    for decoration in board.decorations:
        nearest = min(
            lenses,
            key=lambda lens: min(_distance(decoration.rect, r.rect) for r in regions[lens.id]),
        )
        decorations[nearest.id].append(decoration)
    parts = []
    for lens in lenses:
        rects = [r.rect for r in regions[lens.id]] + [d.rect for d in decorations[lens.id]]
        left = min(x for x, _, _, _ in rects)
        top = min(y for _, y, _, _ in rects)
        right = max(x + w for x, _, w, _ in rects)
        bottom = max(y + h for _, y, _, h in rects)
        parts.append(
            BoardPart(
                lens.label,
                (left, top, right - left, bottom - top),
                regions[lens.id],
                tuple(decorations[lens.id]),
            )
        )
    return tuple(parts)


def _distance(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """The gap between two rects (0 when they touch or overlap)."""
    dx = max(0.0, a[0] - (b[0] + b[2]), b[0] - (a[0] + a[2]))
    dy = max(0.0, a[1] - (b[1] + b[3]), b[1] - (a[1] + a[3]))
    return math.hypot(dx, dy)


def board_scale(board: Board, max_width: float, max_height: float) -> float:
    """Points per board unit so the whole board fits in max_width x max_height."""
    w, h = board.size
    return min(max_width / w, max_height / h)


MAX_STRETCH = 1.5  # as on the screen (domain.layout.MAX_STRETCH)


def part_fit(part: BoardPart, max_width: float, max_height: float) -> tuple[float, float, float]:
    """(points per board unit, fx, fy): the part as large as fits max_width x
    max_height, then widened (fx) or heightened (fy) by at most MAX_STRETCH towards the
    shape of that room, as the screen stretches a board to a projector's shape."""
    _, _, w, h = part.rect
    across, down = max_width / w, max_height / h
    scale = min(across, down)
    return scale, min(MAX_STRETCH, across / scale), min(MAX_STRETCH, down / scale)


def part_size(part: BoardPart, max_width: float, max_height: float) -> tuple[float, float]:
    """The width and height in points of part's drawing in max_width x max_height."""
    scale, fx, fy = part_fit(part, max_width, max_height)
    return part.rect[2] * fx * scale, part.rect[3] * fy * scale


def board_drawing(
    session: Session,
    group: CardGroup,
    max_width: float,
    max_height: float,
    styles: Styles,
    part: BoardPart | None = None,
) -> Drawing:
    """The whole board, or only part of it, as large as fits max_width x max_height
    (a part in large print stretched towards that shape: see part_fit); drawn part after
    part, each part's decorations before its regions."""
    board = session.board
    w, h = board.size
    stretch = (1.0, 1.0)
    if part is None:
        parts = board_parts(board)
        frame: Box = (0.0, 0.0, w, h)
        scale = board_scale(board, max_width, max_height)
    else:
        parts = (part,)
        frame = part.rect
        scale = min(max_width / frame[2], max_height / frame[3])
        if styles.large_print:
            scale, *factors = part_fit(part, max_width, max_height)
            stretch = (factors[0], factors[1])
    painter = _Painter(board, frame, scale, styles, stretch)
    painter.drawing.hAlign = "CENTER"
    label_sizes = painter.label_sizes()
    cards = {
        region.id: [card for card, _ in placed] for region, placed in session.iter_placed(group)
    }
    for shown in parts:
        for decoration in shown.decorations:
            painter.decoration(decoration)
        for region in shown.regions:
            painter.region(region, cards[region.id], group.colour, label_sizes[region.lens])
    return painter.drawing


class _Painter:
    def __init__(
        self,
        board: Board,
        frame: Box,
        scale: float,
        styles: Styles,
        stretch: tuple[float, float] = (1.0, 1.0),
    ) -> None:
        self.board = board
        self.stretch = stretch  # large print: the part is widened or heightened this much
        self.frame = self.at(frame)  # the board units drawn: x, y from the top, width, height
        self.scale = scale
        self.styles = styles
        self.legible = styles.large_print  # no text under LEGIBLE_FLOOR points
        self.drawing = drawing(self.frame[2] * scale, self.frame[3] * scale)
        self._numbered_lenses: dict[str, bool] = {}

    def at(self, rect: Box) -> Box:
        """A board rect where the stretched board has it (the rect itself unstretched)."""
        return stretched(rect, *self.stretch)

    def box(self, rect: Box) -> Box:
        """Stretched board rect (x, y from the top) -> drawing rect (x, y from the bottom)
        in points."""
        x, y, w, h = rect
        fx, fy, _, fh = self.frame
        s = self.scale
        return (x - fx) * s, (fy + fh - y - h) * s, w * s, h * s

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
        x, y, w, h = self.box(self.at(decoration.rect))
        pad = 2.0
        if self.legible:
            size = LEGIBLE_DECORATION_MAX.get(decoration.kind, LEGIBLE_HEADING_MAX)
            smallest = LEGIBLE_FLOOR
        else:
            size = {"title": 10.0, "axis": 9.0, "band": 9.0}.get(decoration.kind, 7.5)
            smallest = 5.0
        self.text_block(
            decoration.text,
            (x + pad, y + pad, w - 2 * pad, h - 2 * pad),
            BOLD,
            size,
            smallest,
            centre=True,
            colour=MUTED if decoration.kind == "heading" else INK,
        )

    def label_box(self, region: Region) -> Box:
        return self.box(label_rect_at(self.at(region.rect), region.lens))

    @property
    def label_range(self) -> tuple[float, float]:
        """(largest, smallest) size of a region's label."""
        return (LEGIBLE_LABEL_MAX, LEGIBLE_FLOOR) if self.legible else (LABEL_MAX, LABEL_MIN)

    def label_sizes(self) -> dict[str, float]:
        """One label size per zone (the largest at which every label of the zone fits),
        so that neighbouring cells do not shout and whisper."""
        sizes: dict[str, float] = {}
        for region in self.board.regions:
            size = self._label(region, self.label_range[0]).size
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
        largest, smallest = self.label_range
        if numbered:
            fits = [
                fit_text(r.label, BOLD, *self.label_box(r)[2:], largest, smallest, LEADING)
                for r in regions
            ]
            size = min(f.size for f in fits)
            numbered = any(
                len(fit_text(r.label, BOLD, *self.label_box(r)[2:], size, size, LEADING).lines) > 1
                for r in regions
            )
        self._numbered_lenses[lens] = numbered
        return numbered

    def _label(self, region: Region, max_size: float, box: Box | None = None) -> FittedText:
        """The region's label fitted into box (its label box) at max_size or smaller."""
        _, _, w, h = box or self.label_box(region)
        smallest = self.label_range[1]
        split = _number_and_rest(region.label) if self._numbered(region.lens) else None
        if split is None:
            return fit_text(region.label, BOLD, w, h, max_size, smallest, LEADING)
        number, rest = split
        size = max_size
        while True:
            leading = size * LEADING
            last = size - 0.25 < smallest - 1e-9
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
        x, y, w, h = self.box(self.at(region.rect))
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
        if self.legible:
            self.legible_region(region, cards, group_colour, label_size)
            return
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

    def legible_region(
        self, region: Region, cards: list[Card], group_colour: str, label_size: float
    ) -> None:
        """Large print: the label at label_size in a strip as tall as it needs, and the
        cards on the grid that gives their titles the largest common size, at least
        LEGIBLE_FLOOR points; the cards that do not fit at that size leave "+N more"."""
        top, left = label_insets(region.lens)
        s = self.scale
        if left:  # a label column beside the cards (the ladder's rungs)
            label_box = self.label_box(region)
        else:  # a strip above the cards, grown to hold the whole label
            rx, ry, rw, rh = self.at(region.rect)
            unbounded = (0.0, 0.0, (rw - 16) * s, 10_000.0)
            need = self._label(region, label_size, unbounded).height / s + 9 + 2
            top = min(max(top, need), rh * 0.6)
            label_box = self.box((rx + 8, ry + 3, rw - 16, top - 9))
        self.text_block(self._label(region, label_size, label_box), label_box, BOLD, top=True)
        titles = [_card_title(card) for card in cards]
        layout = self._legible_layout(region, titles, top, left)
        edge = readable_on_white(group_colour, 3.0)
        size = round(layout.title_px * s, 4)
        for title, slot in zip(titles, layout.slots, strict=False):
            box = self.box(slot)
            area = _inset(box, min(PAD, box[3] * 0.1))
            self._card_box(box, edge)
            self.text_block(
                fit_text(title, REGULAR, area[2], area[3], size, size, LEADING), area, REGULAR
            )
        if layout.hidden and layout.more is not None:
            self.more_tile(layout.hidden, self.box(layout.more), LEGIBLE_MORE, LEGIBLE_FLOOR)

    def _legible_layout(
        self, region: Region, titles: list[str], top: float, left: float
    ) -> RegionLayout:
        s = self.scale
        floor, largest = self.styles.board_min_font, self.styles.board_max_font

        def fit(w: float, h: float, n: int) -> float:
            size = largest
            for title in titles[:n]:
                size = _largest_fit(title, w * s, h * s, floor, size)
                if not size:
                    return 0.0
            return size / s

        words = [word for title in titles for word in title.split(" ")]
        widest = max((stringWidth(word, REGULAR, floor) for word in words), default=0.0)
        return fit_region(
            self.at(region.rect),
            len(titles),
            fit,
            floor / s,
            largest / s,
            top,
            left,
            (LEGIBLE_MORE * 1.4 + 2 * PAD) / s,
            min_width=(widest + 2 * PAD) / s,
        )

    def _card_box(self, box: Box, edge: colors.Color) -> None:
        self.drawing.add(
            Rect(*box, rx=1.2, ry=1.2, fillColor=colors.white, strokeColor=edge, strokeWidth=0.9)
        )

    def cards(self, cards: list[Card], boxes: list[Box], edge: colors.Color) -> None:
        """Card boxes with marker and title; all cards of a region share one text size,
        the largest at which every title fits."""
        titles = [_card_title(card) for card in cards]
        areas = [_inset(box, min(PAD, box[3] * 0.1)) for box in boxes]
        size = min(
            (
                self._fit(t, a, self.styles.board_max_font).size
                for t, a in zip(titles, areas, strict=True)
            ),
            default=self.styles.board_max_font,
        )
        for title, box, area in zip(titles, boxes, areas, strict=True):
            self._card_box(box, edge)
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

    def more_tile(
        self, hidden: int, box: Box, size: float = MORE_SIZE, smallest: float = 4.5
    ) -> None:
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
            size,
            smallest,
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


def _card_title(card: Card) -> str:
    """The kind's marker bound to the title's first word by a no-break space."""
    return f"{marker(card.kind)}\u00a0{one_line(card.title)}"


def _largest_fit(title: str, width: float, height: float, smallest: float, largest: float) -> float:
    """The largest size, in steps of 0.25 pt from smallest up to largest, at which title
    fits a card box of width x height points without a word broken or cut; 0 if none."""
    w, h = _inset((0.0, 0.0, width, height), min(PAD, height * 0.1))[2:]
    if w <= 0 or h <= 0:
        return 0.0
    words = title.split(" ")

    def fits(size: float) -> bool:
        fitted = fit_text(title, REGULAR, w, h, size, size, LEADING)
        return (
            bool(fitted.lines)
            and not fitted.truncated
            and all(stringWidth(word, REGULAR, size) <= w for word in words)
        )

    steps = math.floor((largest - smallest) / 0.25 + 1e-9)
    if steps < 0 or not fits(smallest):
        return 0.0
    lo, hi = 0, steps
    while lo < hi:  # fits(smallest + lo * 0.25) holds
        mid = (lo + hi + 1) // 2
        if fits(smallest + mid * 0.25):
            lo = mid
        else:
            hi = mid - 1
    return smallest + lo * 0.25


def _number_and_rest(label: str) -> tuple[str, str] | None:
    """'7 Co-production' -> ('7', 'Co-production'); None when the label does not start
    with a number and a word."""
    head, _, rest = one_line(label).partition(" ")
    return (head, rest) if head.isdigit() and rest else None


def _inset(box: Box, pad: float) -> Box:
    x, y, w, h = box
    return x + pad, y + pad, w - 2 * pad, h - 2 * pad
