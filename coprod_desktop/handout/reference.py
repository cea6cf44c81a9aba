"""The reference pages at the end: definitions, principles, ladder, matrix, degrees,
what co-production is not, the three stories and the sources.

The prose comes from resources/reference (see reference_data); the ladder's rungs
and the matrix's cells come from the session's board, so they match the drawings.
Every item names its source.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, TableStyle

from coprod_desktop.domain.model import Group, Region, Session
from coprod_desktop.handout.cells import rows_fit
from coprod_desktop.handout.flowables import SectionMarker, Table
from coprod_desktop.handout.paragraph import Paragraph
from coprod_desktop.handout.reference_data import (
    Item,
    Part,
    ReferenceText,
    reference_pack,
    reference_text,
)
from coprod_desktop.handout.styles import INK, KIND_MARKERS, RULE, Styles
from coprod_desktop.handout.text import para
from coprod_desktop.handout.wording import (
    PLAIN_WORDS,
    REFERENCE_TITLE,
    SOURCE,
    SOURCES_INTRO,
    SOURCES_TITLE,
    WHY_COPRODUCTION,
    band_item,
    heading_over,
    ladder_rungs,
    matrix_cells,
    matrix_grid,
    reader_source,
    reference_sources,
    source_key,
    unique_sources,
)

__all__ = ["reader_source", "reference", "source_key", "unique_sources"]

SHADE = colors.HexColor("#f3f3f3")


def reference(
    session: Session,
    styles: Styles,
    width: float,
    groups: list[Group] | None = None,
    packs: tuple[str, ...] = (),
) -> list[Flowable]:
    """The reference; its sources name the own cards of groups (every group when None),
    so a booklet lists only its own group's. packs: reference packs after the stories."""
    ref = reference_text()
    extra = [reference_pack(p).part for p in packs]
    story: list[Flowable] = [
        SectionMarker("Reference"),
        Paragraph(REFERENCE_TITLE, styles.h1),
    ]
    story += _definitions(ref.definitions, styles)
    story += _listed(ref.principles, styles, numbered=True)
    story += _ladder(session, ref, styles, width)
    story += _matrix(session, ref.matrix, styles, width)
    story += _listed(ref.degrees, styles)
    if ref.wellbeing is not None:
        story += _wellbeing(ref.wellbeing, styles)
    story += _listed(ref.non_examples, styles, marker=KIND_MARKERS["non_example"])
    story += _stories(ref.stories, styles)
    for part in extra:
        story += _listed(part, styles)
    story += _sources(session, ref, styles, session.groups if groups is None else groups, extra)
    return story


def _source(text: str, styles: Styles, indent: bool = True) -> Paragraph:
    style = (
        styles.source
        if indent
        else styles.source.clone("source_flush", leftIndent=0, spaceBefore=styles.base * 0.3)
    )
    return Paragraph(f"<b>{SOURCE}</b> " + para(text), style)


def _explanation(styles: Styles) -> ParagraphStyle:
    """An item's explanation: indented under its title, in full black for reading."""
    return styles.card_text.clone("explanation", textColor=INK)


def _intro(part: Part, styles: Styles) -> list[Flowable]:
    heading: list[Flowable] = [Paragraph(para(part.title), styles.h2)]
    if part.intro:
        heading.append(Paragraph(para(part.intro), styles.body))
    return heading


def _entry(
    title_markup: str,
    text: str,
    styles: Styles,
    before: list[Flowable] | None = None,
    after: list[Flowable] | None = None,
) -> Flowable:
    """A title with its explanation below, kept on one page with what goes before
    (the section heading) and after (its source)."""
    parts: list[Flowable] = list(before or [])
    parts.append(Paragraph(title_markup, styles.card))
    if text.strip():
        parts.append(Paragraph(para(text), _explanation(styles)))
    parts += after or []
    return KeepTogether(parts)


def _wellbeing(item: Item, styles: Styles) -> list[Flowable]:
    heading = Paragraph(para(item.title), styles.h2)
    body = Paragraph(para(item.text), styles.body)
    return [KeepTogether([heading, body, _source(item.source, styles, indent=False)])]


