"""The domain: cards, decks, boards, groups and their arrangements.

Pure Python, no I/O and no Qt. Operations validate their arguments and raise
DomainError, so the UI, the CLI and the loader share one set of rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from coprod_desktop.domain import rules
from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.kinds import CARD_KINDS, GROUP_CARD_KINDS, KIND_ORDER

# Distinct on projectors and for the common colour-vision deficiencies (Okabe-Ito).
GROUP_COLOURS: tuple[str, ...] = (
    "#0072b2",
    "#d55e00",
    "#009e73",
    "#cc79a7",
    "#e69f00",
    "#56b4e9",
    "#000000",
    "#f0e442",
    "#7f7f7f",
    "#8c510a",
    "#01665e",
    "#762a83",
)


CONFIDENCES = ("high", "medium", "contested")


@dataclass(frozen=True, slots=True)
class KeyPlace:
    """The facilitator's key for a card on one lens: the region the sources point to,
    how sure that reading is ("contested" is an honest answer), and why. Hidden from
    participants until the facilitator reveals it."""

    region: str
    confidence: str
    why: str

    def __post_init__(self) -> None:
        rules.check_name(self.region, "the key's region", "region")
        if self.confidence not in CONFIDENCES:
            raise DomainError(
                f"confidence {self.confidence!r} is not one of {', '.join(CONFIDENCES)}",
                "confidence",
            )
        rules.check_name(self.why, "the key's reasoning", "why")


@dataclass(frozen=True, slots=True)
class Card:
    id: str
    kind: str
    title: str
    text: str
    more: str = ""
    source: str = ""
    reference: tuple[KeyPlace, ...] = ()  # the facilitator's key, at most one per lens

    def __post_init__(self) -> None:
        rules.check_name(self.id, "the card's id", "id")
        if self.kind not in CARD_KINDS:
            raise DomainError(
                f"unknown kind {self.kind!r} (expected one of {', '.join(CARD_KINDS)})", "kind"
            )
        rules.check_name(self.title, "the title", "title")


@dataclass(frozen=True, slots=True)
class CardDraft:
    """A card's fields without an id: what a form or a CSV row gives."""

    kind: str
    title: str
    text: str = ""
    more: str = ""
    source: str = ""

    def to_card(self, card_id: str) -> Card:
        return Card(
            card_id,
            self.kind,
            self.title.strip(),
            self.text.strip(),
            self.more.strip(),
            self.source.strip(),
        )

    @classmethod
    def of(cls, card: Card) -> CardDraft:
        return cls(card.kind, card.title, card.text, card.more, card.source)


@dataclass(frozen=True, slots=True)
class Deck:
    id: str
    title: str
    cards: tuple[Card, ...]

    def __post_init__(self) -> None:
        rules.check_unique((c.id for c in self.cards), "card id", "cards")

    def card(self, card_id: str) -> Card | None:
        return next((c for c in self.cards if c.id == card_id), None)


Rect = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Lens:
    """One instrument of the board: a question every card can be given one answer to.

    The built-in board has the matrix (who plans, who delivers), the ladder (how much
    power) and "not" (not co-production at all). Which lenses a placed card should be
    given is the board's data: a card should have a place on every *expected* lens,
    unless it has a place on a lens that *stands alone* (a card that is not
    co-production needs no cell or rung).
    """

    id: str
    label: str
    unit: str = "place"  # what one region of the lens is called: "cell", "rung"
    expected: bool = True
    stands_alone: bool = False

    def __post_init__(self) -> None:
        rules.check_name(self.id, "the lens's id", "id")
        rules.check_name(self.label, "the lens's label", "label")
        rules.check_name(self.unit, "the lens's unit", "unit")


