"""How the groups' arrangements compare: where each group put each deck card,
what they all agreed on, and where they disagreed most.

Pure Python on the model (no Qt, no ReportLab), so the handout prints it and the
window may show it too.

Definitions (the handout prints them in words):
- A card's *places* are the regions the groups put it in; a group that left the
  card in the tray gives it no place.
- *Agreed*: every group placed the card, all in the same region.
- *Disagreement* is the number of different regions the groups put the card in
  (groups that left it in the tray are not counted). A card is *disputed* when
  its disagreement is 2 or more. The most disputed come first; a tie goes to the
  card more groups placed, then to the deck's order.
- *Most contested* (what the handout lists, see Comparison.contested): the disputed
  cards put in three or more places, at most MOST_CONTESTED of them. Cards put in just
  two places are listed only when no card has three or more and there are at most
  MOST_CONTESTED of them; otherwise they are only counted.

Only deck cards are compared: a card a group wrote itself exists for that group alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from coprod_desktop.domain.model import Card, Placement, Region, Session

MOST_CONTESTED = 10  # at most this many cards are listed as the most contested


@dataclass(frozen=True, slots=True)
class Place:
    """A region a card was put in, and the groups (indexes in session.groups) that put it there."""

    region: Region
    groups: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class CardComparison:
    card: Card
    deck_index: int
    regions: tuple[str | None, ...]  # region id per group, in session.groups order; None: unplaced
    notes: tuple[str, ...] = ()  # each group's note on its placement ("" for none), same order

    @property
    def placed_by(self) -> int:
        """How many groups put the card on the board."""
        return sum(r is not None for r in self.regions)

    @property
    def disagreement(self) -> int:
        """The number of different regions the groups put the card in."""
        return len({r for r in self.regions if r is not None})

    @property
    def agreed(self) -> bool:
        """Every group placed it, all in the same region."""
        return self.placed_by == len(self.regions) and self.disagreement == 1

    def note(self, group: int) -> str:
        """The group's note on where it put the card, stripped; "" for none."""
        return self.notes[group].strip() if group < len(self.notes) else ""

    @property
    def unplaced_by(self) -> tuple[int, ...]:
        return tuple(i for i, r in enumerate(self.regions) if r is None)


@dataclass(frozen=True, slots=True)
class Contested:
    """The most contested cards (see the module doc) and how many contested cards
    were left out of the list."""

    listed: tuple[CardComparison, ...]
    more: int  # cards in three or more places beyond the limit
    two_places: int  # cards in exactly two places that are not listed


@dataclass(frozen=True, slots=True)
class Comparison:
    group_names: tuple[str, ...]
    cards: tuple[CardComparison, ...]  # every deck card, in deck order
    regions: tuple[Region, ...]  # the board's regions, in board order

    def places(self, row: CardComparison) -> list[Place]:
        """The regions row's card was put in, in board order, each with its groups."""
        places = []
        for region in self.regions:
            groups = tuple(i for i, r in enumerate(row.regions) if r == region.id)
            if groups:
                places.append(Place(region, groups))
        return places

    def placed(self) -> list[CardComparison]:
        """Cards at least one group put on the board, in deck order."""
        return [row for row in self.cards if row.placed_by]

    def never_placed(self) -> list[Card]:
        return [row.card for row in self.cards if not row.placed_by]

    def agreed(self) -> list[CardComparison]:
        """Cards every group put in the same region, in deck order."""
        return [row for row in self.cards if row.agreed]

    def disputed(self, limit: int | None = None) -> list[CardComparison]:
        """Cards put in two or more regions, most different places first (see the module doc)."""
        rows = [row for row in self.cards if row.disagreement >= 2]
        rows.sort(key=lambda r: (-r.disagreement, -r.placed_by, r.deck_index))
        return rows if limit is None else rows[:limit]

    def contested(self, limit: int = MOST_CONTESTED) -> Contested:
        """The cards worth listing as contested (see the module doc)."""
        rows = self.disputed()
        wide = [r for r in rows if r.disagreement >= 3]
        pairs = [r for r in rows if r.disagreement == 2]
        if wide:
            return Contested(tuple(wide[:limit]), max(0, len(wide) - limit), len(pairs))
        if len(pairs) <= limit:
            return Contested(tuple(pairs), 0, 0)
        return Contested((), 0, len(pairs))


def compare(session: Session) -> Comparison:
    """Compare every group's arrangement of the session's deck."""
    lookups = [{p.card: p for p in g.placements} for g in session.groups]
    known = {r.id for r in session.board.regions}
    rows = tuple(
        CardComparison(
            card=card,
            deck_index=i,
            # A placement in a region the board does not have counts as unplaced.
            regions=tuple(_known(lookup.get(card.id), known) for lookup in lookups),
            notes=tuple(_note(lookup.get(card.id), known) for lookup in lookups),
        )
        for i, card in enumerate(session.deck.cards)
    )
    return Comparison(
        group_names=tuple(g.name for g in session.groups),
        cards=rows,
        regions=session.board.regions,
    )


def _known(placement: Placement | None, known: set[str]) -> str | None:
    return placement.region if placement is not None and placement.region in known else None


def _note(placement: Placement | None, known: set[str]) -> str:
    return placement.note if placement is not None and placement.region in known else ""