def _definitions(part: Part, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = []
    for i, item in enumerate(part.items):
        parts: list[Flowable] = _intro(part, styles) if i == 0 else []
        parts.append(Paragraph(f"<b>{para(item.title)}</b>", styles.card))
        parts.append(Paragraph(f"\u201c{para(item.quote)}\u201d", styles.quote))
        parts.append(Paragraph(para(PLAIN_WORDS + item.text), _explanation(styles)))
        parts.append(_source(item.source, styles))
        story.append(KeepTogether(parts))
    return story


def _listed(part: Part, styles: Styles, numbered: bool = False, marker: str = "") -> list[Flowable]:
    """A part's items one below the other, numbered or marked, then the part's source."""
    story: list[Flowable] = []
    last = len(part.items) - 1
    for i, item in enumerate(part.items):
        lead = f"{i + 1}." if numbered else marker
        title = (f"{lead}\u00a0\u00a0" if lead else "") + f"<b>{para(item.title)}</b>"
        after = [_source(item.source, styles)] if item.source else []
        if i == last and part.source:
            after.append(_source(part.source, styles))
        story.append(
            _entry(title, item.text, styles, _intro(part, styles) if i == 0 else None, after)
        )
    return story


def _cell(text: str, styles: Styles, bold: bool = False) -> Paragraph:
    return Paragraph(para(text), styles.cell_bold if bold else styles.cell)


def _grid_style(extra: list[tuple[object, ...]]) -> TableStyle:
    return TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            *extra,
        ]
    )


def _ladder(session: Session, ref: ReferenceText, styles: Styles, width: float) -> list[Flowable]:
    rungs = ladder_rungs(session)  # top of the ladder first, as on the board
    if not rungs:
        return []
    if styles.large_print:
        return _ladder_list(rungs, ref, styles)
    rows: list[list[Flowable | str]] = []
    spans: list[tuple[object, ...]] = []
    start = 0
    for i, rung in enumerate(rungs):
        if i == 0 or rungs[i - 1].band != rung.band:
            start = i
            band = band_item(ref, rung.band)
            band_cell: Flowable | str = Paragraph(
                f"<b>{para(band.title)}</b><br/>{para(band.text)}", styles.cell
            )
        else:
            band_cell = ""
        rows.append(
            [band_cell, _cell(rung.label, styles, bold=True), _cell(rung.description, styles)]
        )
        last = i == len(rungs) - 1 or rungs[i + 1].band != rung.band
        if last and i > start:
            spans.append(("SPAN", (0, start), (0, i)))
    widths = [width * 0.4, width * 0.2, width * 0.4]
    if not rows_fit(rows, widths):  # labels or descriptions too long for a table
        return _ladder_list(rungs, ref, styles)
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(_grid_style([*spans, ("BACKGROUND", (0, 0), (0, -1), SHADE)]))
    return [
        KeepTogether(
            [
                Paragraph(para(ref.ladder.title), styles.h2),
                Paragraph(para(ref.ladder.intro), styles.body),
                table,
                _source(ref.ladder.source, styles, indent=False),
            ]
        )
    ]


def _ladder_list(rungs: list[Region], ref: ReferenceText, styles: Styles) -> list[Flowable]:
    """The ladder as headed lists, band by band (for large print)."""
    story: list[Flowable] = [
        Paragraph(para(ref.ladder.title), styles.h2),
        Paragraph(para(ref.ladder.intro), styles.body),
    ]
    for i, rung in enumerate(rungs):
        before: list[Flowable] = []
        if i == 0 or rungs[i - 1].band != rung.band:
            band = band_item(ref, rung.band)
            before = [Paragraph(para(band.title), styles.h3)]
            if band.text:
                before.append(Paragraph(para(band.text), styles.body))
        story.append(_entry(f"<b>{para(rung.label)}</b>", rung.description, styles, before))
    return [*story, _source(ref.ladder.source, styles, indent=False)]


