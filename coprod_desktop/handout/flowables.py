"""Small building blocks shared by the sections: swatches, headings, legends."""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from ..model import Group
from .styles import INK, Styles, colour, legend_items, readable_on_white
from .text import one_line, para


def swatch(hex_colour: str, size: float) -> Drawing:
    """A filled square with a dark edge, visible even for white or yellow."""
    d = Drawing(size, size)
    d.add(Rect(0.5, 0.5, size - 1, size - 1, fillColor=colour(hex_colour), strokeColor=INK,
               strokeWidth=0.6))
    return d


def _row(left: Flowable, right: Flowable, left_width: float, width: float,
         space_after: float = 0) -> Table:
    table = Table([[left, right]], colWidths=[left_width, width - left_width],
                  hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), space_after),
    ]))
    return table


def group_heading(group: Group, styles: Styles, width: float, suffix: str = "",
                  prefix: str = "") -> Table:
    """The group's name in its colour (darkened if too pale to read) beside a swatch."""
    style = styles.h1.clone("group_h1", textColor=readable_on_white(group.colour),
                            spaceAfter=0, spaceBefore=0)
    text = ((f'<font color="#555555">{prefix}</font>' if prefix else "") + para(group.name)
            + (f'<font color="#555555">{suffix}</font>' if suffix else ""))
    size = styles.h1.fontSize
    return _row(swatch(group.colour, size), Paragraph(text, style), size * 1.6, width,
                space_after=styles.base * 0.6)


def group_line(group: Group, styles: Styles, width: float) -> Table:
    """A swatch and the group's name, for the list of groups."""
    size = styles.base * 1.2
    return _row(swatch(group.colour, size), Paragraph(para(group.name), styles.body),
                size * 1.8, width, space_after=styles.base * 0.3)


def legend(styles: Styles, width: float) -> Table:
    """The card-kind markers in one line, as printed on the boards."""
    cells = [Paragraph(f"{mark}\u00a0{label}", styles.small) for mark, label in legend_items()]
    table = Table([cells], colWidths=[width / len(cells)] * len(cells), hAlign="LEFT")
    table.setStyle(TableStyle([
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("LINEABOVE", (0, 0), (-1, 0), 0.4, colors.HexColor("#bbbbbb")),
    ]))
    return table


def _outline(canv: Any, title: str, level: int) -> None:
    """A bookmark in the PDF's outline (the viewer's side panel) for the current page."""
    count = getattr(canv, "_coprod_outlines", 0) + 1
    canv._coprod_outlines = count
    key = f"coprod-{count}"
    canv.bookmarkPage(key)
    canv.addOutlineEntry(title, key, level=level)


class SectionMarker(Flowable):
    """Invisible: tells the running header which section the page belongs to, and
    adds the section to the PDF's outline ("" is the cover)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        canv._coprod_section = self.name  # type: ignore[attr-defined]
        level = 1 if getattr(canv, "_coprod_booklet", None) else 0
        _outline(canv, one_line(self.name) or "Cover", level)


class WritingLines(Flowable):
    """Ruled lines to write an answer on."""

    def __init__(self, count: int, width: float, spacing: float, indent: float = 0) -> None:
        super().__init__()
        self.count = count
        self.line_width = width
        self.spacing = spacing
        self.indent = indent

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.line_width = min(self.line_width, aw)
        return self.line_width, self.count * self.spacing + 4

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(colors.HexColor("#b0b0b0"))
        canv.setLineWidth(0.5)
        for i in range(self.count):
            y = 4 + i * self.spacing
            canv.line(self.indent, y, self.line_width, y)
        canv.restoreState()


class BookletMarker(Flowable):
    """Invisible: tells the page footer which booklet (number and group name) the page
    belongs to, so each booklet's pages are numbered on their own."""

    def __init__(self, number: int, name: str) -> None:
        super().__init__()
        self.booklet = (number, name)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._coprod_booklet = self.booklet  # type: ignore[attr-defined]
        _outline(self.canv, f"Booklet: {one_line(self.booklet[1])}", 0)