@dataclass(frozen=True, slots=True)
class Region:
    """Where cards can be dropped. rect is (x, y, width, height) in board units.

    Every region belongs to one lens; on an ordered lens (the ladder) each region has
    a rank, 1 at the bottom, so distances along it can be counted.
    """

    id: str
    label: str
    rect: Rect
    lens: str = "board"  # a board of one lens: each card has one place on it
    description: str = ""
    band: str = ""  # on the ladder: "to", "for" or "with"
    rank: int | None = None
    prompts: tuple[str, ...] = ()  # the facilitator's questions that help a group decide

    def __post_init__(self) -> None:
        rules.check_name(self.id, "the region's id", "id")
        rules.check_name(self.lens, "the region's lens", "lens")
        rules.check_size(self.rect[2], self.rect[3], "rect")
        for i, prompt in enumerate(self.prompts):
            rules.check_name(prompt, "a facilitator's prompt", f"prompts[{i}]")
        if self.rank is not None and self.rank < 1:
            raise DomainError(f"rank {self.rank} is not a whole number from 1", "rank")


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

    lenses: tuple[Lens, ...] = ()  # a lens a region names but this omits gets the defaults
    # Regions by id, made once: region() is asked for on every card of every move.
    _by_id: dict[str, Region] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        rules.check_size(*self.size, "size")
        if not self.regions:
            raise DomainError("a board needs at least one region", "regions")
        rules.check_unique((r.id for r in self.regions), "region id", "regions")
        object.__setattr__(self, "_by_id", {r.id: r for r in self.regions})
        rules.check_unique((lens.id for lens in self.lenses), "lens id", "lenses")
        declared = {lens.id for lens in self.lenses}
        missing = dict.fromkeys(r.lens for r in self.regions if r.lens not in declared)
        if missing:  # frozen: the derived lenses are set once, here
            lenses = (*self.lenses, *(Lens(name, name.capitalize()) for name in missing))
            object.__setattr__(self, "lenses", lenses)
        for i, lens in enumerate(self.lenses):
            ranks = [(j, r.rank) for j, r in enumerate(self.regions) if r.lens == lens.id]
            if not ranks:
                raise DomainError(f"lens {lens.id!r} has no regions", f"lenses[{i}]")
            rules.check_ranks(ranks, lens.id)

    def region(self, region_id: str) -> Region | None:
        return self._by_id.get(region_id)

    def lens(self, lens_id: str) -> Lens | None:
        return next((lens for lens in self.lenses if lens.id == lens_id), None)

    def lens_of(self, region_id: str) -> str | None:
        """The lens a region belongs to; None for a region the board does not have."""
        region = self.region(region_id)
        return region.lens if region is not None else None

    def regions_of(self, lens_id: str) -> list[Region]:
        """A lens's regions in board order."""
        return [r for r in self.regions if r.lens == lens_id]

    def is_ordered(self, lens_id: str) -> bool:
        """Whether the lens's regions are ranked (the ladder)."""
        regions = self.regions_of(lens_id)
        return bool(regions) and all(r.rank is not None for r in regions)


@dataclass(frozen=True, slots=True)
class Placement:
    """A card's place on one lens: at most one per card and lens in a group."""

    card: str
    region: str


@dataclass(frozen=True, slots=True)
class Mark:
    """A group saw this principle in this placed card."""

    card: str
    principle: str


@dataclass(frozen=True, slots=True)
class Arrangement:
    """Everything a group decided about the cards: places, notes and marks. What
    undo puts back in one step."""

    placements: tuple[Placement, ...] = ()
    notes: tuple[tuple[str, str], ...] = ()  # (card id, text), one per card
    marks: tuple[Mark, ...] = ()
    votes: tuple[tuple[str, int], ...] = ()  # (card id, dots), dots >= 1


