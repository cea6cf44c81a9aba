"""Fit a title into a box: wrap on words, shrink down to a floor, then elide."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from .theme import font

_ELIDE_RIGHT = Qt.TextElideMode.ElideRight


def wrap(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if metrics.horizontalAdvance(candidate) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines or [""]


def fit_text(
    text: str, box: QRectF, max_px: float, min_px: float, bold: bool = True
) -> tuple[QFont, list[str]]:
    """The largest font (max_px down to min_px) at which text fits box; elided at min_px."""
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
    return f, lines

