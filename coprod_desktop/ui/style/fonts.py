"""The shipped fonts: registering DejaVu Sans and making a font of a pixel size.

Fitted text remembers its measurements per font generation: load_fonts() starts a
new generation, so titles fitted before it are measured again (see text_fit).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from coprod_desktop.files.builtin import font_path

FONT_FAMILY = "DejaVu Sans"

_generation = 0


def load_fonts() -> None:
    """Register the shipped DejaVu fonts so every machine renders the same glyphs."""
    global _generation
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(font_path(name)))
    _generation += 1  # text measured before now used another font


def generation() -> int:
    """How many times the fonts were (re)loaded: part of every remembered measurement."""
    return _generation


def font(pixel_size: float, bold: bool = False) -> QFont:
    f = QFont(FONT_FAMILY)
    f.setPixelSize(max(1, round(pixel_size)))
    f.setBold(bold)
    return f