@dataclass(slots=True)
class Group:
    """One table group: its own cards, where it put each card (one place per lens),
    a note per card and the principles it saw in each placed card."""

    id: str
    name: str
    colour: str
    cards: list[Card] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)  # card id -> text, never ""
    marks: list[Mark] = field(default_factory=list)
    votes: dict[str, int] = field(default_factory=dict)  # card id -> dots (dot voting)

    def places(self, card_id: str) -> list[Placement]:
        """The card's places, one per lens, in arrangement order."""
        return [p for p in self.placements if p.card == card_id]

    def in_region(self, region_id: str) -> list[Placement]:
        return [p for p in self.placements if p.region == region_id]

    def placed_ids(self) -> set[str]:
        return {p.card for p in self.placements}

    def note(self, card_id: str) -> str:
        return self.notes.get(card_id, "")

    def marks_of(self, card_id: str) -> list[str]:
        """The principle card ids marked on a card, in the order they were marked."""
        return [m.principle for m in self.marks if m.card == card_id]

    def arrangement(self) -> Arrangement:
        return Arrangement(
            tuple(self.placements),
            tuple(self.notes.items()),
            tuple(self.marks),
            tuple(self.votes.items()),
        )

    def _take(self, arrangement: Arrangement) -> None:
        self.placements = list(arrangement.placements)
        self.notes = dict(arrangement.notes)
        self.marks = list(arrangement.marks)
        self.votes = dict(arrangement.votes)

    def dots_used(self) -> int:
        return sum(self.votes.values())


@dataclass(frozen=True, slots=True)
class Round:
    """A closed round: every group's places as they were when the facilitator closed it,
    so the debrief can show what moved since."""

    name: str
    arrangements: tuple[tuple[str, tuple[Placement, ...]], ...]  # (group id, its places)

    def __post_init__(self) -> None:
        rules.check_name(self.name, "the round's name", "name")

    def places_of(self, group_id: str) -> tuple[Placement, ...]:
        return next((p for g, p in self.arrangements if g == group_id), ())


@dataclass(frozen=True, slots=True)
class GroupContent:
    """A group's own cards and arrangement: what its card commands undo and redo."""

    cards: tuple[Card, ...]
    arrangement: Arrangement


