"""Assemble the handout: page templates, running header and footer, metadata, story."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER, landscape, portrait
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)
from reportlab.platypus.doctemplate import FrameActionFlowable

from coprod_desktop.domain.model import Group, Session
from coprod_desktop.handout.comparison import comparison
from coprod_desktop.handout.cover_key import CoverKey, DeferredKey
from coprod_desktop.handout.debrief import debrief
from coprod_desktop.handout.flowables import BookletMarker, SectionMarker, add_outline_entry
from coprod_desktop.handout.fonts import REGULAR, register_fonts
from coprod_desktop.handout.options import HandoutOptions
from coprod_desktop.handout.page_refs import Ref, destination, draw_refs
from coprod_desktop.handout.paragraph import Paragraph, clear_parsed
from coprod_desktop.handout.questions import questions
from coprod_desktop.handout.reference import reference
from coprod_desktop.handout.sections import cover, group_section, key_parts
from coprod_desktop.handout.styles import MUTED, RULE, Styles, make_styles
from coprod_desktop.handout.text import draw_string, ellipsize, one_line

log = logging.getLogger(__name__)

PAPER_SIZES = {"a4": A4, "letter": LETTER}
SIDE = 15 * mm
TOP = 18 * mm
BOTTOM = 16 * mm
HEADER_SIZE = 8.0
LARGE_HEADER_SIZE = 11.0
BLANK_NOTE = "This page is left blank: the next booklet starts on a new sheet."
LANGUAGE = "en-GB"  # the handout's own words; the PDF's /Lang


def build_pdf(session: Session, options: HandoutOptions) -> tuple[bytes, int]:
    register_fonts()
    clear_parsed()
    styles = make_styles(options)
    upright = portrait(PAPER_SIZES[options.paper])
    wide = landscape(upright)
    buffer = io.BytesIO()
    title = one_line(session.title) or "Co-production workshop"
    doc = BaseDocTemplate(
        buffer,
        pagesize=upright,
        leftMargin=SIDE,
        rightMargin=SIDE,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=title,
        author=_author(session),
        subject=_subject(session, options),
        creator="coprod-desktop",
        keywords="co-production, card sort, workshop handout",
        invariant=1 if options.invariant else 0,
        lang=LANGUAGE,
        displayDocTitle=1,
        initialFontName=REGULAR,
    )
    doc.addPageTemplates([_template("portrait", upright), _template("landscape", wide)])
    sizes = _Sizes(
        portrait_width=upright[0] - 2 * SIDE,
        board_box=(wide[0] - 2 * SIDE, wide[1] - TOP - BOTTOM - 12),
        portrait_board_box=(upright[0] - 2 * SIDE, upright[1] - TOP - BOTTOM - 12),
    )  # 12: paddings
    if options.booklets:
        story: list[Any] = []
        start: _BookletStart | None = None
        for number, group in enumerate(session.groups, 1):
            if start is not None:
                story.append(_BookletBreak(start, Paragraph(BLANK_NOTE, styles.small)))
            start = _BookletStart(doc)
            story += [start, BookletMarker(number, group.name)]
            story += _handout(
                session,
                [group],
                styles,
                sizes,
                booklet=group,
                packs=options.packs,
                with_key=options.key,
            )
    else:
        story = _handout(
            session, session.groups, styles, sizes, packs=options.packs, with_key=options.key
        )
    pages: list[int] = []
    doc.build(
        story,
        canvasmaker=_canvas_class(
            title, pages, LARGE_HEADER_SIZE if options.large_print else HEADER_SIZE
        ),
    )
    log.info("handout of %r: %d page(s)", title, pages[0])
    return buffer.getvalue(), pages[0]


@dataclass(frozen=True)
class _Sizes:
    portrait_width: float
    board_box: tuple[float, float]  # room for a board drawing on a landscape page
    portrait_board_box: tuple[float, float]  # and on a portrait page (large print)


def _handout(
    session: Session,
    groups: list[Group],
    styles: Styles,
    sizes: _Sizes,
    booklet: Group | None = None,
    packs: tuple[str, ...] = (),
    with_key: bool = True,
) -> list[Any]:
    """Cover, the groups' sections, the comparison, the reference and the questions."""
    width = sizes.portrait_width
    front = cover(session, styles, width, booklet)
    story: list[Any] = [SectionMarker(""), *front]
    cover_key = next((f for f in front if isinstance(f, CoverKey)), None)
    for i, group in enumerate(groups):
        key = (
            DeferredKey(cover_key, key_parts(styles, width))
            if i == 0 and cover_key is not None
            else None
        )
        story += group_section(
            session, group, styles, sizes.board_box, width, key, sizes.portrait_board_box
        )
    across = comparison(session, styles, width)
    if across:
        story += [NextPageTemplate("portrait"), PageBreak(), *across]
    after = debrief(session, styles, key=with_key)  # the key, the rounds' moves, the votes
    if after:
        story += [NextPageTemplate("portrait"), PageBreak(), *after]
    story += [
        NextPageTemplate("portrait"),
        PageBreak(),
        *reference(session, styles, width, groups, packs),
    ]
    story += [PageBreak(), *questions(styles, width, packs)]
    return story


