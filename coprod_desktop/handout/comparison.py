"""Across the groups (two or more): what all agreed on, what they disagreed on most,
and for every card where each group put it. The counting is in coprod_desktop.domain.compare."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Table,
    TableStyle,
)

from coprod_desktop.domain.compare import MOST_CONTESTED, CardComparison, Comparison, compare
from coprod_desktop.domain.model import Region, Session
from coprod_desktop.handout.cells import rows_fit
from coprod_desktop.handout.flowables import SectionMarker, run_on
from coprod_desktop.handout.sections import region_title
from coprod_desktop.handout.styles import FAINT, INK, RULE, Styles, marker
from coprod_desktop.handout.text import brief, para

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
DISAGREEMENT_RULE = (
    "How we count disagreement: for each card, the number of different places the groups "
    "put it in. A group that left the card in the tray is not counted. Listed here are the "
    f"cards put in three or more different places, at most {NUMBER_WORDS[MOST_CONTESTED]}, "
    "the most different places first; when two cards have as many, the one more groups "
    "placed comes first. Cards put in just two places are listed only when no card has "
    "three and there are few of them; otherwise they are counted. Each group's note says "
    "why it put the card there."
)


def comparison(session: Session, styles: Styles, width: float) -> list[Flowable]:
    """The section, or nothing when there is only one group."""
    if len(session.groups) < 2:
        return []
    result = compare(session)
    count = len(result.group_names)
    groups = NUMBER_WORDS.get(count, str(count))
    story: list[Flowable] = [
        SectionMarker("Across the groups"),
        Paragraph("Across the groups", styles.h1),
        Paragraph(
            f"The {groups} groups sorted the same deck of cards. These pages put their boards "
            "side by side: first the cards every group put in the same place, then the cards "
            "they disagreed on most, then every card with where each group put it. Cards "
            "a group wrote itself are in that group's own pages.",
            styles.body,
        ),
    ]
    story += _agreed(result, styles)
    story += _disputed(result, styles)
    story += _every_card(result, styles, width)
    return story


def _card_title(row: CardComparison) -> str:
    return f"{marker(row.card.kind)}\u00a0\u00a0{para(brief(row.card.title))}"


def _place(region: Region) -> str:
    return para(region_title(region, short=True))


def _names(result: Comparison, indexes: tuple[int, ...]) -> str:
    return ", ".join(para(brief(result.group_names[i])) for i in indexes)


def _agreed(result: Comparison, styles: Styles) -> list[Flowable]:
    rows = result.agreed()
    heading = Paragraph("Where every group agreed", styles.h2)
    if not rows:
        return [
            heading,
            Paragraph("No card was put in the same place by every group.", styles.body),
        ]
    story: list[Flowable] = [
        heading,
        Paragraph(
            "Every group put each of these cards on the board, and all in the same place.",
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
        Paragraph("Where the groups disagreed most", styles.h2),
        Paragraph(DISAGREEMENT_RULE, styles.small),
    ]
    if not contested.listed and not contested.two_places:
        story.append(
            Paragraph("No card was put in different places by different groups.", styles.body)
        )
        return story
    place_style = _place_style(styles)
    note_style = place_style.clone("place_note", leftIndent=place_style.leftIndent + styles.base)
    for row in contested.listed:
        parts: list[Flowable] = [
            Paragraph(
                f"{_card_title(row)} <font color='#555555'>\u2014 {row.disagreement} different "
                "places</font>",
                styles.card,
            )
        ]
        for p in result.places(row):
            parts.append(
                Paragraph(f"<b>{_place(p.region)}:</b> {_names(result, p.groups)}", place_style)
            )
            parts += [
                Paragraph(
                    f"<i>{_names(result, (g,))}:</i> \u201c{para(brief(row.note(g)))}\u201d",
                    note_style,
                )
                for g in p.groups
                if row.note(g)
            ]
        if row.unplaced_by:
            parts.append(
                Paragraph(
                    f"<b>Left in the tray:</b> {_names(result, row.unplaced_by)}", place_style
                )
            )
        story.append(KeepTogether(parts))
    after = styles.body.clone("unlisted", spaceBefore=styles.base * 0.6)
    story += [Paragraph(text, after) for text in _unlisted(contested.more, contested.two_places)]
    return story


def _unlisted(more: int, two_places: int) -> list[str]:
    """One sentence each for the contested cards the list leaves out."""
    lines = []
    if more:
        lines.append(
            f"{_count(more)} more put in three or more different places "
            f"{'is' if more == 1 else 'are'} not listed here."
        )
    if two_places:
        lines.append(
            f"{_count(two_places)} put in two different places "
            f"{'is' if two_places == 1 else 'are'} not listed here; "
            "“Every card, group by group” below shows where each group put "
            f"{'it' if two_places == 1 else 'them'}."
        )
    return lines


def _count(n: int) -> str:
    return "One card" if n == 1 else f"{NUMBER_WORDS.get(n, str(n)).capitalize()} cards"


def _every_card(result: Comparison, styles: Styles, width: float) -> list[Flowable]:
    # The heading and its introduction start a page unless the first rows fit below them.
    story: list[Flowable] = [
        CondPageBreak(styles.base * 14),
        Paragraph("Every card, group by group", styles.h2),
        Paragraph(
            "Each card that at least one group placed, in the order of the deck, with the "
            "groups that put it in each place.",
            styles.body,
        ),
    ]
    cards: list[tuple[str, list[str]]] = []
    for row in result.placed():
        lines = [
            f"<b>{_place(p.region)}:</b> {_names(result, p.groups)}" for p in result.places(row)
        ]
        if row.unplaced_by:
            lines.append(
                f"<font color='#555555'>Left in the tray:</font> {_names(result, row.unplaced_by)}"
            )
        cards.append((_card_title(row), lines))
    if not cards:
        story.append(Paragraph("No group placed any card of the deck.", styles.body))
        return story + _never_placed(result, styles)
    widths = [width * 0.34, width * 0.66]
    rows: list[list[Flowable]] = [
        [
            Paragraph("Card", styles.cell_bold),
            Paragraph("Where the groups put it", styles.cell_bold),
        ]
    ]
    rows += [
        [Paragraph(title, styles.cell_bold), Paragraph("<br/>".join(lines), styles.cell)]
        for title, lines in cards
    ]
    if rows_fit(rows, widths):
        table = Table(rows, colWidths=widths, hAlign="LEFT", repeatRows=1)
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
    return story + _never_placed(result, styles)


def _never_placed(result: Comparison, styles: Styles) -> list[Flowable]:
    never = result.never_placed()
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
