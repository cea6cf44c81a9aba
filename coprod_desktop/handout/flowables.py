"""Small building blocks shared by the sections: swatches, headings, legends."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, TableStyle
from reportlab.platypus import Table as _Table
from reportlab.platypus.doctemplate import FrameActionFlowable, FrameBreak

from coprod_desktop.domain.model import Group
from coprod_desktop.handout.fonts import BOLD, REGULAR
from coprod_desktop.handout.paragraph import Paragraph
from coprod_desktop.handout.styles import Styles, legend_items, readable_on_white
from coprod_desktop.handout.swatched import Swatched
from coprod_desktop.handout.text import ellipsize, name_para, one_line


class Table(_Table):
    """A Table whose cells start in the shipped font. ReportLab sets each cell's font
    (Helvetica unless a style says otherwise) on the canvas even when the cell holds a
    Paragraph, which wrote an unembedded Helvetica into the PDF (issue 20)."""

    def __init__(self, data: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(data, *args, **kwargs)
        self.setStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR)])

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """ReportLab's split, but a table never ends with one row alone on its last page
        (below the repeated heading row): that row's page takes the row before it too."""
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if len(parts) != 2 or not isinstance(parts[1], _Table):
            return parts
        heading = self.repeatRows if isinstance(self.repeatRows, int) else 0
        rest = len(parts[1]._cellvalues) - heading
        kept = len(parts[0]._cellvalues)
        if rest != 1 or kept < 2:
            return parts
        # Split again where the first part's last row begins.
        last_row = self._rowHeights[kept - 1]
        return list(super().split(availWidth, availHeight - last_row - 0.01))


RUN_ON_CHARS = 2000  # at most about this much markup in one paragraph of a run-on list


def run_on(items: list[str], style: ParagraphStyle) -> list[Paragraph]:
    """Items (Paragraph markup) in one paragraph, separated by ' · '. A very long list
    becomes several paragraphs, cut between items: ReportLab wraps the rest of a paragraph
    again on every page it continues on, so one huge paragraph costs quadratic time."""
    chunks: list[list[str]] = [[]]
    size = 0
    for item in items:
        if chunks[-1] and size + len(item) > RUN_ON_CHARS:
            chunks.append([])
            size = 0
        chunks[-1].append(item)
        size += len(item) + 3
    joined = style.clone(f"{style.name}_run_on", spaceAfter=0)
    return [
        Paragraph(" · ".join(chunk), style if i == len(chunks) - 1 else joined)
        for i, chunk in enumerate(chunks)
    ]


def group_heading(
    group: Group,
    styles: Styles,
    width: float,
    suffix: str = "",
    prefix: str = "",
    max_lines: int = 0,
) -> Swatched:
    """The group's name in its colour (darkened if too pale to read) beside a swatch.

    With max_lines, a name too long for that many lines is ellipsized (the board's page
    has room for the board and a heading of a line or two); else it is printed in full."""
    style = styles.h1.clone(
        "group_h1", textColor=readable_on_white(group.colour), spaceAfter=0, spaceBefore=0
    )
    size = styles.h1.fontSize
    indent = size * 1.6
    name = group.name
    if max_lines:
        # A line's end wastes up to a letter (an em); the prefix and suffix take their share.
        room = max_lines * (width - indent - size) - stringWidth(prefix + suffix, BOLD, size)
        name = ellipsize(name, BOLD, size, max(room, 0.0))
    # The name moves to the next line whole when it fits on one; a suffix (" · board")
    # may break after its dot, never before it.
    suffix = suffix.replace(" \u00b7 ", "\u00a0\u00b7 ")
    text = (
        (f'<font color="#555555">{prefix}</font>' if prefix else "")
        + name_para(name, BOLD, size, width - indent)
        + (f'<font color="#555555">{suffix}</font>' if suffix else "")
    )
    return Swatched(group.colour, size, Paragraph(text, style), indent, padding=styles.base * 0.6)


def group_line(group: Group, styles: Styles, width: float) -> Swatched:
    """A swatch and the group's name, for the list of groups."""
    size = styles.base * 1.2
    style = styles.body.clone("group_line", spaceBefore=0, spaceAfter=0)
    return Swatched(
        group.colour,
        size,
        Paragraph(name_para(group.name, style.fontName, style.fontSize, width - size * 1.8), style),
        size * 1.8,
        padding=styles.base * 0.3,
    )


def legend(styles: Styles, width: float) -> Table:
    """The card-kind markers in one line, as printed on the boards; in two lines when a
    kind's name does not fit a quarter of the width (large print), never broken."""
    items = [f"{mark}\u00a0{label}" for mark, label in legend_items()]
    style = styles.small
    columns = len(items)
    pad = 6.0  # the table's right padding
    widest = max(stringWidth(one_line(item), style.fontName, style.fontSize) for item in items)
    if widest > width / columns - pad:
        columns = (columns + 1) // 2
    cells = [Paragraph(item, style) for item in items]
    cells += [Paragraph("", style)] * (-len(cells) % columns)
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    table = Table(rows, colWidths=[width / columns] * columns, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("LINEABOVE", (0, 0), (-1, 0), 0.4, colors.HexColor("#bbbbbb")),
            ]
        )
    )
    return table


def _outline(canv: Any, title: str, level: int) -> None:
    """A bookmark in the PDF's outline (the viewer's side panel) for the current page.

    The handout's canvas holds its pages back until the end (for "page N of M"), so the
    entry is noted with the page and made when the page is written (see
    document._canvas_class); made now, every entry would point at the first page."""
    marks = getattr(canv, "_coprod_marks", None)
    if marks is None:  # a plain canvas writes its pages as they come
        add_outline_entry(canv, title, level)
    else:
        marks.append((title, level))


def add_outline_entry(canv: Any, title: str, level: int) -> None:
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
        canv._coprod_section = self.name
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
        self.canv._coprod_booklet = self.booklet
        _outline(self.canv, f"Booklet: {one_line(self.booklet[1])}", 0)


class KeepWithLast(FrameActionFlowable):
    """Put just before before, so that last (short lists that end a section) never
    start a page alone: when before fits on this page but before and last do not, and
    all fit on a fresh page, the page ends here and all go to the next one."""

    def __init__(self, before: Flowable, last: list[Flowable]) -> None:
        self.before = before
        self.last = last

    def frameAction(self, frame: Any) -> None:  # noqa: N802 (ReportLab's name)
        width = frame._getAvailableWidth()
        room = frame._y - frame._y1p
        before = _height(self.before, width, frame._aH)
        both = before + sum(_height(f, width, frame._aH) for f in self.last)
        # As the frame counts: the space before collapses into the space after what is
        # above, and the last space after needs no room at the bottom of a page.
        parts = self.before._content if isinstance(self.before, KeepTogether) else [self.before]
        fits = before - parts[-1].getSpaceAfter()
        fits -= min(parts[0].getSpaceBefore(), getattr(frame, "_prevASpace", 0.0))
        if fits <= room < both and both <= frame._aH and not frame._atTop:
            frame.add_generated_content(FrameBreak())


def _height(flowable: Flowable, width: float, height: float) -> float:
    """The height flowable takes in a frame, with its spaces before and after."""
    if isinstance(flowable, KeepTogether):
        return sum(_height(f, width, height) for f in flowable._content)
    return float(
        flowable.wrap(width, height)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    )
