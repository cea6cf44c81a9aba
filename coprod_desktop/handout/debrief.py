"""The debrief's pages, after the groups' comparison: the facilitator's key with its
reasoning and confidence for every card that has one (the facilitator's reading of the
sources, not a verdict), what moved since the last round, and the dot votes."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph

from coprod_desktop.domain.debrief import moves_since, votes
from coprod_desktop.domain.model import Session
from coprod_desktop.handout.flowables import SectionMarker
from coprod_desktop.handout.sections import region_title
from coprod_desktop.handout.styles import Styles, marker
from coprod_desktop.handout.text import brief, name_para, para

KEY_INTRO = (
    "The facilitator's key is a reading of the sources, not a verdict: it says where the "
    "sources point for each card, how sure that reading is, and why. Many cards are "
    "contested: reasonable groups put them in different places, and the discussion of why "
    "is the point of the exercise."
)


def debrief(session: Session, styles: Styles, key: bool = True) -> list[Flowable]:
    """The section, or nothing when there is no key (or key is off), no round and no vote."""
    keyed = [c for c in session.deck.cards if c.reference] if key else []
    parts = _key(session, styles, keyed) + _rounds(session, styles) + _votes(session, styles)
    if not parts:
        return []
    return [
        SectionMarker("Debrief"),
        Paragraph("Debrief", styles.h1),
        *parts,
    ]


def _key(session: Session, styles: Styles, keyed: list) -> list[Flowable]:  # type: ignore[type-arg]
    if not keyed:
        return []
    story: list[Flowable] = [
        Paragraph("The facilitator's key", styles.h2),
        Paragraph(KEY_INTRO, styles.body),
    ]
    place_style = styles.note  # reading text: 16 pt and more in large print
    for card in keyed:
        lines = []
        for place in card.reference:
            region = session.board.region(place.region)
            where = region_title(region, short=True) if region is not None else place.region
            lines.append(
                Paragraph(
                    f"<b>{para(where)}</b> ({para(place.confidence)}): {para(place.why)}",
                    place_style,
                )
            )
        title = f"{marker(card.kind)}\u00a0\u00a0{para(brief(card.title))}"
        story.append(KeepTogether([Paragraph(title, styles.card), *lines]))
    return story


def _rounds(session: Session, styles: Styles) -> list[Flowable]:
    if not session.rounds:
        return []
    closed = session.rounds[-1]
    titles = {c.id: c.title for c in session.deck.cards}
    labels = {r.id: region_title(r, short=True) for r in session.board.regions}
    story: list[Flowable] = [
        CondPageBreak(styles.base * 8),
        Paragraph(f"What moved since {para(closed.name)}", styles.h2),
    ]
    any_moves = False
    for group in session.groups:
        lines = []
        for lens in session.board.lenses:
            for move in moves_since(session, closed, lens.id).by_group.get(group.id, ()):
                before = labels.get(move.before or "", "the tray")
                after = labels.get(move.after or "", "the tray")
                lines.append(
                    f"{para(brief(titles.get(move.card, move.card)))}: {para(before)} "
                    f"\u2192 {para(after)}"
                )
        if lines:
            any_moves = True
            story.append(
                KeepTogether(
                    [
                        Paragraph(name_para(group.name), styles.h3),
                        *[Paragraph(line, styles.note) for line in lines],
                    ]
                )
            )
    if not any_moves:
        story.append(Paragraph("No group moved a card since then.", styles.body))
    return story


def _votes(session: Session, styles: Styles) -> list[Flowable]:
    totals = votes(session)
    if not session.dots or not totals:
        return []
    titles = {c.id: c.title for c in session.cards_for(session.groups[0])}
    for group in session.groups:
        titles.update({c.id: c.title for c in group.cards})
    return [
        CondPageBreak(styles.base * 6),
        Paragraph("Dot votes", styles.h2),
        Paragraph(
            f"Each group had {session.dots} dots to put on the cards; the totals across groups, "
            "most first.",
            styles.body,
        ),
        *[
            Paragraph(f"{para(brief(titles.get(t.card, t.card)))}: {t.votes}", styles.note)
            for t in totals
        ],
    ]
