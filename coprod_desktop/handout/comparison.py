"""Across the groups (two or more), one lens at a time: on the matrix, then the ladder,
then "not", what all agreed on and what they disagreed on most (on the ladder, how many
rungs apart); then which principles the groups saw in each card, and for every card
where each group put it. The counting is in coprod_desktop.domain.compare."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    TableStyle,
)

from coprod_desktop.domain.compare import CardComparison, Comparison, compare, compare_marks
from coprod_desktop.domain.decisions import principle_numbers
from coprod_desktop.domain.model import Region, Session
from coprod_desktop.handout.cells import rows_fit
from coprod_desktop.handout.flowables import SectionMarker, Table, run_on
from coprod_desktop.handout.paragraph import Paragraph
from coprod_desktop.handout.sections import region_title
from coprod_desktop.handout.styles import FAINT, INK, RULE, Styles, marker
from coprod_desktop.handout.text import brief, name_para, para
from coprod_desktop.handout.wording import (
    ACROSS_TITLE,
    AGREED_TITLE,
    DISPUTED_TITLE,
    EVERY_CARD_HEADS,
    EVERY_CARD_INTRO,
    EVERY_CARD_NONE,
    EVERY_CARD_TITLE,
    LEFT_IN_TRAY,
    LEFT_IN_TRAY_BY,
    NUMBER_WORDS,
    ONE_REGION_INTRO,
    ONE_REGION_NONE,
    PLACED_ELSEWHERE_BY,
    PRINCIPLES_INTRO,
    PRINCIPLES_NONE,
    PRINCIPLES_TITLE,
    PUT_HERE_BY,
    across_intro,
    agreed_intro,
    apart,
    disagreement_rule,
    has_comparison,
    lens_title,
    never_placed_title,
    no_place_yet,
    none_agreed,
    none_disputed,
    unit_phrase,
    unlisted,
)

__all__ = ["NUMBER_WORDS", "comparison", "disagreement_rule"]


def comparison(session: Session, styles: Styles, width: float) -> list[Flowable]:
    """The section, or nothing when there is only one group."""
    if not has_comparison(session):
        return []
    story: list[Flowable] = [
        SectionMarker(ACROSS_TITLE),
        Paragraph(ACROSS_TITLE, styles.h1),
        Paragraph(para(across_intro(session)), styles.body),
    ]
    results = [compare(session, lens.id) for lens in session.board.lenses]
    for result in results:
        title = lens_title(result)
        story.append(CondPageBreak(styles.base * 10))
        story.append(Paragraph(para(title), styles.h2))
        if len(result.regions) == 1:  # one region ("not"): who put a card there, no dispute
            story += _one_region(result, styles)
            continue
        story += _agreed(result, styles)
        story += _disputed(result, styles)
    story += _principles_seen(session, styles)
    story += _every_card(session, results, styles, width)
    return story


def _card_title(row: CardComparison) -> str:
    return f"{marker(row.card.kind)}\u00a0\u00a0{para(brief(row.card.title))}"


def _place(region: Region) -> str:
    return para(region_title(region, short=True))


def _names(result: Comparison, indexes: tuple[int, ...]) -> str:
    return ", ".join(name_para(brief(result.group_names[i])) for i in indexes)


def _agreed(result: Comparison, styles: Styles) -> list[Flowable]:
    rows = result.agreed()
    unit = result.unit
    heading = Paragraph(AGREED_TITLE, styles.h3)
    if not rows:
        return [heading, Paragraph(para(none_agreed(unit)), styles.body)]
    story: list[Flowable] = [heading, Paragraph(para(agreed_intro(unit)), styles.body)]
    for row in rows:
        place = result.places(row)[0].region
        story.append(
            Paragraph(
                f"{_card_title(row)} <font color='#555555'>\u2192</font> {_place(place)}",
                styles.card,
            )
        )
    return story


def _place_style(styles: Styles) -> ParagraphStyle:
    """Where a card went, indented under the card."""
    return styles.card_text.clone("place", textColor=INK)


def _disputed(result: Comparison, styles: Styles) -> list[Flowable]:
    contested = result.contested()
    story: list[Flowable] = [
        Paragraph(DISPUTED_TITLE, styles.h3),
        Paragraph(para(disagreement_rule(result)), styles.small),
    ]
    if not contested.listed and not contested.two_places:
        story.append(Paragraph(para(none_disputed(result.unit)), styles.body))
        return story
    place_style = _place_style(styles)
    note_style = place_style.clone("place_note", leftIndent=place_style.leftIndent + styles.base)
    for row in contested.listed:
        parts: list[Flowable] = [
            Paragraph(
                f"{_card_title(row)} <font color='#555555'>\u2014 "
                f"{unit_phrase(result.unit, row.disagreement)}{apart(result, row.spread)}</font>",
                styles.card,
            )
        ]
        for p in result.places(row):
            parts.append(
                Paragraph(f"<b>{_place(p.region)}:</b> {_names(result, p.groups)}", place_style)
            )
            parts += _notes(result, row, p.groups, note_style)
        if row.other_lens_only_by:
            parts.append(
                Paragraph(
                    f"<b>{no_place_yet(result.unit)}:</b> {_names(result, row.other_lens_only_by)}",
                    place_style,
                )
            )
            parts += _notes(result, row, row.other_lens_only_by, note_style)
        if row.in_tray_by:
            parts.append(
                Paragraph(f"<b>{LEFT_IN_TRAY}:</b> {_names(result, row.in_tray_by)}", place_style)
            )
        story.append(KeepTogether(parts))
    after = styles.body.clone("unlisted", spaceBefore=styles.base * 0.6)
    story += [
        Paragraph(para(text), after)
        for text in unlisted(result.unit, contested.more, contested.two_places)
    ]
    return story


def _notes(
    result: Comparison, row: CardComparison, groups: tuple[int, ...], style: ParagraphStyle
) -> list[Flowable]:
    return [
        Paragraph(f"<i>{_names(result, (g,))}:</i> \u201c{para(brief(row.note(g)))}\u201d", style)
        for g in groups
        if row.note(g)
    ]


def _one_region(result: Comparison, styles: Styles) -> list[Flowable]:
    """A lens of one region: each card some group put there, by whom, and what the
    other groups did with it (a place elsewhere, or the tray)."""
    rows = result.placed()
    if not rows:
        return [Paragraph(ONE_REGION_NONE, styles.body)]
    story: list[Flowable] = [Paragraph(ONE_REGION_INTRO, styles.body)]
    place_style = _place_style(styles)
    for row in rows:
        here = tuple(i for i, r in enumerate(row.regions) if r is not None)
        lines = [f"<b>{PUT_HERE_BY}:</b> {_names(result, here)}"]
        if row.other_lens_only_by:
            lines.append(f"<b>{PLACED_ELSEWHERE_BY}:</b> {_names(result, row.other_lens_only_by)}")
        if row.in_tray_by:
            lines.append(f"<b>{LEFT_IN_TRAY_BY}:</b> {_names(result, row.in_tray_by)}")
        story.append(
            KeepTogether(
                [
                    Paragraph(_card_title(row), styles.card),
                    *[Paragraph(line, place_style) for line in lines],
                ]
            )
        )
    return story


def _principles_seen(session: Session, styles: Styles) -> list[Flowable]:
    """For each card some group marked, the principles seen in it and by whom."""
    rows = compare_marks(session)
    story: list[Flowable] = [
        CondPageBreak(styles.base * 10),
        Paragraph(PRINCIPLES_TITLE, styles.h2),
    ]
    if not rows:
        return [*story, Paragraph(PRINCIPLES_NONE, styles.body)]
    story.append(Paragraph(PRINCIPLES_INTRO, styles.body))
    names = tuple(g.name for g in session.groups)
    numbers = principle_numbers(session.deck)
    place_style = _place_style(styles)
    for row in rows:
        lines = [
            f"<b>{numbers.get(seen.principle.id, '')} {para(seen.principle.title)}:</b> "
            + ", ".join(para(brief(names[g])) for g in seen.groups)
            for seen in row.principles
        ]
        title = f"{marker(row.card.kind)}\u00a0\u00a0{para(brief(row.card.title))}"
        story.append(
            KeepTogether(
                [Paragraph(title, styles.card), *[Paragraph(line, place_style) for line in lines]]
            )
        )
    return story


def _every_card(
    session: Session, results: list[Comparison], styles: Styles, width: float
) -> list[Flowable]:
    # The heading and its introduction start a page unless the first rows fit below them
    # (see _room_for_start).
    start = CondPageBreak(styles.base * 14)
    heading = [
        Paragraph(EVERY_CARD_TITLE, styles.h2),
        Paragraph(EVERY_CARD_INTRO, styles.body),
    ]
    story: list[Flowable] = [start, *heading]
    first = results[0]
    cards: list[tuple[str, list[str]]] = []
    for i, row in enumerate(first.cards):
        rows = [result.cards[i] for result in results]
        if not any(r.placed_by for r in rows):
            continue
        lines = [
            f"<b>{_place(p.region)}:</b> {_names(result, p.groups)}"
            for result, r in zip(results, rows, strict=True)
            for p in result.places(r)
        ]
        if row.in_tray_by:
            lines.append(
                f"<font color='#555555'>{LEFT_IN_TRAY}:</font> {_names(first, row.in_tray_by)}"
            )
        cards.append((_card_title(row), lines))
    if not cards:
        story.append(Paragraph(EVERY_CARD_NONE, styles.body))
        return story + _never_placed(first, results, styles)
    widths = [width * 0.34, width * 0.66]
    rows_: list[list[Flowable]] = [
        [
            Paragraph(EVERY_CARD_HEADS[0], styles.cell_bold),
            Paragraph(EVERY_CARD_HEADS[1], styles.cell_bold),
        ]
    ]
    rows_ += [
        [Paragraph(title, styles.cell_bold), Paragraph("<br/>".join(lines), styles.cell)]
        for title, lines in cards
    ]
    if rows_fit(rows_, widths):
        start.height = max(start.height, _room_for_start(heading, rows_, widths, width))
        table = Table(rows_, colWidths=widths, hAlign="LEFT", repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                    ("BACKGROUND", (0, 0), (-1, 0), FAINT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        story.append(table)
    else:  # names or titles too long for a table: each card with its places below it
        place_style = _place_style(styles)
        story += [
            KeepTogether(
                [Paragraph(title, styles.card), *[Paragraph(line, place_style) for line in lines]]
            )
            for title, lines in cards
        ]
    return story + _never_placed(first, results, styles)


def _room_for_start(
    heading: list[Flowable], rows: list[list[Flowable]], widths: list[float], width: float
) -> float:
    """The height of heading and the table's first rows (its heading row and two cards,
    or fewer when it has fewer): the introduction never ends a page with its table on
    the next one."""
    head = sum(p.wrap(width, 1e6)[1] + p.getSpaceBefore() + p.getSpaceAfter() for p in heading)
    first = Table(rows[:3], colWidths=widths)
    return float(head + first.wrap(width, 1e6)[1])


def _never_placed(first: Comparison, results: list[Comparison], styles: Styles) -> list[Flowable]:
    placed = {row.card.id for result in results for row in result.placed()}
    never = [row.card for row in first.cards if row.card.id not in placed]
    if not never:
        return []
    return [
        KeepTogether(
            [
                Paragraph(never_placed_title(len(never)), styles.h3),
                *run_on([f"{marker(c.kind)}\u00a0{para(c.title)}" for c in never], styles.small),
            ]
        )
    ]
