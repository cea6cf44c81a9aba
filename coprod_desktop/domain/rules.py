"""The rules a session keeps, written once. The model's constructors and operations call
them, the file loader calls check_session and translates the error's field into the file's
field path, and the UI asks the model: nobody checks again.

Limits are what the room and the window can use: 12 groups fit the group tabs and have
distinct colours; 500 deck cards and 100 own cards a group keep the tray and the handout
usable. They hold on load as well as in the window.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from coprod_desktop.domain.errors import DomainError

if TYPE_CHECKING:
    from coprod_desktop.domain.model import Arrangement, Card, Group, Session

MAX_GROUPS = 12
MAX_DOTS = 20  # dots a group may put on cards: a handful to choose with, not a budget
MAX_DECK_CARDS = 500  # a card sort, not a database: the tray and the handout stay usable
MAX_GROUP_CARDS = 100  # a group's own cards
# A new or edited card's title (the built-in deck's longest is 31). Files with longer
# titles still load: the limit applies when a title is written, not when it is read.
MAX_CARD_TITLE = 60
TITLE_LIMIT_REASON = "titles are read from the back of the room; put the rest in the text"
COLOUR_PATTERN = re.compile(r"^#[0-9a-fA-F]{6}$")


def check_colour(colour: str, field: str = "") -> None:
    if not COLOUR_PATTERN.match(colour):
        raise DomainError(f"colour {colour!r} is not of the form #rrggbb", field)


def check_name(value: str, what: str, field: str) -> None:
    """Ids and names a person must be able to tell apart: not empty, not only spaces."""
    if not value.strip():
        raise DomainError(f"{what} is empty", field)


def check_size(width: float, height: float, field: str) -> None:
    if not (width > 0 and height > 0):
        raise DomainError("width and height must be positive", field)


def title_problem(title: str, unchanged: str | None = None) -> str:
    """Why a new or edited card's title is refused ("" if it is fine). A title left as it
    was (unchanged) passes, however long: a card from an older file can still be edited."""
    title = title.strip()
    if len(title) <= MAX_CARD_TITLE or (unchanged is not None and title == unchanged.strip()):
        return ""
    return f"the title has {len(title)} characters; at most {MAX_CARD_TITLE} ({TITLE_LIMIT_REASON})"


def check_card_title(title: str, unchanged: str | None = None) -> None:
    problem = title_problem(title, unchanged)
    if problem:
        raise DomainError(problem, "title")


def check_unique(values: Iterable[str], what: str, list_field: str, key: str = "id") -> None:
    """Each value once; the error names the first repeat's place: "regions[4].id"."""
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value in seen:
            raise DomainError(f"duplicate {what} {value!r}", f"{list_field}[{i}].{key}")
        seen.add(value)


def check_group_count(count: int) -> None:
    if count < 1:
        raise DomainError("a session needs at least one group", "groups")
    if count > MAX_GROUPS:
        raise DomainError(f"{count} groups; a session has at most {MAX_GROUPS}", "groups")


def check_group(group: Group) -> None:
    """A group on its own: id, name, colour, how many own cards."""
    check_name(group.id, "the group's id", "id")
    check_name(group.name, "the group's name", "name")
    check_colour(group.colour, "colour")
    check_own_card_count(len(group.cards))


def check_own_card_count(count: int) -> None:
    if count > MAX_GROUP_CARDS:
        raise DomainError(f"{count} own cards; a group has at most {MAX_GROUP_CARDS}", "cards")


def check_own_card_ids(session: Session, others: Iterable[Group], cards: Iterable[str]) -> None:
    """A group's own card ids are unique across the deck and the other groups' own cards."""
    taken = {c.id for c in session.deck.cards} | {c.id for g in others for c in g.cards}
    for i, card_id in enumerate(cards):
        if card_id in taken:
            raise DomainError(
                f"duplicate card id {card_id!r} (already in the deck or another group's cards)",
                f"cards[{i}].id",
            )
        taken.add(card_id)


def check_ranks(ranks: list[tuple[int, int | None]], lens: str) -> None:
    """A lens's regions are all ranked (an ordered lens) or none is, each rank once.
    ranks: (region index, rank) for the lens's regions."""
    given = [(i, r) for i, r in ranks if r is not None]
    if given and len(given) != len(ranks):
        i = next(i for i, r in ranks if r is None)
        raise DomainError(
            f"the other regions of lens {lens!r} have a rank; this one has none",
            f"regions[{i}].rank",
        )
    seen: set[int] = set()
    for i, rank in given:
        if rank in seen:
            raise DomainError(f"rank {rank} appears twice in lens {lens!r}", f"regions[{i}].rank")
        seen.add(rank)


