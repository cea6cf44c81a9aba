"""Fit a title into a box: wrap on words, shrink down to a floor, then elide."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from coprod_desktop.ui.style import fonts

_ELIDE_RIGHT = Qt.TextElideMode.ElideRight


def _pieces(
    text: str, metrics: QFontMetricsF, width: float, split_hyphens: bool = True
) -> list[tuple[str, str]]:
    """Words, each with the separator that joins it to the next; a hyphenated word
    too wide for a line on its own is split after its hyphens."""
    pieces: list[tuple[str, str]] = []
    for word in text.split():
        parts = word.split("-")
        if len(parts) == 1 or not split_hyphens or metrics.horizontalAdvance(word) <= width:
            pieces.append((word, " "))
            continue
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            pieces.append((part if last else part + "-", " " if last else ""))
    return pieces


def wrap(text: str, metrics: QFontMetricsF, width: float, split_hyphens: bool = True) -> list[str]:
    """Break on spaces, and after a hyphen only when a hyphenated word does not fit."""
    lines: list[str] = []
    current, joiner = "", ""
    for piece, sep in _pieces(text, metrics, width, split_hyphens):
        candidate = f"{current}{joiner}{piece}" if current else piece
        if metrics.horizontalAdvance(candidate) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = piece
        joiner = sep
    if current:
        lines.append(current)
    return lines or [""]


def fit_text(
    text: str, box: QRectF, max_px: float, min_px: float, bold: bool = True
) -> tuple[QFont, list[str]]:
    """The largest font (max_px down to min_px) at which text fits box. Shrinking a
    little (to 85 %) is tried before breaking a hyphenated word; at min_px what is
    left over is elided.

    Remembered per (text, box size, sizes, bold, font generation): the board repaints
    its titles on every frame of a drag, and measuring the words again each time cost
    most of it; loading the fonts again starts a new generation, so nothing goes stale.
    """
    f, lines = _fit_cached(
        text, box.width(), box.height(), max_px, min_px, bold, fonts.generation()
    )
    return QFont(f), list(lines)


@lru_cache(maxsize=8192)
def _fit_cached(
    text: str, width: float, height: float, max_px: float, min_px: float, bold: bool, _gen: int
) -> tuple[QFont, tuple[str, ...]]:
    f, lines = _fit(text, QRectF(0, 0, width, height), max_px, min_px, bold)
    return f, tuple(lines)


def _fit(
    text: str, box: QRectF, max_px: float, min_px: float, bold: bool
) -> tuple[QFont, list[str]]:
    for split_hyphens, floor in ((False, max(min_px, max_px * 0.85)), (True, min_px)):
        size = max_px
        while True:
            f = fonts.font(size, bold)
            metrics = QFontMetricsF(f)
            lines = wrap(text, metrics, box.width(), split_hyphens)
            fits_height = len(lines) * metrics.lineSpacing() <= box.height() + 0.5
            fits_width = all(metrics.horizontalAdvance(line) <= box.width() for line in lines)
            if fits_height and fits_width:
                return f, lines
            if size <= floor:
                break
            size = max(floor, size - 1)
    max_lines = max(1, int((box.height() + 0.5) // metrics.lineSpacing()))
    kept = lines[:max_lines]
    if len(lines) > max_lines:
        kept[-1] = " ".join(lines[max_lines - 1 :])
    return f, [metrics.elidedText(line, _ELIDE_RIGHT, box.width()) for line in kept]
