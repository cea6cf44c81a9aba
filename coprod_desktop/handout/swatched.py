"""A colour swatch beside a paragraph (a group's name): a flowable that splits across
pages like the paragraph does, however long the name is.

A one-row Table did this before; a row taller than a page cannot be laid out
(ReportLab's LayoutError), and splitting it inside the row left blank space behind.
"""

from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.platypus import Flowable, Paragraph

from coprod_desktop.handout.fonts import drawing
from coprod_desktop.handout.styles import INK, colour


def swatch(hex_colour: str, size: float) -> Drawing:
    """A filled square with a dark edge, visible even for white or yellow."""
    d = drawing(size, size)
    d.add(
        Rect(
            0.5,
            0.5,
            size - 1,
            size - 1,
            fillColor=colour(hex_colour),
            strokeColor=INK,
            strokeWidth=0.6,
        )
    )
    return d


class Swatched(Flowable):
    """A square of hex_colour (size points) at the left, the paragraph indent points in.

    The swatch sits beside the paragraph's first line (centred on it; both centred when
    the paragraph is lower than the swatch). Below them is padding points of space, part
    of the height as in a table cell. When the paragraph goes on to the next page, the
    rest keeps the indent, without a swatch, and the padding."""

    def __init__(
        self,
        hex_colour: str,
        size: float,
        paragraph: Paragraph,
        indent: float,
        padding: float = 0.0,
        *,
        with_swatch: bool = True,
    ) -> None:
        super().__init__()
        self.hex_colour = hex_colour
        self.size = size
        self.paragraph = paragraph
        self.indent = indent
        self.padding = padding
        self.with_swatch = with_swatch
        self._para_height = 0.0

    def _swatch_height(self) -> float:
        return self.size if self.with_swatch else 0.0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        _, self._para_height = self.paragraph.wrap(max(aw - self.indent, 1.0), ah)
        self.width = aw
        self.height = max(self._swatch_height(), self._para_height) + self.padding
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        if ah < self._swatch_height():
            return []
        parts = self.paragraph.split(max(aw - self.indent, 1.0), ah)  # the padding goes on
        if len(parts) < 2:
            return []
        first, rest = parts[0], parts[1]
        return [
            Swatched(
                self.hex_colour, self.size, first, self.indent, 0.0, with_swatch=self.with_swatch
            ),
            Swatched(
                self.hex_colour, self.size, rest, self.indent, self.padding, with_swatch=False
            ),
        ]

    def _text_y(self) -> float:
        return self.padding + max(self.height - self.padding - self._para_height, 0.0) / 2

    def first_baseline(self) -> float:
        """The height of the paragraph's first baseline above the flowable's bottom."""
        return self._text_y() + self._para_height - float(self.paragraph.style.fontSize)

    def draw(self) -> None:
        text_height = self._para_height
        text_y = self._text_y()
        self.paragraph.drawOn(self.canv, self.indent, text_y)
        if self.with_swatch:
            first_line = min(self.paragraph.style.leading, text_height) or self.size
            centre = text_y + text_height - first_line / 2
            y = min(max(centre - self.size / 2, self.padding), self.height - self.size)
            renderPDF.draw(swatch(self.hex_colour, self.size), self.canv, 0, y)