def check_arrangement(
    session: Session, own_cards: Iterable[Card], arrangement: Arrangement
) -> None:
    """A group's arrangement: known cards and regions, at most one place per card and lens,
    one note per known card, marks on placed cards naming principle cards, each once."""
    cards = {c.id: c for c in session.deck.cards} | {c.id: c for c in own_cards}
    board = session.board
    taken: set[tuple[str, str]] = set()
    for i, p in enumerate(arrangement.placements):
        where = f"placements[{i}]"
        if p.card not in cards:
            raise DomainError(f"unknown card {p.card!r}", f"{where}.card")
        lens = board.lens_of(p.region)
        if lens is None:
            raise DomainError(f"unknown region {p.region!r}", f"{where}.region")
        if (p.card, lens) in taken:
            found = board.lens(lens)
            name = found.label.lower() if found else lens
            raise DomainError(f"card {p.card!r} already has a place on the {name}", where)
        taken.add((p.card, lens))
    noted: set[str] = set()
    for i, (card, text) in enumerate(arrangement.notes):
        where = f"notes[{i}]"
        if card not in cards:
            raise DomainError(f"a note for unknown card {card!r}", f"{where}.card")
        if card in noted:
            raise DomainError(f"card {card!r} has two notes", f"{where}.card")
        if not text.strip():
            raise DomainError("the note is empty", f"{where}.text")
        noted.add(card)
    placed = {card for card, _ in taken}
    marked: set[tuple[str, str]] = set()
    for i, m in enumerate(arrangement.marks):
        where = f"marks[{i}]"
        if m.card not in placed:
            raise DomainError(f"card {m.card!r} is marked but has no place", f"{where}.card")
        principle = cards.get(m.principle)
        if principle is None or principle.kind != "principle":
            raise DomainError(f"{m.principle!r} is not a principle card", f"{where}.principle")
        if (m.card, m.principle) in marked:
            raise DomainError(
                f"card {m.card!r} is marked with {m.principle!r} twice", f"{where}.principle"
            )
        marked.add((m.card, m.principle))
    voted: set[str] = set()
    for i, (card, dots) in enumerate(arrangement.votes):
        where = f"votes[{i}]"
        if card not in cards:
            raise DomainError(f"dots on unknown card {card!r}", f"{where}.card")
        if card in voted:
            raise DomainError(f"card {card!r} has dots twice", f"{where}.card")
        if dots < 1:
            raise DomainError(f"{dots} dots; at least 1", f"{where}.dots")
        voted.add(card)


def check_dots(dots: int, field: str = "dots") -> None:
    if not 0 <= dots <= MAX_DOTS:
        raise DomainError(f"{dots} dots; a group has 0 to {MAX_DOTS}", field)


def check_key(session: Session, card: Card, field: str) -> None:
    """A card's key names regions of the session's board, at most one per lens."""
    lenses: set[str] = set()
    for i, place in enumerate(card.reference):
        where = f"{field}.reference[{i}]"
        lens = session.board.lens_of(place.region)
        if lens is None:
            raise DomainError(f"the key names unknown region {place.region!r}", f"{where}.region")
        if lens in lenses:
            raise DomainError(f"the key gives card {card.id!r} two places on lens {lens!r}", where)
        lenses.add(lens)


def check_session(session: Session) -> None:
    """Every rule that spans objects (cards, boards and regions check themselves)."""
    check_group_count(len(session.groups))
    check_dots(session.dots)
    check_unique((r.name for r in session.rounds), "round name", "rounds", "name")
    for i, group in enumerate(session.groups):
        if sum(group.votes.values()) > session.dots:
            raise DomainError(
                f"{sum(group.votes.values())} dots used; each group has {session.dots}",
                f"groups[{i}].votes",
            )
    for i, card in enumerate(session.deck.cards):
        check_key(session, card, f"deck.cards[{i}]")
    if len(session.deck.cards) > MAX_DECK_CARDS:
        raise DomainError(
            f"{len(session.deck.cards)} cards; a deck holds at most {MAX_DECK_CARDS}",
            "deck.cards",
        )
    check_unique((g.id for g in session.groups), "group id", "groups")
    for i, group in enumerate(session.groups):
        try:
            check_group(group)
            check_own_card_ids(session, session.groups[:i], (c.id for c in group.cards))
            check_arrangement(session, group.cards, group.arrangement())
        except DomainError as exc:
            raise exc.within(f"groups[{i}]") from None
