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
    Paragraph,
    TableStyle,
)

from coprod_desktop.domain.compare import (
    MOST_CONTESTED,
    CardComparison,
    Comparison,
    compare,
    compare_marks,
)
from coprod_desktop.domain.decisions import principle_numbers
from coprod_desktop.domain.model import Region, Session
from coprod_desktop.handout.cells import rows_fit
from coprod_desktop.handout.flowables import SectionMarker, Table, run_on
from coprod_desktop.handout.sections import region_title
from coprod_desktop.handout.styles import FAINT, INK, RULE, Styles, marker
from coprod_desktop.handout.text import brief, name_para, para

NUMBER_WORDS = {
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
}


def disagreement_rule(result: Comparison) -> str:
    """How disagreement is counted on this lens, in words."""
    unit = result.unit
    lens = result.lens.label.lower() if result.lens is not None else "board"
    first = (
        f"the widest spread first (how many {unit}s lie between the lowest and the highest "
        f"{unit} chosen), then the most different {unit}s"
        if result.ordered
        else f"the most different {unit}s first"
    )
    return (
        f"How we count disagreement on the {lens}: for each card, the number of different "
        f"{unit}s the groups put it in. A group that gave the card no {unit} here is not "
        f"counted. Listed are the cards put in three or more different {unit}s, at most "
        f"{NUMBER_WORDS[MOST_CONTESTED]}, {first}; when two cards are equal, the one more "
        f"groups placed comes first. Cards put in just two {unit}s are listed only when no "
        "card has three and there are few of them; otherwise they are counted. Each group's "
        "note says why it put the card there."
    )


def comparison(session: Session, styles: Styles, width: float) -> list[Flowable]:
    """The section, or nothing when there is only one group."""
    if len(session.groups) < 2:
        return []
    count = len(session.groups)
    groups = NUMBER_WORDS.get(count, str(count))
    lenses = [lens.label for lens in session.board.lenses]
    story: list[Flowable] = [
        SectionMarker("Across the groups"),
        Paragraph("Across the groups", styles.h1),
        Paragraph(
            f"The {groups} groups sorted the same deck of cards. These pages put their boards "
            f"side by side, one part of the board at a time ({', '.join(lenses)}): a cell and "
            "a rung answer different questions, so they are never counted against each "
            "other. Then the principles the groups saw in each card, then every card with "
            "where each group put it. Cards a group wrote itself are in that group's own "
            "pages.",
            styles.body,
        ),
    ]
    results = [compare(session, lens.id) for lens in session.board.lenses]
    for result in results:
        title = result.lens.label if result.lens is not None else "The board"
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


def _unit_phrase(result: Comparison, n: int) -> str:
    return f"{n} different {result.unit}{'s' if n != 1 else ''}"


def _names(result: Comparison, indexes: tuple[int, ...]) -> str:
    return ", ".join(name_para(brief(result.group_names[i])) for i in indexes)


