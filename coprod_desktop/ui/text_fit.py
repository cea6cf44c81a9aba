"""Fit a title into a box: wrap on words, shrink down to a floor, then elide."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from .theme import font

_ELIDE_RIGHT = Qt.TextElideMode.ElideRight


def _pieces(text: str) -> list[tuple[str, str]]:
    """Words and hyphenated parts, each with the separator that joins it to the next."""
    pieces: list[tuple[str, str]] = []
    for word in text.split():
        parts = word.split("-")
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            pieces.append((part if last else part + "-", " " if last else ""))
    return pieces


def wrap(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """Break on spaces, and after a hyphen when a hyphenated word does not fit."""
    lines: list[str] = []
    current, joiner = "", ""
    for piece, sep in _pieces(text):
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
    """The largest font (max_px down to min_px) at which text fits box; elided at min_px.

    Remembered per (text, box size, sizes): every card is repainted on every frame of a
    drag, and measuring the words again each time cost most of a frame.
    """
    f, lines = _fit_cached(text, box.width(), box.height(), max_px, min_px, bold)
    return QFont(f), list(lines)


@lru_cache(maxsize=8192)
def _fit_cached(
    text: str, width: float, height: float, max_px: float, min_px: float, bold: bool
) -> tuple[QFont, tuple[str, ...]]:
    box = QRectF(0, 0, width, height)
    size = max_px
    while True:
        f = font(size, bold)
        metrics = QFontMetricsF(f)
        lines = wrap(text, metrics, box.width())
        fits_height = len(lines) * metrics.lineSpacing() <= box.height() + 0.5
        fits_width = all(metrics.horizontalAdvance(line) <= box.width() for line in lines)
        if (fits_height and fits_width) or size <= min_px:
            break
        size = max(min_px, size - 1)
    max_lines = max(1, int((box.height() + 0.5) // metrics.lineSpacing()))
    if len(lines) > max_lines or not fits_width:
        kept = lines[:max_lines]
        rest = " ".join(lines[max_lines - 1 :]) if len(lines) > max_lines else kept[-1]
        kept[-1] = metrics.elidedText(rest, _ELIDE_RIGHT, box.width())
        kept = [metrics.elidedText(line, _ELIDE_RIGHT, box.width()) for line in kept]
        lines = kept
    return f, tuple(lines)

