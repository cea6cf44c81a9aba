"""Sessions of a given size for the benchmarks, built with the model (no files, no Qt)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from coprod_desktop.domain.model import GROUP_COLOURS, Card, Group, Placement, Session
from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_file import load_session

OWN_TEXT = (
    "A card this table wrote itself: a local example of people and professionals "
    "working together, with enough words to wrap onto two or three lines."
)


def synthetic_session(groups: int, placed: int, unplaced: int = 0, notes_every: int = 4) -> Session:
    """groups groups, each with placed cards on the board and unplaced cards in its tray.

    The deck's cards come first; the group's own (custom) cards make up the rest.
    Each group spreads its cards over the regions from a different starting region,
    so no two groups look alike. Every notes_every-th placement carries a note.
    """
    session = content.new_session("Benchmark workshop", [f"Table {i + 1}" for i in range(groups)])
    regions = session.board.regions
    for g, group in enumerate(session.groups):
        extra = max(0, placed + unplaced - len(session.deck.cards))
        group.cards = [
            Card(
                id=f"{group.id}-own-{n + 1}",
                kind="custom",
                title=f"Our idea {n + 1}: a neighbourhood health champion",
                text=OWN_TEXT,
            )
            for n in range(extra)
        ]
        cards = session.cards_for(group)[:placed]
        group.placements = [
            Placement(card.id, regions[(i + 5 * g) % len(regions)].id)
            for i, card in enumerate(cards)
        ]
        group.notes = {
            card.id: f"Note {i + 1}: why the table put this card here."
            for i, card in enumerate(cards)
            if i % notes_every == 0
        }
    return session


def repeated_example(path: Path, groups: int) -> Session:
    """The example session with its groups repeated until there are groups of them:
    real titles, texts and notes at the size of a big workshop."""
    session = load_session(path)
    originals = list(session.groups)
    session.groups = [_copy_group(originals[i % len(originals)], i) for i in range(groups)]
    return session


def _copy_group(group: Group, i: int) -> Group:
    return Group(
        id=f"g{i + 1}",
        name=f"{group.name} ({i + 1})",
        colour=GROUP_COLOURS[i % len(GROUP_COLOURS)],
        cards=list(group.cards),
        placements=[replace(p) for p in group.placements],
        notes=dict(group.notes),
        marks=list(group.marks),
    )