@dataclass(frozen=True, slots=True)
class DeckState:
    """The deck and every group's arrangement: what deck edits undo and redo."""

    deck: Deck
    arrangements: tuple[tuple[str, Arrangement], ...]  # (group id, arrangement)


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
    rounds: list[Round] = field(default_factory=list)  # closed rounds, oldest first
    dots: int = 0  # dots each group may put on cards; 0: no dot voting
    # What another tool wrote into the file, kept for the next save. Opaque here: the
    # files layer collects and restores it (files/foreign_keys.py).
    foreign: dict[tuple[str, ...], dict[str, object]] = field(
        default_factory=dict, compare=False, repr=False
    )

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
        """The group's cards with no place on any lens, by kind (KIND_ORDER) as the tray
        lists them."""
        placed = group.placed_ids()
        return in_kind_order(c for c in self.cards_for(group) if c.id not in placed)

    def place_on(self, group: Group, card_id: str, lens_id: str) -> Placement | None:
        """The card's place on one lens, if it has one."""
        return next(
            (
                p
                for p in group.placements
                if p.card == card_id and self.board.lens_of(p.region) == lens_id
            ),
            None,
        )

    def missing_lenses(self, group: Group, card_id: str) -> list[str]:
        """The expected lenses a placed card has no place on yet (board order), or [] when
        it is not placed or has a place on a lens that stands alone."""
        have = {self.board.lens_of(p.region) for p in group.places(card_id)}
        if not have:
            return []
        lenses = self.board.lenses
        if any(lens.stands_alone and lens.id in have for lens in lenses):
            return []
        return [lens.id for lens in lenses if lens.expected and lens.id not in have]

    def still_to_decide(self, group: Group) -> list[tuple[Card, list[str]]]:
        """The placed cards that still lack a place on an expected lens, with those lenses."""
        seen: set[str] = set()
        out = []
        for p in group.placements:
            if p.card in seen:
                continue
            seen.add(p.card)
            missing = self.missing_lenses(group, p.card)
            if missing:
                out.append((self.card(group, p.card), missing))
        return out

    # --- operations -----------------------------------------------------
    def place(self, group_id: str, card_id: str, region_id: str, index: int | None = None) -> None:
        """Put a card in a region at index (end when None).

        A card with a place on the region's lens moves there; its places on the other
        lenses, its note and its marks stay.
        """
        group = self.group(group_id)
        self.card(group, card_id)
        lens = self.board.lens_of(region_id)
        if lens is None:
            raise DomainError(f"no region with id {region_id!r} on board {self.board.id!r}")
        old = self.place_on(group, card_id, lens)
        remaining = [p for p in group.placements if p is not old]
        group.placements = _insert_in_region(remaining, Placement(card_id, region_id), index)

    def unplace(self, group_id: str, card_id: str, lens_id: str | None = None) -> None:
        """Take a card off one lens, or off the board (back to the tray) when lens_id is
        None. Its note stays; its marks go when it has no place left (a mark is on a
        placed card)."""
        group = self.group(group_id)
        if lens_id is None:
            gone = group.places(card_id)
        else:
            one = self.place_on(group, card_id, lens_id)
            gone = [one] if one is not None else []
        if not gone:
            where = "the board" if lens_id is None else f"the {lens_id} lens"
            raise DomainError(f"card {card_id!r} is not on {where} of {group.name!r}")
        group.placements = [p for p in group.placements if p not in gone]
        if card_id not in group.placed_ids():
            group.marks = [m for m in group.marks if m.card != card_id]

    def set_note(self, group_id: str, card_id: str, note: str) -> None:
        """The group's note on a card, placed or not ("" or only spaces removes it)."""
        group = self.group(group_id)
        self.card(group, card_id)
        if note.strip():
            group.notes[card_id] = note
        else:
            group.notes.pop(card_id, None)

    def mark(self, group_id: str, card_id: str, principle_id: str) -> None:
        """Say the group sees a principle in a placed card."""
        group = self.group(group_id)
        mark = Mark(card_id, principle_id)
        arrangement = replace(group.arrangement(), marks=(*group.marks, mark))
        rules.check_arrangement(self, group.cards, arrangement)
        group.marks.append(mark)

    def unmark(self, group_id: str, card_id: str, principle_id: str) -> None:
        group = self.group(group_id)
        mark = Mark(card_id, principle_id)
        if mark not in group.marks:
            raise DomainError(f"card {card_id!r} is not marked with {principle_id!r}")
        group.marks.remove(mark)

    # --- rounds and dot votes ------------------------------------------------------
    def close_round(self, name: str = "") -> Round:
        """Snapshot every group's places as a round (named "Round N" when name is empty)."""
        name = name.strip() or f"Round {len(self.rounds) + 1}"
        if any(r.name == name for r in self.rounds):
            raise DomainError(f"there is already a round called {name!r}", "name")
        closed = Round(name, tuple((g.id, tuple(g.placements)) for g in self.groups))
        self.rounds.append(closed)
        return closed

    def reopen_round(self, name: str) -> Round:
        """Take a closed round back off the list (undo of closing it)."""
        closed = next((r for r in self.rounds if r.name == name), None)
        if closed is None:
            raise DomainError(f"no round called {name!r}")
        self.rounds.remove(closed)
        return closed

    def set_dots(self, dots: int) -> None:
        """Dots per group; no group may already have used more."""
        rules.check_dots(dots)
        over = next((g for g in self.groups if g.dots_used() > dots), None)
        if over is not None:
            raise DomainError(
                f"{over.name!r} has already put {over.dots_used()} dots; take some back first"
            )
        self.dots = dots

    def vote(self, group_id: str, card_id: str, change: int) -> None:
        """Put (change +1) or take back (-1) a dot on a card."""
        group = self.group(group_id)
        self.card(group, card_id)
        now = group.votes.get(card_id, 0) + change
        if now < 0:
            raise DomainError(f"card {card_id!r} has no dot of {group.name!r} to take back")
        if change > 0 and group.dots_used() + change > self.dots:
            raise DomainError(f"{group.name!r} has used all its {self.dots} dots")
        if now:
            group.votes[card_id] = now
        else:
            group.votes.pop(card_id, None)

    def set_arrangement(self, group_id: str, arrangement: Arrangement) -> None:
        """Replace a group's whole arrangement (used by undo); checks it first."""
        group = self.group(group_id)
        rules.check_arrangement(self, group.cards, arrangement)
        group._take(arrangement)

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
        self.insert_group(len(self.groups), group)
        return group

    def rename_group(self, group_id: str, name: str) -> None:
        rules.check_name(name, "the group's name", "name")
        self.group(group_id).name = name.strip()

    def remove_group(self, group_id: str) -> tuple[int, Group]:
        """Remove a group; returns its position and the group so it can be put back."""
        group = self.group(group_id)
        rules.check_group_count(len(self.groups) - 1)
        index = self.groups.index(group)
        del self.groups[index]
        return index, group

    def insert_group(self, index: int, group: Group) -> None:
        rules.check_group_count(len(self.groups) + 1)
        if any(g.id == group.id for g in self.groups):
            raise DomainError(f"duplicate group id {group.id!r}")
        rules.check_group(group)
        rules.check_own_card_ids(self, self.groups, (c.id for c in group.cards))
        self.groups.insert(index, group)

    def recolour_group(self, group_id: str, colour: str) -> str:
        """Give a group another colour; returns the old one."""
        rules.check_colour(colour)
        group = self.group(group_id)
        old, group.colour = group.colour, colour.lower()
        return old

    def move_group(self, group_id: str, index: int) -> int:
        """Move a group to position index among the groups; returns its old position."""
        group = self.group(group_id)
        if not 0 <= index < len(self.groups):
            raise DomainError(f"no position {index + 1} among {len(self.groups)} group(s)")
        old = self.groups.index(group)
        self.groups.insert(index, self.groups.pop(old))
        return old

    # --- a group's own cards ------------------------------------------------
    def group_content(self, group_id: str) -> GroupContent:
        group = self.group(group_id)
        return GroupContent(tuple(group.cards), group.arrangement())

    def set_group_content(self, group_id: str, content: GroupContent) -> GroupContent:
        """Replace a group's own cards and arrangement (checked first); returns the old ones."""
        group = self.group(group_id)
        others = [g for g in self.groups if g is not group]
        rules.check_own_card_ids(self, others, (c.id for c in content.cards))
        rules.check_own_card_count(len(content.cards))
        rules.check_arrangement(self, content.cards, content.arrangement)
        old = self.group_content(group_id)
        group.cards = list(content.cards)
        group._take(content.arrangement)
        return old

    def fresh_card_id(
        self, title: str, kind: str = "custom", also_taken: Iterable[str] = ()
    ) -> str:
        """An id no card in the deck or any group uses, e.g. 'custom-time-bank-2'."""
        return _fresh_card_id(title, kind, self._card_ids() | set(also_taken))

    def _card_ids(self) -> set[str]:
        return {c.id for c in self.deck.cards} | {c.id for g in self.groups for c in g.cards}

    def add_group_card(self, group_id: str, draft: CardDraft) -> Card:
        group = self.group(group_id)
        _check_group_kind(draft.kind)
        rules.check_card_title(draft.title)
        rules.check_own_card_count(len(group.cards) + 1)
        card = draft.to_card(self.fresh_card_id(draft.title, draft.kind))
        group.cards.append(card)
        return card

    def edit_group_card(self, group_id: str, card_id: str, draft: CardDraft) -> Card:
        """Change a group card's fields (its id and placement stay); returns the old card."""
        group = self.group(group_id)
        _check_group_kind(draft.kind)
        index = _index_of(group.cards, card_id, f"{group.name!r}'s own cards")
        old = group.cards[index]
        rules.check_card_title(draft.title, old.title)
        group.cards[index] = draft.to_card(card_id)
        return old

    def remove_group_card(self, group_id: str, card_id: str) -> GroupContent:
        """Delete a group's own card with its places, note and marks; returns the group's
        old content."""
        group = self.group(group_id)
        _index_of(group.cards, card_id, f"{group.name!r}'s own cards")
        old = self.group_content(group_id)
        group.cards = [c for c in group.cards if c.id != card_id]
        group._take(_without_card(group.arrangement(), card_id))
        return old

    def copy_arrangement(self, source_id: str, target_id: str) -> GroupContent:
        """Start target from source's board: the same places, notes and marks.

        Source's own cards come along as copies with fresh ids (a copy equal to one
        target already has is reused). Returns target's old content.
        """
        if source_id == target_id:
            raise DomainError("a group cannot copy its own arrangement")
        source, target = self.group(source_id), self.group(target_id)
        cards = list(target.cards)
        id_map = {c.id: c.id for c in self.deck.cards}
        for card in source.cards:
            same = next((c for c in cards if CardDraft.of(c) == CardDraft.of(card)), None)
            if same is None:
                fresh = self.fresh_card_id(card.title, card.kind, (c.id for c in cards))
                same = CardDraft.of(card).to_card(fresh)
                cards.append(same)
            id_map[card.id] = same.id
        arrangement = Arrangement(
            tuple(replace(p, card=id_map[p.card]) for p in source.placements),
            tuple((id_map[card], text) for card, text in source.notes.items()),
            tuple(Mark(id_map[m.card], id_map[m.principle]) for m in source.marks),
        )
        return self.set_group_content(target_id, GroupContent(tuple(cards), arrangement))

    # --- the session's deck ---------------------------------------------------
    def deck_state(self) -> DeckState:
        return DeckState(self.deck, tuple((g.id, g.arrangement()) for g in self.groups))

    def set_deck_state(self, state: DeckState) -> DeckState:
        """Replace the deck and the arrangements (checked first); returns the old state."""
        arrangements = dict(state.arrangements)
        deck_ids = {c.id for c in state.deck.cards}
        old_deck = self.deck
        try:  # the rules look principles up in the deck the state brings
            self.deck = state.deck
            for group in self.groups:
                clash = next((c.id for c in group.cards if c.id in deck_ids), None)
                if clash is not None:
                    raise DomainError(f"duplicate card id {clash!r} in the deck and {group.name!r}")
                rules.check_arrangement(
                    self, group.cards, arrangements.get(group.id, Arrangement())
                )
        finally:
            self.deck = old_deck
        old = self.deck_state()
        self.deck = state.deck
        for group in self.groups:
            group._take(arrangements.get(group.id, Arrangement()))
        return old

    def where_placed(self, card_id: str) -> list[tuple[Group, Placement]]:
        """Every place of card_id on every group's board, in group order."""
        return [(g, p) for g in self.groups for p in g.places(card_id)]

    def add_deck_cards(self, drafts: Iterable[CardDraft], index: int | None = None) -> list[Card]:
        """Add cards with fresh ids at index (the end when None); all or nothing."""
        drafts = list(drafts)
        cards = list(self.deck.cards)
        if len(cards) + len(drafts) > rules.MAX_DECK_CARDS:
            raise DomainError(
                f"a deck holds at most {rules.MAX_DECK_CARDS} cards; this one has "
                f"{len(cards)} and {len(drafts)} would be added"
            )
        for draft in drafts:
            rules.check_card_title(draft.title)
        added: list[Card] = []
        taken = self._card_ids()
        for draft in drafts:
            card = draft.to_card(_fresh_card_id(draft.title, draft.kind, taken))
            taken.add(card.id)
            added.append(card)
        at = len(cards) if index is None else max(0, min(index, len(cards)))
        self.deck = replace(self.deck, cards=tuple(cards[:at] + added + cards[at:]))
        return added

    def edit_deck_card(self, card_id: str, draft: CardDraft) -> Card:
        """Change a deck card's fields (its id and placements stay); returns the old card."""
        cards = list(self.deck.cards)
        index = _index_of(cards, card_id, "the deck")
        old = cards[index]
        rules.check_card_title(draft.title, old.title)
        cards[index] = replace(draft.to_card(card_id), reference=old.reference)  # key stays
        self.deck = replace(self.deck, cards=tuple(cards))
        return old

    def remove_deck_card(self, card_id: str) -> DeckState:
        """Take a card out of the deck and off every group's board, with its notes and
        marks; returns the old state."""
        _index_of(list(self.deck.cards), card_id, "the deck")
        old = self.deck_state()
        self.deck = replace(self.deck, cards=tuple(c for c in self.deck.cards if c.id != card_id))
        for group in self.groups:
            group._take(_without_card(group.arrangement(), card_id))
        return old

    def move_deck_card(self, card_id: str, index: int) -> int:
        """Move a deck card to position index; returns its old position."""
        cards = list(self.deck.cards)
        old = _index_of(cards, card_id, "the deck")
        if not 0 <= index < len(cards):
            raise DomainError(f"no position {index + 1} among {len(cards)} card(s)")
        cards.insert(index, cards.pop(old))
        self.deck = replace(self.deck, cards=tuple(cards))
        return old

    def iter_placed(self, group: Group) -> Iterator[tuple[Region, list[tuple[Card, Placement]]]]:
        """Each region in board order with its placed cards in order."""
        for region in self.board.regions:
            yield region, [(self.card(group, p.card), p) for p in group.in_region(region.id)]


