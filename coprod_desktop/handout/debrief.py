"""The debrief's pages, after the groups' comparison: the facilitator's key with its
reasoning and confidence for every card that has one (the facilitator's reading of the
sources, not a verdict), what moved since the last round, and the dot votes."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from coprod_desktop.domain.debrief import votes
from coprod_desktop.domain.model import Session
from coprod_desktop.handout.flowables import SectionMarker
from coprod_desktop.handout.paragraph import Paragraph
from coprod_desktop.handout.sections import short_region_title
from coprod_desktop.handout.styles import Styles, marker
from coprod_desktop.handout.text import brief, name_para, para
from coprod_desktop.handout.wording import (
    DEBRIEF_TITLE,
    KEY_INTRO,
    KEY_TITLE,
    NO_MOVES,
    VOTES_TITLE,
    key_places,
    keyed_cards,
    moved_title,
    moves_by_group,
    shows_votes,
    vote_titles,
    votes_intro,
)

__all__ = ["KEY_INTRO", "debrief"]


def debrief(session: Session, styles: Styles, key: bool = True) -> list[Flowable]:
    """The section, or nothing when there is no key (or key is off), no round and no vote."""
    keyed = keyed_cards(session, key)
    parts = _key(session, styles, keyed) + _rounds(session, styles) + _votes(session, styles)
    if not parts:
        return []
    return [
        SectionMarker(DEBRIEF_TITLE),
        Paragraph(DEBRIEF_TITLE, styles.h1),
        *parts,
    ]


def _key(session: Session, styles: Styles, keyed: list) -> list[Flowable]:  # type: ignore[type-arg]
    if not keyed:
        return []
    story: list[Flowable] = [
        Paragraph(para(KEY_TITLE), styles.h2),
        Paragraph(KEY_INTRO, styles.body),
    ]
    place_style = styles.note  # reading text: 16 pt and more in large print
    for card in keyed:
        lines = [
            Paragraph(f"<b>{para(where)}</b> ({para(confidence)}): {para(why)}", place_style)
            for where, confidence, why in key_places(session, card, short_region_title)
        ]
        title = f"{marker(card.kind)}\u00a0\u00a0{para(brief(card.title))}"
        story.append(KeepTogether([Paragraph(title, styles.card), *lines]))
    return story


def _rounds(session: Session, styles: Styles) -> list[Flowable]:
    if not session.rounds:
        return []
    closed = session.rounds[-1]
    story: list[Flowable] = [
        CondPageBreak(styles.base * 8),
        Paragraph(para(moved_title(closed.name)), styles.h2),
    ]
    moved = moves_by_group(session, closed, brief, short_region_title)
    for group, lines in moved:
        story.append(
            KeepTogether(
                [
                    Paragraph(name_para(group.name), styles.h3),
                    *[Paragraph(para(line), styles.note) for line in lines],
                ]
            )
        )
    if not moved:
        story.append(Paragraph(NO_MOVES, styles.body))
    return story


def _votes(session: Session, styles: Styles) -> list[Flowable]:
    if not shows_votes(session):
        return []
    totals = votes(session)
    titles = vote_titles(session)
    return [
        CondPageBreak(styles.base * 6),
        Paragraph(VOTES_TITLE, styles.h2),
        Paragraph(votes_intro(session.dots), styles.body),
        *[
            Paragraph(f"{para(brief(titles.get(t.card, t.card)))}: {t.votes}", styles.note)
            for t in totals
        ],
    ]
