"""Measuring for the board's layout (domain/layout.py fit_region decides, this measures):
the largest whole type size at which a card's title, or a region's label, fits its box
without losing a word. Remembered per text and box, as the board lays out often."""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from coprod_desktop.domain.layout import CARD_TITLE
from coprod_desktop.ui.board.items import card_text_box, compact_height, compact_text_box
from coprod_desktop.ui.style import fonts
from coprod_desktop.ui.style.text_fit import wrap


@lru_cache(maxsize=256)
def _metrics(px: int, _gen: int) -> QFontMetricsF:
    return QFontMetricsF(fonts.font(px, bold=True))


@lru_cache(maxsize=65536)
def _fits(text: str, width: float, height: float, px: int, gen: int) -> bool:
    metrics = _metrics(px, gen)
    lines = wrap(text, metrics, width)
    return len(lines) * metrics.lineSpacing() <= height + 0.5 and all(
        metrics.horizontalAdvance(line) <= width for line in lines
    )


def fits(text: str, width: float, height: float, px: int) -> bool:
    """text, bold at px, wraps into width x height without eliding."""
    if width <= 0 or height <= 0:
        return False
    return _fits(text, round(width, 1), round(height, 1), px, fonts.generation())


def largest_title(
    title: str, marked: bool, w: float, h: float, smallest: float, largest: float
) -> int:
    """The largest whole px in [smallest, largest] at which title fits a card of w x h
    (its text box at that size's markers and stripe); 0 when not even smallest fits."""
    lo, hi = math.ceil(smallest - 1e-6), math.floor(largest + 1e-6)

    def ok(px: int) -> bool:
        box = card_text_box(QRectF(0, 0, w, h), px / CARD_TITLE, marked)
        return fits(title, box.width(), box.height(), px)

    if hi < lo or not ok(lo):
        return 0
    while lo < hi:  # ok(lo) holds
        mid = (lo + hi + 1) // 2
        if ok(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


def largest_label(text: str, width: float, height: float, smallest: float, largest: float) -> int:
    """The largest whole px in [smallest, largest] at which a label fits width x height;
    0 when not even smallest fits."""
    lo, hi = math.ceil(smallest - 1e-6), math.floor(largest + 1e-6)
    if hi < lo or not fits(text, width, height, lo):
        return 0
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(text, width, height, mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


def height_needed(text: str, width: float, px: int) -> float:
    """The height text, bold at px, takes wrapped into width (its longest word may stick out)."""
    metrics = _metrics(px, fonts.generation())
    return len(wrap(text, metrics, max(1.0, width))) * metrics.lineSpacing()


def widest_word(text: str, px: int) -> float:
    metrics = _metrics(px, fonts.generation())
    return max((metrics.horizontalAdvance(word) for word in text.split()), default=0.0)


def compact_card_height(title: str, marked: bool, width: float, px: int) -> float:
    """The height of a compact card of width whose title is bold at px (items.py
    compact_text_box); 0 when its longest word does not fit that width."""
    box = compact_text_box(QRectF(0, 0, width, 1000.0), px, marked)
    if box.width() <= 0:
        return 0.0
    metrics = _metrics(px, fonts.generation())
    lines = wrap(title, metrics, box.width())
    if any(metrics.horizontalAdvance(line) > box.width() for line in lines):
        return 0.0  # a word wider than the card
    return compact_height(len(lines), metrics.lineSpacing(), px)
