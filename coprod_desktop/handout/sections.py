"""The story's parts before the reference: the cover and one section per group."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    TableStyle,
)

from coprod_desktop.domain.decisions import missing_text, principle_numbers
from coprod_desktop.domain.kinds import KIND_LABELS, KINDS
from coprod_desktop.domain.model import Card, Group, Region, Session
from coprod_desktop.handout.board_drawing import BoardPart, board_drawing, board_parts, part_size
from coprod_desktop.handout.cover_key import CoverKey
from coprod_desktop.handout.flowables import (
    KeepWithLast,
    SectionMarker,
    Table,
    group_heading,
    group_line,
    legend,
    run_on,
)
from coprod_desktop.handout.fonts import REGULAR
from coprod_desktop.handout.page_refs import LONGEST, PageRef, PageTarget
from coprod_desktop.handout.paragraph import Paragraph
from coprod_desktop.handout.styles import KIND_MARKERS, Styles, marker
from coprod_desktop.handout.text import brief, format_date, para

BAND_NAMES = {"to": "doing to", "for": "doing for", "with": "doing with"}


def cover(
    session: Session, styles: Styles, width: float, booklet: Group | None = None
) -> list[Flowable]:
    """Title, date, venue and facilitator, the groups, how to read the handout.

    For one group's booklet, the cover names the group the booklet is for."""
    story: list[Flowable] = [Paragraph(para(session.title), styles.title)]
    if booklet is not None:
        story.append(group_heading(booklet, styles, width, prefix="Booklet of "))
    facts = [para(format_date(session.created))]  # an unreadable date is shown as typed
    if session.venue.strip():
        facts.append(para(session.venue))
    if session.facilitator.strip():
        facts.append("Facilitated by " + para(session.facilitator))
    story += [Paragraph(fact, styles.subtitle) for fact in facts]
    story.append(Spacer(1, styles.base))
    story.append(Paragraph("Groups", styles.h2))
    # Each group with the page its board starts on (printed once the pages are laid out).
    size = styles.small.fontSize
    room = stringWidth(LONGEST, REGULAR, size) + size
    story += [PageRef(group_line(g, styles, width - room), g.id, size) for g in session.groups]
    story.append(Paragraph("About this handout", styles.h2))
    story.append(
        Paragraph(
            "In this workshop each table group sorted cards onto a board. On the left of the board "
            "is the <b>public service matrix</b>: who plans and designs a service, and who "
            "delivers "
            "it. On the right is the <b>ladder of co-production</b>, from doing ‘to’ people, "
            "through doing ‘for’ them, to doing ‘with’ them. Cards that are not "
            "co-production on their own go in the box below the matrix.",
            styles.body,
        )
    )
    story.append(Paragraph(_contents(session, booklet), styles.body))
    story.append(CoverKey(key_parts(styles, width)))
    return story


