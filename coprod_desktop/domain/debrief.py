"""The session as the debrief's figures see it (domain/agreement.py): for each lens, where
every group put each deck card, the ranks of an ordered lens, and the facilitator's key.
Only deck cards are compared: a card a group wrote itself exists for that group alone."""

from __future__ import annotations

from typing import Any

from coprod_desktop.domain.agreement import (
    LensFigures,
    LensInput,
    RoundMoves,
    VoteTotal,
    lens_figures,
    moves_between,
    report_dict,
    vote_totals,
)
from coprod_desktop.domain.model import Placement, Round, Session


def lens_input(session: Session, lens_id: str) -> LensInput:
    board = session.board
    regions = {r.id for r in board.regions_of(lens_id)}
    placements = {
        card.id: {
            g.id: next((p.region for p in g.places(card.id) if p.region in regions), None)
            for g in session.groups
        }
        for card in session.deck.cards
    }
    ranks = (
        {r.id: r.rank for r in board.regions_of(lens_id) if r.rank is not None}
        if board.is_ordered(lens_id)
        else None
    )
    key = {
        card.id: next((k.region for k in card.reference if k.region in regions), None)
        for card in session.deck.cards
    }
    has_key = any(region is not None for region in key.values())
    return LensInput(placements, ranks, key if has_key else None)


def lens_inputs(session: Session) -> dict[str, LensInput]:
    return {lens.id: lens_input(session, lens.id) for lens in session.board.lenses}


def figures(session: Session, lens_id: str) -> LensFigures:
    lens = lens_input(session, lens_id)
    return lens_figures(lens.placements, lens.ranks, lens.key, [g.id for g in session.groups])


def report(session: Session) -> dict[str, Any]:
    """The JSON contract of `coprod-desktop report` (see agreement.report_dict)."""
    ladder = next(
        (lens.id for lens in session.board.lenses if session.board.is_ordered(lens.id)), ""
    )
    return report_dict(lens_inputs(session), [g.id for g in session.groups], ladder=ladder)


def _snapshot(
    session: Session, places: dict[str, tuple[Placement, ...]], lens_id: str
) -> dict[str, dict[str, str | None]]:
    regions = {r.id for r in session.board.regions_of(lens_id)}
    return {
        gid: {p.card: p.region for p in group_places if p.region in regions}
        for gid, group_places in places.items()
    }


def moves_since(session: Session, closed: Round, lens_id: str) -> RoundMoves:
    """What moved on a lens between a closed round and now, per group and per card."""
    before = _snapshot(session, dict(closed.arrangements), lens_id)
    after = _snapshot(session, {g.id: tuple(g.placements) for g in session.groups}, lens_id)
    return moves_between(before, after)


def votes(session: Session) -> tuple[VoteTotal, ...]:
    """Every group's dots per card, most first."""
    return vote_totals({g.id: g.votes for g in session.groups})