def _agreed(result: Comparison, styles: Styles) -> list[Flowable]:
    rows = result.agreed()
    unit = result.unit
    heading = Paragraph("Where every group agreed", styles.h3)
    if not rows:
        return [
            heading,
            Paragraph(f"No card was put in the same {unit} by every group.", styles.body),
        ]
    story: list[Flowable] = [
        heading,
        Paragraph(
            f"Every group gave each of these cards a {unit} here, and all the same {unit}.",
            styles.body,
        ),
    ]
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
        Paragraph("Where the groups disagreed most", styles.h3),
        Paragraph(disagreement_rule(result), styles.small),
    ]
    if not contested.listed and not contested.two_places:
        story.append(
            Paragraph(
                f"No card was put in different {result.unit}s by different groups.", styles.body
            )
        )
        return story
    place_style = _place_style(styles)
    note_style = place_style.clone("place_note", leftIndent=place_style.leftIndent + styles.base)
    for row in contested.listed:
        apart = (
            f", {row.spread} {result.unit}{'s' if row.spread != 1 else ''} apart"
            if result.ordered
            else ""
        )
        parts: list[Flowable] = [
            Paragraph(
                f"{_card_title(row)} <font color='#555555'>\u2014 "
                f"{_unit_phrase(result, row.disagreement)}{apart}</font>",
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
                    f"<b>No {result.unit} yet:</b> {_names(result, row.other_lens_only_by)}",
                    place_style,
                )
            )
            parts += _notes(result, row, row.other_lens_only_by, note_style)
        if row.in_tray_by:
            parts.append(
                Paragraph(f"<b>Left in the tray:</b> {_names(result, row.in_tray_by)}", place_style)
            )
        story.append(KeepTogether(parts))
    after = styles.body.clone("unlisted", spaceBefore=styles.base * 0.6)
    story += [
        Paragraph(text, after) for text in _unlisted(result, contested.more, contested.two_places)
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


def _unlisted(result: Comparison, more: int, two_places: int) -> list[str]:
    """One sentence each for the contested cards the list leaves out."""
    unit = result.unit
    lines = []
    if more:
        lines.append(
            f"{_count(more)} more put in three or more different {unit}s "
            f"{'is' if more == 1 else 'are'} not listed here."
        )
    if two_places:
        lines.append(
            f"{_count(two_places)} put in two different {unit}s "
            f"{'is' if two_places == 1 else 'are'} not listed here; "
            "“Every card, group by group”, at the end of this comparison, shows where "
            "each group put "
            f"{'it' if two_places == 1 else 'them'}."
        )
    return lines


def _count(n: int) -> str:
    return "One card" if n == 1 else f"{NUMBER_WORDS.get(n, str(n)).capitalize()} cards"


def _one_region(result: Comparison, styles: Styles) -> list[Flowable]:
    """A lens of one region: each card some group put there, by whom, and what the
    other groups did with it (a place elsewhere, or the tray)."""
    rows = result.placed()
    if not rows:
        return [Paragraph("No group put a card here.", styles.body)]
    story: list[Flowable] = [
        Paragraph("Each card some group put here, and what the other groups did.", styles.body)
    ]
    place_style = _place_style(styles)
    for row in rows:
        here = tuple(i for i, r in enumerate(row.regions) if r is not None)
        lines = [f"<b>Put here by:</b> {_names(result, here)}"]
        if row.other_lens_only_by:
            lines.append(f"<b>Placed elsewhere by:</b> {_names(result, row.other_lens_only_by)}")
        if row.in_tray_by:
            lines.append(f"<b>Left in the tray by:</b> {_names(result, row.in_tray_by)}")
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
        Paragraph("The principles the groups saw", styles.h2),
    ]
    if not rows:
        return [
            *story,
            Paragraph("No group marked a principle on any card of the deck.", styles.body),
        ]
    story.append(
        Paragraph(
            "The six principles explain why a story is co-production. For each card a group "
            "marked, the principles it saw there and which groups saw each, most groups first.",
            styles.body,
        )
    )
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
        Paragraph("Every card, group by group", styles.h2),
        Paragraph(
            "Each card that at least one group placed, in the order of the deck, with the "
            "groups that put it in each cell and on each rung.",
            styles.body,
        ),
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
                f"<font color='#555555'>Left in the tray:</font> {_names(first, row.in_tray_by)}"
            )
        cards.append((_card_title(row), lines))
    if not cards:
        story.append(Paragraph("No group placed any card of the deck.", styles.body))
        return story + _never_placed(first, results, styles)
    widths = [width * 0.34, width * 0.66]
    rows_: list[list[Flowable]] = [
        [
            Paragraph("Card", styles.cell_bold),
            Paragraph("Where the groups put it", styles.cell_bold),
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
                Paragraph(f"No group placed these ({len(never)})", styles.h3),
                *run_on([f"{marker(c.kind)}\u00a0{para(c.title)}" for c in never], styles.small),
            ]
        )
    ]