def key_parts(styles: Styles, width: float) -> list[Flowable]:
    """The "Card kinds" heading and the key: each kind's marker and what it means."""
    rows = [
        [
            Paragraph(KIND_MARKERS[k], styles.body),
            Paragraph(f"<b>{para(KIND_LABELS[k])}</b>: {KINDS[k].explanation}", styles.body),
        ]
        for k in KIND_MARKERS
    ]
    table = Table(rows, colWidths=[styles.base * 2, width - styles.base * 2], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [Paragraph("Card kinds", styles.h2), table]


def _contents(session: Session, booklet: Group | None) -> str:
    whose = "this group" if booklet is not None else "each group"
    text = (
        f"For {whose} you will find its board as the group left it, then every card in "
        "order with the group's notes, the cards it wrote itself and the cards it left "
        "in the tray."
    )
    if len(session.groups) > 1:
        text += (
            " Then the groups are compared: what they all agreed on, what they "
            "disagreed on most, and where each group put each card."
        )
    return text + (
        " At the end: a short reference on co-production (definitions, principles, "
        "the ladder, the matrix, three stories, sources) and questions to take away."
    )


def group_section(
    session: Session,
    group: Group,
    styles: Styles,
    landscape: tuple[float, float],
    portrait_width: float,
    kinds_key: Flowable | None = None,
    portrait: tuple[float, float] | None = None,
) -> list[Flowable]:
    """The board on a landscape page, then the cards region by region on portrait pages
    (kinds_key, when given, below the heading of the cards: see cover_key).

    In large print, with portrait (the room for a board on a portrait page), the board
    is split lens by lens, each on its own page (landscape or portrait, whichever draws
    it larger), so that its text can be 9 pt and more."""
    story: list[Flowable] = [
        NextPageTemplate("landscape"),
        PageBreak(),
        SectionMarker(group.name),
        PageTarget(group.id),
    ]
    parts = board_parts(session.board)
    if styles.large_print and portrait is not None and len(parts) > 1:
        for i, part in enumerate(parts):
            suffix = f" · board, {i + 1} of {len(parts)}: {part.label}"
            page, flowables = _board_page(
                session, group, styles, (landscape, portrait), suffix, part
            )
            if i:
                story += [NextPageTemplate(page), PageBreak()]
            else:
                story[0] = NextPageTemplate(page)
            story += flowables
    else:
        story += _board_page(session, group, styles, (landscape,), " · board")[1]
    story += [
        NextPageTemplate("portrait"),
        PageBreak(),
        group_heading(group, styles, portrait_width, suffix=" · cards and notes"),
    ]
    if kinds_key is not None:
        story.append(kinds_key)
    story += _listing(session, group, styles)
    return story


def _board_page(
    session: Session,
    group: Group,
    styles: Styles,
    boxes: tuple[tuple[float, float], ...],
    suffix: str,
    part: BoardPart | None = None,
) -> tuple[str, list[Flowable]]:
    """The heading, the board (or part of it) and the key of kinds, on the page
    (boxes: landscape, then portrait) that draws the board largest; that page's name."""
    best: tuple[float, str, list[Flowable]] | None = None
    for page, (width, height) in zip(("landscape", "portrait"), boxes, strict=False):
        heading = group_heading(group, styles, width, suffix=suffix, max_lines=2)
        key = legend(styles, width)
        used = heading.wrap(width, height)[1] + key.wrap(width, height)[1] + styles.base * 0.8
        room = (width, height - used)
        drawn = part_size(part, *room) if part is not None else (0.0, 0.0)
        area = drawn[0] * drawn[1]
        if best is None or area > best[0] + 1e-6:
            flowables: list[Flowable] = [
                heading,
                board_drawing(session, group, *room, styles, part),
                Spacer(1, styles.base * 0.4),
                key,
            ]
            best = (area, page, flowables)
    assert best is not None
    return best[1], best[2]


def region_title(region: Region, short: bool = False) -> str:
    """'Matrix: label', 'Ladder: label (doing with)' or the label; with short, a label too
    long to repeat is cut (see text.brief)."""
    label = brief(region.label) if short else region.label
    if region.lens == "matrix":
        return f"Matrix: {label}"
    if region.lens == "ladder":
        band = BAND_NAMES.get(region.band)
        return f"Ladder: {label}" + (f" ({band})" if band else "")
    return label


def short_region_title(region: Region) -> str:
    """region_title with short: where a line names many regions (the key, the moves)."""
    return region_title(region, short=True)


def places_text(session: Session, group: Group, card_id: str) -> str:
    """Where a group put a card, lens by lens: 'Matrix: Full co-production · Ladder: 7
    Co-production (doing with)', with what it still lacks ('no rung yet'); "" in the tray.
    The matrix's and ladder's labels may be cut (the reference prints them in full)."""
    board = session.board
    parts = []
    for lens in board.lenses:
        placement = session.place_on(group, card_id, lens.id)
        region = board.region(placement.region) if placement is not None else None
        if region is not None:
            parts.append(region_title(region, short=region.lens in ("matrix", "ladder")))
    lacking = missing_text(session, group, card_id)
    return " \u00b7 ".join(parts + ([lacking] if lacking and parts else []))


def marks_text(session: Session, group: Group, card_id: str) -> str:
    """'1 Assets, 3 Mutuality': the principles a group marked on a card, numbered."""
    numbers = principle_numbers(session.deck)
    names = []
    for principle_id in group.marks_of(card_id):
        principle = session.deck.card(principle_id)
        if principle is not None:
            names.append(f"{numbers.get(principle_id, '')} {principle.title}".strip())
    return ", ".join(names)


def _placed_in_board_order(session: Session, group: Group) -> list[Card]:
    """Each placed card once, in the order of its first place on the board."""
    seen: dict[str, Card] = {}
    for _region, placed in session.iter_placed(group):
        for card, _placement in placed:
            seen.setdefault(card.id, card)
    return list(seen.values())


def _listing(session: Session, group: Group, styles: Styles) -> list[Flowable]:
    """Each placed card once: its text, its cell and rung, the principles the group saw
    in it, and the group's note."""
    story: list[Flowable] = []
    cards = _placed_in_board_order(session, group)
    heading = Paragraph(f"Cards on the board ({len(cards)})", styles.h3)
    # Three paragraphs a card (its title, its text, and its places, marks and note in
    # one shaded box), not five: the handout's time goes mostly into laying out
    # paragraphs, one by one (issue 20's profile). The title and the text stay apart:
    # a paragraph of one font and colour takes ReportLab's fast path.
    for i, card in enumerate(cards):
        # A card's title, text, places and note stay on one page; the heading stays with
        # the first card (keepWithNext does not reach into a KeepTogether).
        parts: list[Flowable] = [heading] if i == 0 else []
        title = f"{KIND_MARKERS.get(card.kind, '•')}\u00a0\u00a0{para(card.title)}"
        parts.append(Paragraph(title, styles.card))
        if card.text.strip():
            parts.append(Paragraph(para(card.text), styles.card_text))
        lines = ["<b>Where:</b> " + para(places_text(session, group, card.id))]
        shown = marks_text(session, group, card.id)
        if shown:
            lines.append("<b>Principles we saw:</b> " + para(shown))
        if group.note(card.id).strip():
            lines.append("<b>Our note:</b> " + para(group.note(card.id)))
        parts.append(Paragraph("<br/>".join(lines), styles.note))
        story.append(KeepTogether(parts))
    if not story:
        story.append(Paragraph("This group did not place any cards on the board.", styles.body))
    story += _own_cards(session, group, styles)
    # What the group left in the tray (its notes there, the list) never goes alone onto
    # a page: the card before it goes along.
    tray = _tray_notes(session, group, styles) + _left_in_tray(session, group, styles)
    if tray:
        story[-1:] = [KeepWithLast(story[-1], tray), story[-1]]
    return story + tray


def _own_cards(session: Session, group: Group, styles: Styles) -> list[Flowable]:
    """The cards the group wrote itself and where each ended up. A placed card's text is
    already in the listing above; a card left in the tray shows its text here."""
    if not group.cards:
        return []
    story: list[Flowable] = []
    for i, card in enumerate(group.cards):
        parts: list[Flowable] = (
            [Paragraph(f"Cards this group wrote ({len(group.cards)})", styles.h3)] if i == 0 else []
        )
        where = places_text(session, group, card.id) or "left in the tray"
        parts.append(
            Paragraph(
                f"{marker(card.kind)}\u00a0\u00a0{para(card.title)} "
                f'<font color="#555555">\u2192 {para(where)}</font>',
                styles.card,
            )
        )
        if not group.places(card.id) and card.text.strip():
            parts.append(Paragraph(para(card.text), styles.card_text))
        story.append(KeepTogether(parts))
    return story


def _tray_notes(session: Session, group: Group, styles: Styles) -> list[Flowable]:
    """Notes the group wrote on cards it then left in the tray: a note is never lost."""
    noted = [c for c in session.unplaced(group) if group.note(c.id).strip()]
    story: list[Flowable] = []
    for i, card in enumerate(noted):
        parts: list[Flowable] = (
            [Paragraph(f"Notes on cards left in the tray ({len(noted)})", styles.h3)]
            if i == 0
            else []
        )
        parts.append(Paragraph(f"{marker(card.kind)}\u00a0\u00a0{para(card.title)}", styles.card))
        parts.append(Paragraph("<b>Our note:</b> " + para(group.note(card.id)), styles.note))
        story.append(KeepTogether(parts))
    return story


def _left_in_tray(session: Session, group: Group, styles: Styles) -> list[Flowable]:
    """The deck's cards the group did not place (its own cards are listed above)."""
    own = {c.id for c in group.cards}
    left = [c for c in session.unplaced(group) if c.id not in own]
    if not left:
        return []
    return [
        KeepTogether(
            [
                Paragraph(f"Deck cards left in the tray ({len(left)})", styles.h3),
                *run_on([f"{marker(c.kind)}\u00a0{para(c.title)}" for c in left], styles.small),
            ]
        )
    ]
