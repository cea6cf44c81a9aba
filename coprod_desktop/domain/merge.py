"""Merging sessions from several laptops into one, for the debrief and the handout: each
table worked on its own copy of the same workshop. Pure: no files, no Qt.

The sessions must share the board (by content, not only by id). Decks are merged by card
id (first file's order, then new cards); a card id whose content differs between files is
a problem. Groups come in file order; two groups with the same id are a problem unless
rename_groups, which gives every group a fresh id (and a name no other group has). Own
card ids must stay unique across groups. More groups than the limit is a problem. Every
problem is one line; nothing is merged while there is one."""

from __future__ import annotations

from dataclasses import replace

from coprod_desktop.domain import rules
from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.model import Card, Deck, Group, Session


class MergeProblems(DomainError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def merge_sessions(sources: list[tuple[str, Session]], rename_groups: bool = False) -> Session:
    """One session with the groups of all sources (name: how a problem names the source)."""
    if not sources:
        raise MergeProblems(["nothing to merge"])
    first_name, first = sources[0]
    problems: list[str] = []
    cards: dict[str, Card] = {c.id: c for c in first.deck.cards}
    origin = {c.id: first_name for c in first.deck.cards}
    for name, session in sources[1:]:
        if session.board != first.board:
            problems.append(f"{name}: its board differs from {first_name}'s ({session.board.id!r})")
        for card in session.deck.cards:
            known = cards.get(card.id)
            if known is None:
                cards[card.id] = card
                origin[card.id] = name
            elif _content(known) != _content(card):
                problems.append(
                    f"{name}: card {card.id!r} differs from the one in {origin[card.id]}"
                )
    groups: list[Group] = []
    names: set[str] = set()
    own: dict[str, str] = {}
    for name, session in sources:
        for group in session.groups:
            copy = Group(
                group.id,
                group.name,
                group.colour,
                list(group.cards),
                list(group.placements),
                dict(group.notes),
                list(group.marks),
                dict(group.votes),
            )
            if any(g.id == copy.id for g in groups):
                if not rename_groups:
                    problems.append(
                        f"{name}: group id {group.id!r} ({group.name!r}) is also in an earlier "
                        "file; --rename-groups gives every group a fresh id"
                    )
                    continue
            for card in group.cards:
                if card.id in own or card.id in cards:
                    problems.append(f"{name}: own card id {card.id!r} is used twice")
                own[card.id] = name
            groups.append(copy)
    if len(groups) > rules.MAX_GROUPS:
        problems.append(f"{len(groups)} groups; a session has at most {rules.MAX_GROUPS}")
    if problems:
        raise MergeProblems(problems)
    if rename_groups:
        for i, group in enumerate(groups, 1):
            group.id = f"g{i}"
            base, n = group.name, 2
            while group.name in names:
                group.name, n = f"{base} ({n})", n + 1
            names.add(group.name)
    deck = Deck(first.deck.id, first.deck.title, tuple(cards.values()))
    merged = Session(
        first.title,
        first.created,
        deck,
        first.board,
        groups,
        first.venue,
        first.facilitator,
        dots=max(s.dots for _n, s in sources),
    )
    rules.check_session(merged)
    return merged


def _content(card: Card) -> Card:
    return replace(card, reference=())  # the key may differ between copies; the card may not
