"""Register DejaVu Sans so every script the app accepts prints as text, not boxes; and
Noto Emoji (monochrome, SIL OFL) for the characters DejaVu has no glyph for: emoji
such as ✊🏽 🥳 printed as empty boxes (issue 17, item 6). text.para() switches to it
per run of characters; has_glyph() answers which font can draw a character."""

from __future__ import annotations

from functools import cache

from reportlab import rl_config
from reportlab.graphics.shapes import Drawing
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from coprod_desktop.files.builtin import font_path
from coprod_desktop.handout.direct_drawing import DirectDrawing

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
EMOJI = "NotoEmoji"  # one face: emoji have no bold; <b> around one keeps this face
# Compressed streams written as binary, not also ASCII85-encoded: ReportLab encodes in
# pure Python, and the text form is a quarter larger (the example's handout 172 -> 149 KB).
# Every PDF of this package imports this module, so all are written the same way.
rl_config.useA85 = 0
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", EMOJI: "NotoEmoji-Regular.ttf"}


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode map, with characters beyond U+FFFF written as UTF-16 (two
    surrogates), as the PDF reference requires. ReportLab writes <1F973>, which readers
    reject: an emoji drawn in the PDF was lost to copying, searching and screen readers."""
    cmap = _reportlab_cmap(fontname, subset)
    for code in {c for c in subset if c > 0xFFFF}:
        high, low = 0xD800 + ((code - 0x10000) >> 10), 0xDC00 + ((code - 0x10000) & 0x3FF)
        cmap = cmap.replace(f"> <{code:04X}>", f"> <{high:04X}{low:04X}>")
    return str(cmap)


_reportlab_cmap = ttfonts.makeToUnicodeCMap


def register_fonts() -> None:
    """Register the fonts once per process (safe to call again)."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    known = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in _FILES.items():
        if name not in known:
            pdfmetrics.registerFont(TTFont(name, str(font_path(filename))))
    # <b> inside a Paragraph maps to the bold face; there is no italic face shipped.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(EMOJI, bold, italic, EMOJI)


@cache
def _glyphs(name: str) -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(name)
    return frozenset(font.face.charToGlyph)


def has_glyph(name: str, ch: str) -> bool:
    """Whether the registered TrueType font name has a glyph for the character ch."""
    return ord(ch) in _glyphs(name)


def drawing(width: float, height: float) -> Drawing:
    """A Drawing whose initial font is the shipped one. ReportLab's renderer sets a
    drawing's initial font (Helvetica unless told) on the canvas before drawing it, which
    wrote an unembedded Helvetica into every PDF with a swatch or a board (issue 20).
    Painted straight onto the page where it can be (handout/direct_drawing.py)."""
    return DirectDrawing(width, height, initialFontName=REGULAR, initialFontSize=8)