def _matrix(session: Session, text: Item, styles: Styles, width: float) -> list[Flowable]:
    board = session.board
    cells = matrix_cells(session)
    if not cells:
        return []
    layout = matrix_grid(cells)
    xs, ys, grid = layout.xs, layout.ys, layout.grid
    story: list[Flowable] = [
        Paragraph(para(text.title), styles.h2),
        Paragraph(para(text.text), styles.body),
    ]
    if styles.large_print or not layout.full:
        # A list, row by row of the board: the cells' words do not fit a 16 pt table.
        story += _matrix_list(session, cells, grid, xs, ys, styles)
        return [*story, _source(text.source, styles, indent=False)]
    headings = [d for d in board.decorations if d.kind == "heading"]
    col_heads = [heading_over(headings, cells, x, axis=0) for x in xs]
    row_heads = [heading_over(headings, cells, y, axis=1) for y in ys]
    axis = "\n".join(d.text for d in board.decorations if d.kind == "axis")
    rows: list[list[Flowable]] = [
        [_cell(axis, styles, bold=True), *[_cell(h, styles, bold=True) for h in col_heads]]
    ]
    for y, row_head in zip(ys, row_heads, strict=True):
        row: list[Flowable] = [_cell(row_head, styles, bold=True)]
        for x in xs:
            region = grid[(y, x)]
            row.append(
                Paragraph(
                    f"<b>{para(region.label)}</b><br/>{para(region.description)}", styles.cell
                )
            )
        rows.append(row)
    first = width * 0.22
    widths = [first, *[(width - first) / len(xs)] * len(xs)]
    if not rows_fit(rows, widths):  # labels, descriptions or headings too long for a table
        story += _matrix_list(session, cells, grid, xs, ys, styles)
        return [*story, _source(text.source, styles, indent=False)]
    table = Table(rows, colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(
        _grid_style(
            [("BACKGROUND", (0, 0), (-1, 0), SHADE), ("BACKGROUND", (0, 0), (0, -1), SHADE)]
        )
    )
    return [KeepTogether([*story, table, _source(text.source, styles, indent=False)])]


def _matrix_list(
    session: Session,
    cells: list[Region],
    grid: dict[tuple[float, float], Region],
    xs: list[float],
    ys: list[float],
    styles: Styles,
) -> list[Flowable]:
    """The matrix's cells as headed lists, one heading per row of the board."""
    story: list[Flowable] = []
    heads = [d for d in session.board.decorations if d.kind == "heading"]
    for y in ys:
        row_cells = [grid[(y, x)] for x in xs if (y, x) in grid]
        if not row_cells:
            continue
        head = heading_over(heads, cells, y, axis=1)
        before = [Paragraph(para(head), styles.h3)] if head else []
        story += [
            _entry(f"<b>{para(r.label)}</b>", r.description, styles, before if i == 0 else None)
            for i, r in enumerate(row_cells)
        ]
    listed = {id(r) for r in grid.values()}
    story += [
        _entry(f"<b>{para(r.label)}</b>", r.description, styles)
        for r in cells
        if id(r) not in listed
    ]
    return story


def _stories(part: Part, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = []
    last = len(part.items) - 1
    for i, item in enumerate(part.items):
        head: list[Flowable] = _intro(part, styles) if i == 0 else []
        head += [
            Paragraph(f"<b>{para(item.title)}</b>", styles.h3),
            Paragraph(para(item.text), styles.body),
        ]
        story.append(KeepTogether(head))
        why: list[Flowable] = [Paragraph(f"<b>{WHY_COPRODUCTION}</b>", styles.body)]
        why += [Paragraph("•\u00a0\u00a0" + para(w), styles.bullet) for w in item.why]
        sources = [item.source] if item.source else []
        if i == last and part.source:
            sources.append(part.source)
        why += [_source(s, styles) for s in sources]
        story.append(KeepTogether(why))
    return story


def _sources(
    session: Session,
    ref: ReferenceText,
    styles: Styles,
    groups: list[Group],
    extra: list[Part] | None = None,
) -> list[Flowable]:
    """Every source named in the session's deck and board, the groups' own cards and the
    reference, once (see source_key)."""
    sources = reference_sources(session, ref, groups, extra)
    story: list[Flowable] = [
        Paragraph(SOURCES_TITLE, styles.h2),
        Paragraph(SOURCES_INTRO, styles.body),
    ]
    item = styles.small.clone("source_item", leftIndent=styles.base, firstLineIndent=-styles.base)
    story += [Paragraph("•\u00a0\u00a0" + para(s), item) for s in sources]
    return story
