"""Where cards sit inside a region: a grid that shrinks to fit, shared by the
board view and the printed handout so both show the same arrangement. No Qt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .model import Rect

CARD_WIDTH = 122.0  # board units at full size: two cards across a matrix cell
CARD_HEIGHT = 48.0
GAP = 6.0
MIN_SCALE = 0.6  # below this a title is no longer readable; overflow instead


@dataclass(frozen=True, slots=True)
class RegionLayout:
    slots: tuple[Rect, ...]  # one per shown card, in placement order
    scale: float  # card size relative to full size
    hidden: int  # cards that did not fit at MIN_SCALE ("+N more")


def label_height(region_rect: Rect, zone: str) -> float:
    """Room reserved at the top of a region for its label."""
    return 30.0 if zone == "ladder" else 52.0 if zone == "matrix" else 34.0


def layout_region(rect: Rect, count: int, top: float = 34.0) -> RegionLayout:
    """Grid slots for count cards inside rect below a label strip of height top."""
    x, y, w, h = rect
    inner_w, inner_h = w - 2 * GAP, h - top - GAP
    if count <= 0:
        return RegionLayout((), 1.0, 0)
    scale = 1.0
    while True:
        cols, rows = _grid(inner_w, inner_h, scale)
        if cols * rows >= count or scale <= MIN_SCALE:
            break
        scale = max(MIN_SCALE, round(scale - 0.05, 2))
    cols, rows = _grid(inner_w, inner_h, scale)
    shown = min(count, cols * rows)
    cw, ch = CARD_WIDTH * scale, CARD_HEIGHT * scale
    # Stretch cards to share the row evenly so the grid fills the region width.
    used_cols = min(cols, shown) if shown else 1
    cw = min((inner_w - (used_cols - 1) * GAP) / used_cols, cw * 1.6) if used_cols else cw
    slots = tuple(
        (x + GAP + (i % cols) * (cw + GAP), y + top + (i // cols) * (ch + GAP), cw, ch)
        for i in range(shown)
    )
    return RegionLayout(slots, scale, count - shown)


def _grid(inner_w: float, inner_h: float, scale: float) -> tuple[int, int]:
    cw, ch = CARD_WIDTH * scale, CARD_HEIGHT * scale
    cols = max(1, math.floor((inner_w + GAP) / (cw + GAP)))
    rows = max(0, math.floor((inner_h + GAP) / (ch + GAP)))
    return cols, rows


def insertion_index(layout: RegionLayout, x: float, y: float) -> int:
    """The position among a region's cards at which a card dropped at (x, y) goes."""
    for i, (sx, sy, sw, sh) in enumerate(layout.slots):
        if y < sy + sh and (x < sx + sw / 2 or y < sy):
            return i
    return len(layout.slots) + layout.hidden
