"""What a group has decided about a card, in the words the board, the list view and
the handout show: what it still lacks ("no rung yet") and the numbers of the
principles marked on it."""

from __future__ import annotations

from coprod_desktop.domain.model import Deck, Group, Session


def principle_numbers(deck: Deck) -> dict[str, str]:
    """Each principle card's number as its badge shows it: 1 to 6 in deck order."""
    principles = [c.id for c in deck.cards if c.kind == "principle"]
    return {card_id: str(i) for i, card_id in enumerate(principles, 1)}


def missing_text(session: Session, group: Group, card_id: str) -> str:
    """ "no rung yet", "no cell yet", "no cell or rung yet": what a placed card still
    lacks ("" when nothing)."""
    units = []
    for lens_id in session.missing_lenses(group, card_id):
        lens = session.board.lens(lens_id)
        units.append(lens.unit if lens is not None else lens_id)
    return f"no {' or '.join(units)} yet" if units else ""


def place_targets(session: Session, group: Group, card_id: str) -> list[str]:
    """The regions a tap can put the card in, in board order: every region but the ones
    it is already in (a tap there would change nothing)."""
    here = {p.region for p in group.places(card_id)}
    return [r.id for r in session.board.regions if r.id not in here]
