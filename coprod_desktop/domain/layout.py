"""Where cards sit inside a region: a grid that shrinks to fit, shared by the
board view and the printed handout so both show the same arrangement. No Qt.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from coprod_desktop.domain.model import Board, Rect, Region

CARD_WIDTH = 150.0  # board units at full size: two cards across a matrix cell
CARD_HEIGHT = 62.0
GAP = 6.0
MIN_SCALE = 0.6  # below this a title is no longer readable; overflow instead
CARD_TITLE = 22.0  # a card title's type size at full size, board units


@dataclass(frozen=True, slots=True)
class RegionLayout:
    slots: tuple[Rect, ...]  # one per shown card, in placement order
    scale: float  # card size relative to full size
    hidden: int  # cards that did not fit at MIN_SCALE ("+N more")
    title_px: float = 0.0  # fit_region: one title size for every card of the region
    more: Rect | None = None  # fit_region: the "+N" tile's slot, after the shown cards
    compact: bool = False  # compact_region: title-only cards, each as tall as its title


# Where a region's label goes: (top strip height, left column width) in board units.
# Ladder rungs are wide and low, so their label sits in a column on the left.
_LABEL_INSETS = {"matrix": (66.0, 0.0), "ladder": (6.0, 150.0)}
_DEFAULT_INSETS = (40.0, 0.0)


def label_insets(zone: str) -> tuple[float, float]:
    return _LABEL_INSETS.get(zone, _DEFAULT_INSETS)


def label_rect(region: Region) -> Rect:
    """The box a region's label is drawn in."""
    return label_rect_at(region.rect, region.lens)


def label_rect_at(rect: Rect, lens: str) -> Rect:
    """The box the label of a region of lens is drawn in when the region is at rect."""
    x, y, w, h = rect
    top, left = label_insets(lens)
    if left:
        return (x + 8, y + 4, left - 12, h - 8)
    return (x + 8, y + 3, w - 16, top - 9)  # clear of a selected card's thick outline


def layout_for(region: Region, count: int, base: float = 1.0) -> RegionLayout:
    """Slots for count cards in region, leaving room for its label."""
    return layout_in(region.rect, region.lens, count, base)


def layout_in(rect: Rect, lens: str, count: int, base: float = 1.0) -> RegionLayout:
    """Slots for count cards in a region of lens placed at rect (a stretched board)."""
    top, left = label_insets(lens)
    return layout_region(rect, count, top, left, base)


MAX_STRETCH = 1.5  # a board is stretched at most this much to fill a screen's shape


def stretch_factors(
    board_w: float,
    board_h: float,
    view_w: float,
    view_h: float,
    limit: float = MAX_STRETCH,
    tolerance: float = 0.0,
) -> tuple[float, float]:
    """How much to widen (fx) or heighten (fy) a board's geometry so that it has the
    view's shape: a 16:9 board on a 4:3 projector grows taller instead of being
    letterboxed. One of the two is 1; rounded to 1/1000 so a pixel's jitter changes nothing.
    Shapes within tolerance (0.15: 15 %) of the board's keep it as it is."""
    if min(board_w, board_h, view_w, view_h) <= 0:
        return (1.0, 1.0)
    ratio = (view_w / view_h) / (board_w / board_h)
    if 1 / (1 + tolerance) <= ratio <= 1 + tolerance:
        return (1.0, 1.0)
    if ratio >= 1:
        return (round(min(limit, ratio), 3), 1.0)
    return (1.0, round(min(limit, 1 / ratio), 3))


def stretched(rect: Rect, fx: float, fy: float) -> Rect:
    x, y, w, h = rect
    return (x * fx, y * fy, w * fx, h * fy)


