"""How the groups' arrangements compare, one lens at a time: where each group put
each deck card on the matrix (or the ladder, or "not"), what they all agreed on, and
where they disagreed most. A cell is never compared with a rung: they answer
different questions. Which principles the groups saw in each card is compared too.

Pure Python on the model (no Qt, no ReportLab), so the handout prints it and the
window may show it too.

Definitions (the handout prints them in words), for one lens:
- A card's *places* are the lens's regions the groups put it in; a group that gave
  the card no place on this lens (it left the card in the tray, or placed it only on
  other lenses) gives it no place here.
- *Agreed*: every group placed the card, all in the same region.
- *Disagreement* is the number of different regions the groups put the card in
  (groups that left it in the tray are not counted). A card is *disputed* when
  its disagreement is 2 or more. The most disputed come first; a tie goes to the
  card more groups placed, then to the deck's order.
- On an ordered lens (the ladder), a card's *spread* is the number of rungs between
  the lowest and the highest rung a group chose; there the most disputed are the
  widest spread first, then the most different rungs.
- *Most contested* (what the handout lists, see Comparison.contested): the disputed
  cards put in three or more places, at most MOST_CONTESTED of them. Cards put in just
  two places are listed only when no card has three or more and there are at most
  MOST_CONTESTED of them; otherwise they are only counted.

Only deck cards are compared: a card a group wrote itself exists for that group alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from coprod_desktop.domain.model import Card, Group, Lens, Region, Session

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
    regions: tuple[str | None, ...]  # region id per group on this lens; None: no place on it
    notes: tuple[str, ...] = ()  # each group's note on the card ("" for none), same order
    elsewhere: tuple[bool, ...] = ()  # per group: no place on this lens, but on another
    ranks: tuple[int | None, ...] = ()  # per group: the rank of its region (ordered lenses)

    @property
    def spread(self) -> int:
        """Rungs between the lowest and the highest rank chosen (0 with fewer than two)."""
        ranks = [r for r in self.ranks if r is not None]
        return max(ranks) - min(ranks) if len(ranks) >= 2 else 0

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
        """The groups that gave the card no place on this lens."""
        return tuple(i for i, r in enumerate(self.regions) if r is None)

    @property
    def in_tray_by(self) -> tuple[int, ...]:
        """The groups that left the card in the tray (no place on any lens)."""
        return tuple(i for i in self.unplaced_by if not self._elsewhere(i))

    @property
    def other_lens_only_by(self) -> tuple[int, ...]:
        """The groups that placed the card, but not on this lens (not decided yet, or
        in a region such as "not" that needs no place here)."""
        return tuple(i for i in self.unplaced_by if self._elsewhere(i))

    def _elsewhere(self, group: int) -> bool:
        return group < len(self.elsewhere) and self.elsewhere[group]


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
    regions: tuple[Region, ...]  # the lens's regions, in board order
    lens: Lens | None = None
    ordered: bool = False  # the lens's regions are ranked: disputes count rungs apart

    @property
    def unit(self) -> str:
        """What one region of the lens is called ("cell", "rung", "place")."""
        return self.lens.unit if self.lens is not None else "place"

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
        if self.ordered:
            rows.sort(key=lambda r: (-r.spread, -r.disagreement, -r.placed_by, r.deck_index))
        else:
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


def compare(session: Session, lens_id: str) -> Comparison:
    """Compare every group's arrangement of the session's deck on one lens."""
    board = session.board
    regions = tuple(board.regions_of(lens_id))
    rank = {r.id: r.rank for r in regions}
    ordered = board.is_ordered(lens_id)
    rows = []
    for i, card in enumerate(session.deck.cards):
        on_lens = [_region_on(session, g, card.id, rank) for g in session.groups]
        rows.append(
            CardComparison(
                card=card,
                deck_index=i,
                regions=tuple(on_lens),
                notes=tuple(g.note(card.id) for g in session.groups),
                elsewhere=tuple(
                    r is None and card.id in g.placed_ids()
                    for r, g in zip(on_lens, session.groups, strict=True)
                ),
                ranks=tuple(rank.get(r) if r is not None else None for r in on_lens)
                if ordered
                else (),
            )
        )
    return Comparison(
        group_names=tuple(g.name for g in session.groups),
        cards=tuple(rows),
        regions=regions,
        lens=board.lens(lens_id),
        ordered=ordered,
    )


def _region_on(
    session: Session, group: Group, card_id: str, regions: dict[str, int | None]
) -> str | None:
    return next((p.region for p in group.places(card_id) if p.region in regions), None)


@dataclass(frozen=True, slots=True)
class SeenPrinciple:
    """A principle some groups marked on a card, and which groups (session.groups indexes)."""

    principle: Card
    groups: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class CardMarks:
    card: Card
    principles: tuple[SeenPrinciple, ...]  # most groups first, then deck order


def compare_marks(session: Session) -> list[CardMarks]:
    """For each deck card some group marked, the principles the groups saw in it."""
    deck = session.deck
    order = {c.id: i for i, c in enumerate(deck.cards)}
    out = []
    for card in deck.cards:
        seen: dict[str, list[int]] = {}
        for gi, group in enumerate(session.groups):
            for principle in group.marks_of(card.id):
                seen.setdefault(principle, []).append(gi)
        found = [(deck.card(pid), groups) for pid, groups in seen.items()]
        principles = sorted(
            (SeenPrinciple(p, tuple(groups)) for p, groups in found if p is not None),
            key=lambda s: (-len(s.groups), order.get(s.principle.id, len(order))),
        )
        if principles:
            out.append(CardMarks(card, tuple(principles)))
    return out