def deck_for_board(deck: Deck, board: Board) -> Deck:
    """The deck with its key kept only where it names a region of this board (a deck
    written for one board can be used on another: its key then says nothing there)."""
    regions = {r.id for r in board.regions}
    if all(k.region in regions for c in deck.cards for k in c.reference):
        return deck  # the usual case: the same deck, not a copy
    cards = tuple(
        replace(c, reference=tuple(k for k in c.reference if k.region in regions))
        for c in deck.cards
    )
    return replace(deck, cards=cards)


def in_kind_order(cards: Iterable[Card]) -> list[Card]:
    """The cards by kind in KIND_ORDER; within a kind, in the order given."""
    rank = {kind: i for i, kind in enumerate(KIND_ORDER)}
    return sorted(cards, key=lambda card: rank.get(card.kind, len(rank)))


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


def _without_card(arrangement: Arrangement, card_id: str) -> Arrangement:
    """The arrangement with no trace of a card: its places, its note, its marks, and the
    marks that named it as the principle."""
    return Arrangement(
        tuple(p for p in arrangement.placements if p.card != card_id),
        tuple((c, t) for c, t in arrangement.notes if c != card_id),
        tuple(m for m in arrangement.marks if card_id not in (m.card, m.principle)),
        tuple((c, n) for c, n in arrangement.votes if c != card_id),
    )


def _fresh_card_id(title: str, kind: str, taken: set[str]) -> str:
    prefix = "not" if kind == "non_example" else kind
    slug = "-".join(re.findall(r"[a-z0-9]+", title.lower()))[:40].strip("-") or "card"
    base = f"{prefix}-{slug}"
    n = 1
    while (candidate := base if n == 1 else f"{base}-{n}") in taken:
        n += 1
    return candidate


def _check_group_kind(kind: str) -> None:
    if kind not in GROUP_CARD_KINDS:
        raise DomainError(f"a group's own card is {' or '.join(GROUP_CARD_KINDS)}, not {kind!r}")


def _index_of(cards: list[Card], card_id: str, where: str) -> int:
    for i, card in enumerate(cards):
        if card.id == card_id:
            return i
    raise DomainError(f"no card with id {card_id!r} in {where}")


def _fresh_id(prefix: str, taken: set[str]) -> str:
    n = len(taken) + 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"