def layout_region(
    rect: Rect, count: int, top: float = 40.0, left: float = 0.0, base: float = 1.0
) -> RegionLayout:
    """Grid slots for count cards inside rect, right of a label column of width left
    and below a label strip of height top. Cards start at base times full size (larger
    for a projected room) and shrink towards MIN_SCALE only when they do not fit."""
    x, y, w, h = rect
    x, w = x + left, w - left
    inner_w, inner_h = w - 2 * GAP, h - top - GAP
    if count <= 0:
        return RegionLayout((), base, 0)
    scale = base
    while True:
        cols, rows = _grid(inner_w, inner_h, scale)
        if cols * rows >= count or scale <= MIN_SCALE:
            break
        scale = max(MIN_SCALE, round(scale - 0.05, 2))
    cols, rows = _grid(inner_w, inner_h, scale)
    shown = min(count, cols * rows)
    cw, ch = CARD_WIDTH * scale, CARD_HEIGHT * scale
    # Stretch cards to share the free room evenly (capped), so long titles get
    # more lines at the same type size instead of a smaller one.
    used_cols = min(cols, shown) if shown else 1
    used_rows = math.ceil(shown / cols) if shown else 1
    cw = min((inner_w - (used_cols - 1) * GAP) / used_cols, cw * 1.6) if used_cols else cw
    ch = min((inner_h - (used_rows - 1) * GAP) / used_rows, ch * 1.3) if used_rows else ch
    slots = tuple(
        (x + GAP + (i % cols) * (cw + GAP), y + top + (i // cols) * (ch + GAP), cw, ch)
        for i in range(shown)
    )
    return RegionLayout(slots, scale, count - shown)


def _grid(inner_w: float, inner_h: float, scale: float) -> tuple[int, int]:
    """Columns and rows of cards at scale; 0 columns when not even one card fits across."""
    cw, ch = CARD_WIDTH * scale, CARD_HEIGHT * scale
    cols = max(0, math.floor((inner_w + GAP) / (cw + GAP)))
    rows = max(0, math.floor((inner_h + GAP) / (ch + GAP)))
    return cols, rows


def insertion_index(layout: RegionLayout, x: float, y: float) -> int:
    """The position among a region's cards at which a card dropped at (x, y) goes."""
    for i, (sx, sy, sw, sh) in enumerate(layout.slots):
        if y < sy + sh and (x < sx + sw / 2 or y < sy):
            return i
    return len(layout.slots) + layout.hidden


# --- fitting a region to legible titles (the board on screen) -------------------------

# (card width, card height, n): the largest title size, in board units, at which the
# titles of the region's first n cards each fit a card of that size without losing a
# word; 0 when they do not fit even at the floor. The screen measures text; no Qt here.
TitleFit = Callable[[float, float, int], float]

# Issue 14's floors in presentation mode, px on the screen: card titles >= 24 px and region
# labels >= 18 px at 1920x1080, and never under 18 px and 14 px on smaller screens; on a
# larger screen they grow with it, so a 4K panel shows the board as 1080p does.
ROOM_TITLE_PX = (24.0, 18.0)
ROOM_LABEL_PX = (18.0, 14.0)


def room_floors(width: float, height: float) -> tuple[float, float]:
    """(card title, region label) floors in px for a presenting window of width x height."""
    k = min(width / 1920, height / 1080) if width > 0 and height > 0 else 1.0
    return (
        max(ROOM_TITLE_PX[1], ROOM_TITLE_PX[0] * k),
        max(ROOM_LABEL_PX[1], ROOM_LABEL_PX[0] * k),
    )


def fit_region(
    rect: Rect,
    count: int,
    fit: TitleFit,
    floor: float,
    largest: float,
    top: float = 40.0,
    left: float = 0.0,
    more_height: float = 40.0,
    min_width: float = 0.0,
    more_at: Rect | None = None,
) -> RegionLayout:
    """Slots for count cards in rect (below a label strip top high, right of a label
    column left wide) with one title size for all of them: the grid whose cards hold the
    largest common title size (up to largest), so a crowded region uses its space before
    its type shrinks. If even the best grid puts a title under floor, the region shows
    the first cards that fit at floor or above and, along its bottom, a "+N" strip
    more_height high (or at more_at, a spot the label leaves free: then no strip). Cards
    narrower than min_width (a title's longest word at the floor) are not tried."""
    x, y, w, h = rect
    x, w = x + left, w - left
    inner_w, inner_h = w - 2 * GAP, h - top - GAP
    if count <= 0:
        return RegionLayout((), largest / CARD_TITLE, 0, largest)
    k = largest / CARD_TITLE  # the biggest card is this much larger than a full-size one
    max_w, max_h = CARD_WIDTH * k * 1.6, CARD_HEIGHT * k * 1.5

    def best_grid(n: int, height: float) -> tuple[float, int, float, float] | None:
        best: tuple[float, int, float, float] | None = None
        for cols in range(1, n + 1):
            rows = math.ceil(n / cols)
            cw = min(max_w, (inner_w - (cols - 1) * GAP) / cols)
            ch = min(max_h, (height - (rows - 1) * GAP) / rows)
            if cw < min_width and cols > 1:
                break  # more columns are narrower still
            if cw <= 0 or ch <= 0:
                continue
            px = min(largest, fit(cw, ch, n))
            if px >= floor and (best is None or px > best[0] + 1e-9):
                best = (px, cols, cw, ch)
        return best

    found = best_grid(count, inner_h)
    shown = count
    more = None
    if found is None:  # not all at the floor: the first cards, and a "+N" strip below
        room = inner_h
        if more_at is not None:
            more = more_at
        else:
            more_height = min(more_height, inner_h)
            more = (x + GAP, y + h - GAP - more_height, inner_w, more_height)
            room = inner_h - more_height - GAP
        while found is None and shown > 0:
            shown -= 1
            found = best_grid(shown, room) if shown else None
    if found is None:
        return RegionLayout((), floor / CARD_TITLE, count, floor, more)
    px, cols, cw, ch = found
    slots = tuple(
        (x + GAP + (i % cols) * (cw + GAP), y + top + (i // cols) * (ch + GAP), cw, ch)
        for i in range(shown)
    )
    return RegionLayout(slots, px / CARD_TITLE, count - shown, px, more)


# --- compact cards: a crowded region, presenting ------------------------------------

# (card index, card width) -> the height of that card's compact face (its title wrapped at
# the region's one size into that width, and its padding), board units; 0 when the title's
# longest word does not fit the width. The screen measures text; no Qt here.
CardHeight = Callable[[int, float], float]


def compact_region(
    rect: Rect,
    count: int,
    height_of: CardHeight,
    top: float = 40.0,
    left: float = 0.0,
    more_height: float = 40.0,
    gap: float = GAP / 2,
    more_at: Rect | None = None,
) -> RegionLayout:
    """Compact cards for a region too crowded for full cards at the floor: title only,
    as wide as a column of the region, each row as tall as its tallest title. The number
    of columns is the one that shows the most cards (in placement order, row by row); what
    does not fit goes behind a "+N" strip along the bottom, more_height high (or at
    more_at, a spot the label leaves free: then the strip's room is the cards'). title_px and
    scale are the caller's (the size height_of measured at)."""
    x, y, w, h = rect
    x, w = x + left, w - left
    inner_w, inner_h = w - 2 * GAP, h - top - GAP
    if count <= 0 or inner_w <= 0 or inner_h <= 0:
        return RegionLayout((), 1.0, count, compact=True)
    best: list[Rect] = []
    for cols in range(1, count + 1):
        cw = (inner_w - (cols - 1) * gap) / cols
        heights = [height_of(i, cw) for i in range(count)]
        if cw <= 0 or not all(heights[: min(cols, count)]):
            break  # a title's longest word no longer fits: more columns are narrower still
        slots = _rows(heights, cols, cw, x + GAP, y + top, inner_h, gap)
        if len(slots) < count and more_at is None:
            room = inner_h - min(more_height, inner_h) - gap
            slots = _rows(heights, cols, cw, x + GAP, y + top, room, gap)
        if len(slots) > len(best):
            best = slots
        if len(best) == count:
            break  # everything shows: the widest cards win
    more = None
    if len(best) < count and more_at is not None:
        more = more_at
    elif len(best) < count:
        more_height = min(more_height, inner_h)
        more = (x + GAP, y + h - GAP - more_height, inner_w, more_height)
    return RegionLayout(tuple(best), 1.0, count - len(best), more=more, compact=True)


def _rows(
    heights: list[float], cols: int, width: float, x: float, y: float, room: float, gap: float
) -> list[Rect]:
    """Slots row by row, cols to a row, each row as tall as its tallest card, until the
    next row would go past room (or a card cannot fit its width)."""
    slots: list[Rect] = []
    used = 0.0
    for start in range(0, len(heights), cols):
        row = heights[start : start + cols]
        if not all(row):
            break
        row_h = max(row)
        if used + row_h > room + 1e-6:
            break
        slots += [(x + i * (width + gap), y + used, width, row_h) for i in range(len(row))]
        used += row_h + gap
    return slots


# --- labels the headings already say -------------------------------------------------


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text.casefold()))


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


def restated_labels(board: Board) -> frozenset[str]:
    """The regions whose label only says again what the headings of its row and column
    say, word for word (a matrix cell "People and communities plan; professionals
    deliver" under "Professionals deliver", beside "People and communities plan and
    design"): a crowded screen can leave those labels out, the headings read for them.
    A heading is a region's when it lies above it or left of it, lined up with at least
    half of the region's width or height."""
    headings = [d for d in board.decorations if d.kind == "heading"]
    found = set()
    for region in board.regions:
        x, y, w, h = region.rect
        words: set[str] = set()
        for heading in headings:
            hx, hy, hw, hh = heading.rect
            above = hy + hh <= y + 1e-6 and _overlap(x, x + w, hx, hx + hw) >= w / 2
            beside = hx + hw <= x + 1e-6 and _overlap(y, y + h, hy, hy + hh) >= h / 2
            if above or beside:
                words |= _words(heading.text)
        label = _words(region.label)
        if label and label <= words:
            found.add(region.id)
    return frozenset(found)