class _BookletStart(FrameActionFlowable):
    """Remembers the page a booklet starts on."""

    def __init__(self, doc: BaseDocTemplate) -> None:
        self.doc = doc
        self.page = 1

    def frameAction(self, frame: Any) -> None:  # noqa: N802 (ReportLab's name)
        self.page = self.doc.page


class _BookletBreak(FrameActionFlowable):
    """Ends a booklet: a page break, and a blank page after it when the booklet has an
    odd number of pages, so the next booklet starts on a right-hand (odd) page."""

    def __init__(self, start: _BookletStart, blank_note: Flowable) -> None:
        self.start = start
        self.blank_note = blank_note

    def frameAction(self, frame: Any) -> None:  # noqa: N802 (ReportLab's name)
        used = self.start.doc.page - self.start.page + 1
        if used % 2:
            frame.add_generated_content(
                PageBreak(nextTemplate="portrait"),
                self.blank_note,
                PageBreak(nextTemplate="portrait"),
            )
        else:
            frame.add_generated_content(PageBreak(nextTemplate="portrait"))


def _subject(session: Session, options: HandoutOptions) -> str:
    subject = (
        f"Handout of a co-production card sort: {len(session.groups)} group(s) on "
        f"the board \u201c{one_line(session.board.title)}\u201d"
    )
    if options.booklets:
        subject += ", one booklet per group"
    return subject


def _author(session: Session) -> str:
    facilitator = one_line(session.facilitator)
    return f"coprod-desktop, facilitator {facilitator}" if facilitator else "coprod-desktop"


def _template(name: str, size: tuple[float, float]) -> PageTemplate:
    frame = Frame(SIDE, BOTTOM, size[0] - 2 * SIDE, size[1] - TOP - BOTTOM, id=name)
    return PageTemplate(id=name, frames=[frame], pagesize=size)


def _canvas_class(title: str, pages: list[int], size: float = HEADER_SIZE) -> type[Canvas]:
    """A canvas that holds pages back until the end, to print 'page N of M' and headers.

    Pages are numbered within their booklet when the handout is made of booklets;
    the first page of the handout (or of each booklet) is its cover, without a header."""

    class HandoutCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []
            self._coprod_section = ""
            self._coprod_booklet: tuple[int, str] | None = None
            self._coprod_marks: list[tuple[str, int]] = []  # outline entries of this page
            self._coprod_refs: list[Ref] = []  # page numbers to print on this page
            self._coprod_targets: list[str] = []  # what starts on this page

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._held.append(dict(self.__dict__))
            self._coprod_marks = []
            self._coprod_refs = []
            self._coprod_targets = []
            self._startPage()

        def save(self) -> None:
            pages.append(len(self._held))
            totals: dict[int, int] = {}
            for state in self._held:
                key = _booklet_number(state)
                totals[key] = totals.get(key, 0) + 1
            seen: dict[int, int] = {}
            starts: dict[int, dict[str, int]] = {}  # booklet -> target -> its page
            for state in self._held:
                key = _booklet_number(state)
                seen[key] = seen.get(key, 0) + 1
                for target in state["_coprod_targets"]:
                    starts.setdefault(key, {}).setdefault(target, seen[key])
            seen = {}
            for state in self._held:
                key = _booklet_number(state)
                seen[key] = seen.get(key, 0) + 1
                links = int(getattr(self, "_annotationCount", 0))  # made now, not when held
                self.__dict__.update(state)
                self._annotationCount = links
                self._decorate(seen[key], totals[key])
                for target in state["_coprod_targets"]:
                    self.bookmarkPage(destination(key, target))
                draw_refs(self, state["_coprod_refs"], starts.get(key, {}), key)
                for title_, level in state["_coprod_marks"]:
                    add_outline_entry(self, title_, level)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFont(REGULAR, size)
            self.setFillColor(MUTED)
            footer = f"Page {number} of {total}"
            if self._coprod_booklet is not None:  # a long name is cut, the page number kept
                room = width - 2 * SIDE - stringWidth(f"Booklet:  · {footer}", REGULAR, size)
                name = ellipsize(self._coprod_booklet[1], REGULAR, size, room)
                footer = f"Booklet: {name} · {footer}"
            footer = ellipsize(footer, REGULAR, size, width - 2 * SIDE)
            draw_string(self, width / 2, BOTTOM / 2, footer, REGULAR, size, "middle")
            if number > 1:
                section = one_line(self._coprod_section)
                right_width = min(width * 0.35, width - 2 * SIDE) if section else 0
                y = height - TOP / 2
                left = ellipsize(title, REGULAR, size, width - 2 * SIDE - right_width - 12)
                draw_string(self, SIDE, y, left, REGULAR, size)  # emoji: Noto Emoji
                if section:
                    right = ellipsize(section, REGULAR, size, right_width)
                    draw_string(self, width - SIDE, y, right, REGULAR, size, "end")
                self.setStrokeColor(RULE)
                self.setLineWidth(0.4)
                self.line(SIDE, y - 4, width - SIDE, y - 4)
            self.restoreState()

    return HandoutCanvas


def _booklet_number(state: dict[str, Any]) -> int:
    booklet = state.get("_coprod_booklet")
    return booklet[0] if booklet else 0
