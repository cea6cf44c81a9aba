"""The facilitator's sheet: the board's prompts and the deck's key, for the facilitator only.

A PDF of its own (coprod-desktop handout SESSION.json -o OUT.pdf --facilitator), never part
of the participants' handout: the prompts help a group decide, the key is the facilitator's
reading of the sources with its confidence and reasoning, to bring out in the debrief. Every
page says who it is for.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.pagesizes import portrait
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
)

from coprod_desktop.domain.model import Board, Card, Region, Session
from coprod_desktop.handout.document import (
    BOTTOM,
    HEADER_SIZE,
    LANGUAGE,
    LARGE_HEADER_SIZE,
    PAPER_SIZES,
    SIDE,
    TOP,
)
from coprod_desktop.handout.fonts import REGULAR, register_fonts
from coprod_desktop.handout.options import HandoutOptions
from coprod_desktop.handout.paragraph import Paragraph
from coprod_desktop.handout.styles import MUTED, Styles, make_styles
from coprod_desktop.handout.text import draw_string, ellipsize, one_line, para

FOOTER = "Facilitator's sheet: not for participants"
INTRO = (
    "For the facilitator only; keep it off the tables. The prompts are questions that help "
    "a group decide where a card goes. The key is the facilitator's reading of the sources "
    "named on each card and on the board, not a verdict: where it says contested, the "
    "sources support more than one answer, and a group that argues well for another place "
    "has done the exercise. Use it in the debrief, after the groups have decided."
)
CONFIDENCE_WORDS = {
    "high": "high: the sources point here",
    "medium": "medium: the likeliest reading, others are fair",
    "contested": "contested: the sources support more than one answer",
}


def facilitator_bytes(session: Session, options: HandoutOptions) -> tuple[bytes, int]:
    """The facilitator's sheet as PDF bytes, with its number of pages."""
    register_fonts()
    styles = make_styles(options)
    size = portrait(PAPER_SIZES[options.paper])
    buffer = io.BytesIO()
    title = one_line(session.title) or "Co-production workshop"
    doc = BaseDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=SIDE,
        rightMargin=SIDE,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=f"Facilitator's sheet: {title}",
        author="coprod-desktop",
        subject="Prompts and the facilitator's key of a co-production card sort",
        creator="coprod-desktop",
        invariant=1 if options.invariant else 0,
        lang=LANGUAGE,
        displayDocTitle=1,
        initialFontName=REGULAR,
    )
    pages: list[int] = []
    font_size = LARGE_HEADER_SIZE if options.large_print else HEADER_SIZE

    def footer(canvas: Any, doc_: Any) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, font_size)
        canvas.setFillColor(MUTED)
        text = f"{FOOTER} · {title} · Page {doc_.page}"
        text = ellipsize(text, REGULAR, font_size, size[0] - 2 * SIDE)
        draw_string(canvas, size[0] / 2, BOTTOM / 2, text, REGULAR, font_size, "middle")
        canvas.restoreState()
        pages[:] = [doc_.page]

    frame = Frame(SIDE, BOTTOM, size[0] - 2 * SIDE, size[1] - TOP - BOTTOM, id="sheet")
    doc.addPageTemplates([PageTemplate(id="sheet", frames=[frame], onPage=footer)])
    doc.build(sheet_story(session, styles))
    return buffer.getvalue(), pages[0]


def sheet_story(session: Session, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph("Facilitator's sheet", styles.h1),
        Paragraph(para(session.title), styles.h2),
        Paragraph(para(INTRO), styles.body),
    ]
    story += _prompts(session.board, styles)
    story += _key(session, styles)
    return story


def _regions_in_order(board: Board, lens: str) -> list[Region]:
    regions = [r for r in board.regions if r.lens == lens]
    if all(r.rank is not None for r in regions):  # a ladder: from the top rung down
        regions.sort(key=lambda r: -(r.rank or 0))
    return regions


def _lens_ids(board: Board) -> list[str]:
    declared = [lens.id for lens in board.lenses]
    return declared + [r.lens for r in board.regions if r.lens not in declared]


def _lens_label(board: Board, lens_id: str) -> str:
    return next((lens.label for lens in board.lenses if lens.id == lens_id), lens_id)


def _prompts(board: Board, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("Prompts: questions that help a group decide", styles.h2)]
    if not any(r.prompts for r in board.regions):
        return [*story, Paragraph("This board has no prompts.", styles.body)]
    for lens_id in dict.fromkeys(_lens_ids(board)):
        regions = [r for r in _regions_in_order(board, lens_id) if r.prompts]
        if not regions:
            continue
        story.append(Paragraph(f"<b>{para(_lens_label(board, lens_id))}</b>", styles.card))
        for region in regions:
            lines = [Paragraph(f"<b>{para(region.label)}</b>", styles.card_text)]
            lines += [
                Paragraph(
                    "•\u00a0\u00a0" + para(p), styles.card_text.clone("prompt", leftIndent=12)
                )
                for p in region.prompts
            ]
            story.append(KeepTogether(lines))
    return story


def _key(session: Session, styles: Styles) -> list[Flowable]:
    board = session.board
    labels = {r.id: r.label for r in board.regions}
    lenses = {r.id: r.lens for r in board.regions}
    keyed = [c for c in session.deck.cards if c.reference]
    story: list[Flowable] = [
        Paragraph("The facilitator's key: a reading of the sources, not a verdict", styles.h2),
    ]
    if not keyed:
        return [*story, Paragraph("No card in this deck has a key.", styles.body)]
    story.append(
        Paragraph(
            f"{len(keyed)} of {len(session.deck.cards)} cards have a key. Principles have none: "
            "they are marked on cards, not placed. Confidence: "
            + "; ".join(CONFIDENCE_WORDS.values())
            + ".",
            styles.body,
        )
    )
    for card in keyed:
        story.append(_keyed_card(card, board, labels, lenses, styles))
    return story


def _keyed_card(
    card: Card, board: Board, labels: dict[str, str], lenses: dict[str, str], styles: Styles
) -> Flowable:
    parts: list[Flowable] = [Paragraph(f"<b>{para(card.title)}</b>", styles.card)]
    for place in card.reference:
        lens = _lens_label(board, lenses.get(place.region, ""))
        where = labels.get(place.region, place.region)
        parts.append(
            Paragraph(
                f"{para(lens)}: <b>{para(where)}</b> ({para(place.confidence)}). {para(place.why)}",
                styles.card_text,
            )
        )
    if card.source:
        parts.append(Paragraph("Source: " + para(card.source), styles.source))
    return KeepTogether(parts)
