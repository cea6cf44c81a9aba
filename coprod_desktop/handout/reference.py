"""The reference pages at the end: principles, ladder, matrix, non-examples, sources.

Everything comes from the session's own deck and board, so a session made with
another deck or board still gets a truthful reference.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from ..model import Decoration, Region, Session
from .flowables import SectionMarker
from .styles import KIND_MARKERS, RULE, Styles
from .text import para

# The three bands of the ladder as NEF groups them, summarised in our own words.
BANDS = {
    "with": ("Doing with", "Power shifts towards people: their voices are heard, valued and "
             "acted on, in equal and reciprocal relationships with professionals."),
    "for": ("Doing for", "Services are designed with people's interests in mind, but people "
            "are at most informed, consulted or engaged; professionals decide."),
    "to": ("Doing to", "People are passive recipients; professionals hold the power and make "
           "all the decisions."),
}
NUMBER_WORDS = {3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}


def reference(session: Session, styles: Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = [SectionMarker("Reference"),
                             Paragraph("Co-production: a short reference", styles.h1)]
    story += _principles(session, styles)
    story += _ladder(session, styles, width)
    story += _matrix(session, styles, width)
    story += _non_examples(session, styles)
    story += _sources(session, styles)
    return story


def _principles(session: Session, styles: Styles) -> list[Flowable]:
    cards = [c for c in session.deck.cards if c.kind == "principle"]
    if not cards:
        return []
    count = NUMBER_WORDS.get(len(cards))
    title = f"The {count} principles of co-production" if count else "Principles of co-production"
    heading = Paragraph(title, styles.h2)
    return [_entry(f"{i}.\u00a0\u00a0<b>{para(card.title)}</b>", card.text, styles,
                   heading if i == 1 else None) for i, card in enumerate(cards, 1)]


def _entry(title_markup: str, text: str, styles: Styles,
           heading: Flowable | None = None) -> Flowable:
    """A title with its explanation below (and the section heading before the first
    entry), kept on one page."""
    parts: list[Flowable] = [heading] if heading else []
    parts.append(Paragraph(title_markup, styles.card))
    if text.strip():
        parts.append(Paragraph(para(text), styles.card_text))
    return KeepTogether(parts)


def _cell(text: str, styles: Styles, bold: bool = False) -> Paragraph:
    return Paragraph(para(text), styles.cell_bold if bold else styles.cell)


def _grid_style(extra: list[tuple[object, ...]]) -> TableStyle:
    return TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        *extra,
    ])


def _ladder(session: Session, styles: Styles, width: float) -> list[Flowable]:
    rungs = sorted((r for r in session.board.regions if r.zone == "ladder"),
                   key=lambda r: r.rect[1])  # top of the ladder first, as on the board
    if not rungs:
        return []
    rows: list[list[Flowable | str]] = []
    spans: list[tuple[object, ...]] = []
    start = 0
    for i, rung in enumerate(rungs):
        first = i == 0 or rungs[i - 1].band != rung.band
        if first:
            start = i
            name, summary = BANDS.get(rung.band, (rung.band.capitalize(), ""))
            band_cell: Flowable | str = Paragraph(
                f"<b>{para(name)}</b><br/>{para(summary)}", styles.cell)
        else:
            band_cell = ""
        rows.append([band_cell, _cell(rung.label, styles, bold=True),
                     _cell(rung.description, styles)])
        last = i == len(rungs) - 1 or rungs[i + 1].band != rung.band
        if last and i > start:
            spans.append(("SPAN", (0, start), (0, i)))
    table = Table(rows, colWidths=[width * 0.33, width * 0.22, width * 0.45], hAlign="LEFT",
                  repeatRows=0)
    table.setStyle(_grid_style([*spans, ("BACKGROUND", (0, 0), (0, -1), colors.HexColor(
        "#f3f3f3"))]))
    return [KeepTogether([
        Paragraph("The ladder of co-production", styles.h2),
        Paragraph("Seven rungs in three bands, read from the top (power shared most) down "
                  "to the bottom (power held by professionals).", styles.body),
        table,
    ])]


def _matrix(session: Session, styles: Styles, width: float) -> list[Flowable]:
    board = session.board
    cells = [r for r in board.regions if r.zone == "matrix"]
    if not cells:
        return []
    xs = sorted({r.rect[0] for r in cells})
    ys = sorted({r.rect[1] for r in cells})
    story: list[Flowable] = [Paragraph("The public service matrix", styles.h2)]
    grid = {(r.rect[1], r.rect[0]): r for r in cells}
    if len(grid) != len(xs) * len(ys) or len(cells) != len(grid):
        story += [Paragraph(f"<b>{para(r.label)}</b>: {para(r.description)}", styles.body)
                  for r in cells]
        return story
    headings = [d for d in board.decorations if d.kind == "heading"]
    col_heads = [_heading_over(headings, cells, x, axis=0) for x in xs]
    row_heads = [_heading_over(headings, cells, y, axis=1) for y in ys]
    axis = "\n".join(d.text for d in board.decorations if d.kind == "axis")
    story.append(Paragraph(
        "Who plans and designs a service (rows), and who delivers it (columns). "
        "Both run from professionals alone, through professionals and people together, "
        "to people and communities alone.", styles.body))
    rows: list[list[Flowable]] = [[_cell(axis, styles, bold=True),
                                   *[_cell(h, styles, bold=True) for h in col_heads]]]
    for y, row_head in zip(ys, row_heads, strict=True):
        row: list[Flowable] = [_cell(row_head, styles, bold=True)]
        for x in xs:
            region = grid[(y, x)]
            row.append(Paragraph(f"<b>{para(region.label)}</b><br/>{para(region.description)}",
                                 styles.cell))
        rows.append(row)
    first = width * 0.22
    table = Table(rows, colWidths=[first, *[(width - first) / len(xs)] * len(xs)],
                  hAlign="LEFT")
    shade = colors.HexColor("#f3f3f3")
    table.setStyle(_grid_style([("BACKGROUND", (0, 0), (-1, 0), shade),
                                ("BACKGROUND", (0, 0), (0, -1), shade)]))
    story.append(table)
    return [KeepTogether(story)]


def _heading_over(headings: list[Decoration], cells: list[Region], start: float,
                  axis: int) -> str:
    """The heading decoration that lines up with the column (axis 0) or row (axis 1)."""
    size = next(r.rect[2 + axis] for r in cells if r.rect[axis] == start)
    for d in headings:
        lo, extent = d.rect[axis], d.rect[2 + axis]
        if lo < start + size and start < lo + extent:
            return d.text
    return ""


def _non_examples(session: Session, styles: Styles) -> list[Flowable]:
    cards = [c for c in session.deck.cards if c.kind == "non_example"]
    if not cards:
        return []
    heading = Paragraph("What co-production is not", styles.h2)
    return [_entry(f"{KIND_MARKERS['non_example']}\u00a0\u00a0{para(card.title)}", card.text,
                   styles, heading if i == 0 else None) for i, card in enumerate(cards)]


def _sources(session: Session, styles: Styles) -> list[Flowable]:
    sources: list[str] = []
    cards = [*session.deck.cards, *(c for g in session.groups for c in g.cards)]
    for text in [session.board.source, *(c.source for c in cards)]:
        text = " ".join(text.split())
        if text and text not in sources:
            sources.append(text)
    story: list[Flowable] = [Paragraph("Sources", styles.h2)]
    if not sources:
        story.append(Paragraph("No sources are named in this session's cards or board.",
                               styles.small))
    item = styles.small.clone("source", leftIndent=styles.base, firstLineIndent=-styles.base)
    story += [Paragraph("•\u00a0\u00a0" + para(s), item) for s in sources]
    story.append(Paragraph("Made with coprod-desktop.", styles.small))
    return story
