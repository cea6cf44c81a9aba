"""The domain: cards, decks, boards, groups and their arrangements.

Pure Python, no I/O and no Qt. Operations validate their arguments and raise
DomainError, so the UI, the CLI and the loader share one set of rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Literal, get_args

CardKind = Literal["principle", "activity", "non_example", "custom"]
CARD_KINDS: tuple[str, ...] = get_args(CardKind)
KIND_LABELS: dict[str, str] = {
    "principle": "Principle",
    "activity": "Activity",
    "non_example": "Co-production is not ...",
    "custom": "Our own card",
}
COLOUR_PATTERN = re.compile(r"^#[0-9a-fA-F]{6}$")
# Distinct on projectors and for the common colour-vision deficiencies (Okabe-Ito).
GROUP_COLOURS: tuple[str, ...] = (
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9",
    "#000000", "#f0e442", "#7f7f7f", "#8c510a", "#01665e", "#762a83",
)


class DomainError(ValueError):
    """An operation that would break a rule of the arrangement."""


@dataclass(frozen=True, slots=True)
class Card:
    id: str
    kind: str
    title: str
    text: str
    more: str = ""
    source: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            raise DomainError("a card needs an id")
        if self.kind not in CARD_KINDS:
            raise DomainError(f"card {self.id!r}: unknown kind {self.kind!r}")
        if not self.title.strip():
            raise DomainError(f"card {self.id!r}: the title is empty")


@dataclass(frozen=True, slots=True)
class Deck:
    id: str
    title: str
    cards: tuple[Card, ...]

    def __post_init__(self) -> None:
        _require_unique((c.id for c in self.cards), "card id in the deck")

    def card(self, card_id: str) -> Card | None:
        return next((c for c in self.cards if c.id == card_id), None)


Rect = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Region:
    """Where cards can be dropped. rect is (x, y, width, height) in board units."""

    id: str
    label: str
    rect: Rect
    zone: str = ""  # "matrix", "ladder", "not": which part of the board it belongs to
    description: str = ""
    band: str = ""  # on the ladder: "to", "for" or "with"


@dataclass(frozen=True, slots=True)
class Decoration:
    """Text on the board that is not a drop target: headings, axis titles, bands."""

    kind: str  # "title", "axis", "heading", "band"
    text: str
    rect: Rect


@dataclass(frozen=True, slots=True)
class Board:
    id: str
    title: str
    size: tuple[float, float]
    regions: tuple[Region, ...]
    decorations: tuple[Decoration, ...] = ()
    source: str = ""

    def __post_init__(self) -> None:
        if not self.regions:
            raise DomainError(f"board {self.id!r} has no regions")
        _require_unique((r.id for r in self.regions), "region id on the board")

    def region(self, region_id: str) -> Region | None:
        return next((r for r in self.regions if r.id == region_id), None)


@dataclass(frozen=True, slots=True)
class Placement:
    card: str
    region: str
    note: str = ""


@dataclass(slots=True)
class Group:
    """One table group: its own cards and where it put each card."""

    id: str
    name: str
    colour: str
    cards: list[Card] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)

    def placement(self, card_id: str) -> Placement | None:
        return next((p for p in self.placements if p.card == card_id), None)

    def in_region(self, region_id: str) -> list[Placement]:
        return [p for p in self.placements if p.region == region_id]

    def placed_ids(self) -> set[str]:
        return {p.card for p in self.placements}


@dataclass(slots=True)
class Session:
    title: str
    created: str
    deck: Deck
    board: Board
    groups: list[Group]
    # Where the workshop was held. Not called "place": that name is the operation below,
    # and a field of the same name would replace the method on every instance.
    venue: str = ""
    facilitator: str = ""

    # --- look-ups -------------------------------------------------------
    def group(self, group_id: str) -> Group:
        for g in self.groups:
            if g.id == group_id:
                return g
        raise DomainError(f"no group with id {group_id!r}")

    def cards_for(self, group: Group) -> list[Card]:
        """The deck's cards followed by the group's own cards."""
        return [*self.deck.cards, *group.cards]

    def card(self, group: Group, card_id: str) -> Card:
        found = self.deck.card(card_id) or next((c for c in group.cards if c.id == card_id), None)
        if found is None:
            raise DomainError(f"no card with id {card_id!r} for group {group.name!r}")
        return found

    def unplaced(self, group: Group) -> list[Card]:
        placed = group.placed_ids()
        return [c for c in self.cards_for(group) if c.id not in placed]

    # --- operations -----------------------------------------------------
    def place(self, group_id: str, card_id: str, region_id: str, index: int | None = None) -> None:
        """Put a card in a region at index (end when None).

        A card already on the board moves, keeping its note.
        """
        group = self.group(group_id)
        self.card(group, card_id)
        if self.board.region(region_id) is None:
            raise DomainError(f"no region with id {region_id!r} on board {self.board.id!r}")
        old = group.placement(card_id)
        note = old.note if old else ""
        remaining = [p for p in group.placements if p.card != card_id]
        group.placements = _insert_in_region(remaining, Placement(card_id, region_id, note), index)

    def unplace(self, group_id: str, card_id: str) -> None:
        group = self.group(group_id)
        if group.placement(card_id) is None:
            raise DomainError(f"card {card_id!r} is not on the board of {group.name!r}")
        group.placements = [p for p in group.placements if p.card != card_id]

    def set_note(self, group_id: str, card_id: str, note: str) -> None:
        group = self.group(group_id)
        old = group.placement(card_id)
        if old is None:
            raise DomainError(
                f"card {card_id!r} is not on the board of {group.name!r}; place it first"
            )
        group.placements = [
            replace(p, note=note) if p.card == card_id else p for p in group.placements
        ]

    def set_arrangement(self, group_id: str, placements: Iterable[Placement]) -> None:
        """Replace a group's whole arrangement (used by undo); checks every placement."""
        group = self.group(group_id)
        new = list(placements)
        _require_unique((p.card for p in new), f"placed card in group {group.name!r}")
        for p in new:
            self.card(group, p.card)
            if self.board.region(p.region) is None:
                raise DomainError(f"no region with id {p.region!r}")
        group.placements = new

    def new_group(self, name: str = "") -> Group:
        """A group with a fresh id and an unused colour, not yet added."""
        used = {g.colour.lower() for g in self.groups}
        n = len(self.groups)
        fallback = GROUP_COLOURS[n % len(GROUP_COLOURS)]
        colour = next((c for c in GROUP_COLOURS if c not in used), fallback)
        group_id = _fresh_id("g", {g.id for g in self.groups})
        return Group(id=group_id, name=name.strip() or f"Group {n + 1}", colour=colour)

    def add_group(self, name: str = "") -> Group:
        group = self.new_group(name)
        self.groups.append(group)
        return group

    def rename_group(self, group_id: str, name: str) -> None:
        if not name.strip():
            raise DomainError("a group needs a name")
        self.group(group_id).name = name.strip()

    def remove_group(self, group_id: str) -> tuple[int, Group]:
        """Remove a group; returns its position and the group so it can be put back."""
        if len(self.groups) == 1:
            raise DomainError("a session needs at least one group")
        group = self.group(group_id)
        index = self.groups.index(group)
        del self.groups[index]
        return index, group

    def insert_group(self, index: int, group: Group) -> None:
        if any(g.id == group.id for g in self.groups):
            raise DomainError(f"duplicate group id {group.id!r}")
        check_colour(group.colour)
        self.groups.insert(index, group)

    def iter_placed(self, group: Group) -> Iterator[tuple[Region, list[tuple[Card, Placement]]]]:
        """Each region in board order with its placed cards in order."""
        for region in self.board.regions:
            yield region, [(self.card(group, p.card), p) for p in group.in_region(region.id)]


def check_colour(colour: str) -> None:
    if not COLOUR_PATTERN.match(colour):
        raise DomainError(f"colour {colour!r} is not of the form #rrggbb")


def _insert_in_region(
    placements: list[Placement], new: Placement, index: int | None
) -> list[Placement]:
    """Insert new so that it is the index-th card of its region (list order is region order)."""
    positions = [i for i, p in enumerate(placements) if p.region == new.region]
    if index is None or index >= len(positions):
        at = positions[-1] + 1 if positions else len(placements)
    else:
        at = positions[max(index, 0)]
    return [*placements[:at], new, *placements[at:]]


def _require_unique(values: Iterable[str], what: str) -> None:
    seen: set[str] = set()
    for v in values:
        if v in seen:
            raise DomainError(f"duplicate {what}: {v!r}")
        seen.add(v)


def _fresh_id(prefix: str, taken: set[str]) -> str:
    n = len(taken) + 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"
