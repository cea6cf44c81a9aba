"""Assemble the handout: page templates, running header and footer, metadata, story."""

from __future__ import annotations

import io
import logging
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER, landscape, portrait
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate

from ..model import Session
from .fonts import REGULAR, register_fonts
from .options import HandoutOptions
from .reference import reference
from .sections import cover, group_section
from .styles import MUTED, RULE, make_styles
from .text import ellipsize, one_line

log = logging.getLogger(__name__)

PAPER_SIZES = {"a4": A4, "letter": LETTER}
SIDE = 15 * mm
TOP = 18 * mm
BOTTOM = 16 * mm
HEADER_SIZE = 8.0


def build_pdf(session: Session, options: HandoutOptions) -> tuple[bytes, int]:
    register_fonts()
    styles = make_styles(options)
    upright = portrait(PAPER_SIZES[options.paper])
    wide = landscape(upright)
    buffer = io.BytesIO()
    title = one_line(session.title) or "Co-production workshop"
    doc = BaseDocTemplate(
        buffer,
        pagesize=upright,
        leftMargin=SIDE, rightMargin=SIDE, topMargin=TOP, bottomMargin=BOTTOM,
        title=title,
        author=_author(session),
        subject=f"Handout of a co-production card sort: {len(session.groups)} group(s) on "
                f"the board \u201c{one_line(session.board.title)}\u201d",
        creator="coprod-desktop",
        keywords="co-production, card sort, workshop handout",
        invariant=1 if options.invariant else 0,
        lang="en",
        displayDocTitle=1,
        initialFontName=REGULAR,
    )
    doc.addPageTemplates([_template("portrait", upright), _template("landscape", wide)])
    portrait_width = upright[0] - 2 * SIDE
    story: list[Any] = cover(session, styles, portrait_width)
    board_box = (wide[0] - 2 * SIDE, wide[1] - TOP - BOTTOM - 12)  # 12: frame paddings
    for group in session.groups:
        story += group_section(session, group, styles, board_box, portrait_width)
    story += [NextPageTemplate("portrait"), PageBreak(), *reference(session, styles,
                                                                    portrait_width)]
    pages: list[int] = []
    doc.build(story, canvasmaker=_canvas_class(title, pages))
    log.info("handout of %r: %d page(s)", title, pages[0])
    return buffer.getvalue(), pages[0]


def _author(session: Session) -> str:
    facilitator = one_line(session.facilitator)
    return f"coprod-desktop, facilitator {facilitator}" if facilitator else "coprod-desktop"


def _template(name: str, size: tuple[float, float]) -> PageTemplate:
    frame = Frame(SIDE, BOTTOM, size[0] - 2 * SIDE, size[1] - TOP - BOTTOM, id=name)
    return PageTemplate(id=name, frames=[frame], pagesize=size)


def _canvas_class(title: str, pages: list[int]) -> type[Canvas]:
    """A canvas that holds pages back until the end, to print 'page N of M' and headers."""

    class HandoutCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []
            self._coprod_section = ""

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            pages.append(total)
            for number, state in enumerate(self._held, 1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFont(REGULAR, HEADER_SIZE)
            self.setFillColor(MUTED)
            self.drawCentredString(width / 2, BOTTOM / 2, f"Page {number} of {total}")
            if number > 1:
                section = one_line(self._coprod_section)
                right_width = min(width * 0.35, width - 2 * SIDE) if section else 0
                y = height - TOP / 2
                left = ellipsize(title, REGULAR, HEADER_SIZE, width - 2 * SIDE - right_width - 12)
                self.drawString(SIDE, y, left)
                if section:
                    self.drawRightString(width - SIDE, y, ellipsize(
                        section, REGULAR, HEADER_SIZE, right_width))
                self.setStrokeColor(RULE)
                self.setLineWidth(0.4)
                self.line(SIDE, y - 4, width - SIDE, y - 4)
            self.restoreState()

    return HandoutCanvas
