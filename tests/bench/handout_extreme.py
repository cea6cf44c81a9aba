"""Sessions with extreme user text, for the handout's tests and a benchmark that prints.

    uv run python -m tests.bench.handout_extreme [LENGTH]

Every piece of text a session file may hold (title, venue, facilitator, date, group
names, card titles, texts, more and sources, notes, region labels and descriptions,
board decorations, deck and board titles, board source) can be set to LENGTH
characters without a single space, one field at a time or all at once. The session
is the example workshop (three groups, own cards, notes), so every part of the
handout has something to print. The benchmark prints the time of each; it never fails.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import replace

from coprod_desktop.domain.model import Card, Session
from coprod_desktop.files.builtin import resources_dir
from coprod_desktop.files.session_file import load_session
from coprod_desktop.handout import DEFAULT_OPTIONS, HandoutOptions, handout_bytes

EXAMPLE = "community-health-workshop.json"
LENGTH = 3000
# Letters, digits, markup characters, quotes, non-Latin letters: nothing to break at.
PATTERN = "Aa1&<>\"'ŵΩЖ_x#;"


def long_text(tag: str, length: int = LENGTH) -> str:
    """length characters without white space, starting with tag (to find it in the PDF)."""
    body = PATTERN * (length // len(PATTERN) + 1)
    return (tag + body)[:length]


def _cards(session: Session, every: bool) -> list[tuple[str, Card]]:
    """(where, card) of the cards to change: all of them, or the first group's first placed
    deck card and the last deck card it left in its tray, and every group's own cards."""
    deck = list(session.deck.cards)
    if not every:
        group = session.groups[0]
        placed = group.placed_ids()
        first = next(c for c in deck if c.id in placed)
        left = next(c for c in reversed(deck) if c.id not in placed)
        deck = [first, left]
    return [("deck", c) for c in deck] + [(g.id, c) for g in session.groups for c in g.cards]


def _set_cards(session: Session, field: str, length: int, every: bool) -> None:
    changed: dict[tuple[str, str], Card] = {}
    for i, (where, card) in enumerate(_cards(session, every)):
        text = long_text(f"{field.upper()}{i}", length)
        changed[(where, card.id)] = replace(card, **{field.removeprefix("card_"): text})
    session.deck = replace(
        session.deck, cards=tuple(changed.get(("deck", c.id), c) for c in session.deck.cards)
    )
    for group in session.groups:
        group.cards = [changed.get((group.id, c.id), c) for c in group.cards]


def _set_notes(session: Session, length: int) -> None:
    for g, group in enumerate(session.groups):
        placed = list(dict.fromkeys(p.card for p in group.placements))
        group.notes = {card: long_text(f"NOTE{g}x{i}", length) for i, card in enumerate(placed)}


def _set_regions(session: Session, field: str, length: int) -> None:
    regions = []
    for i, region in enumerate(session.board.regions):
        text = long_text(f"{field.upper()}{i}", length)
        regions.append(
            replace(region, label=text)
            if field == "region_label"
            else replace(region, description=text)
        )
    session.board = replace(session.board, regions=tuple(regions))


def _set_decorations(session: Session, length: int) -> None:
    session.board = replace(
        session.board,
        decorations=tuple(
            replace(d, text=long_text(f"DECORATION{i}", length))
            for i, d in enumerate(session.board.decorations)
        ),
    )


def _setters(length: int, every: bool) -> dict[str, Callable[[Session], None]]:
    def session_field(name: str) -> Callable[[Session], None]:
        return lambda s: setattr(s, name, long_text(name.upper(), length))

    def cards(field: str) -> Callable[[Session], None]:
        return lambda s: _set_cards(s, field, length, every)

    def regions(field: str) -> Callable[[Session], None]:
        return lambda s: _set_regions(s, field, length)

    def group_names(s: Session) -> None:
        for i, group in enumerate(s.groups):
            group.name = long_text(f"GROUP{i}", length)

    return {
        "title": session_field("title"),
        "venue": session_field("venue"),
        "facilitator": session_field("facilitator"),
        "created": session_field("created"),
        "group_name": group_names,
        **{f: cards(f) for f in ("card_title", "card_text", "card_more", "card_source")},
        "note": lambda s: _set_notes(s, length),
        **{f: regions(f) for f in ("region_label", "region_description")},
        "decoration": lambda s: _set_decorations(s, length),
        "deck_title": lambda s: setattr(
            s, "deck", replace(s.deck, title=long_text("DECKTITLE", length))
        ),
        "board_title": lambda s: setattr(
            s, "board", replace(s.board, title=long_text("BOARDTITLE", length))
        ),
        "board_source": lambda s: setattr(
            s, "board", replace(s.board, source=long_text("BOARDSOURCE", length))
        ),
    }


FIELDS: tuple[str, ...] = tuple(_setters(LENGTH, False))


def example_session() -> Session:
    return load_session(resources_dir().parent / "sessions" / EXAMPLE)


def extreme_session(
    fields: Iterable[str], length: int = LENGTH, every_card: bool = False
) -> Session:
    """The example session with each of fields (names from FIELDS) set to long_text.
    Card fields change a few cards, or every card of the deck and the groups."""
    session = example_session()
    setters = _setters(length, every_card)
    for field in fields:
        setters[field](session)
    return session


def bench(
    length: int = LENGTH, options: HandoutOptions = DEFAULT_OPTIONS
) -> list[tuple[str, float, int]]:
    """(case, seconds, pages) for each field alone and for all of them at once."""
    handout_bytes(example_session(), options)  # load ReportLab and the fonts first
    cases = [(f, extreme_session([f], length)) for f in FIELDS]
    cases.append(("all at once", extreme_session(FIELDS, length)))
    cases.append(("all at once, every card", extreme_session(FIELDS, length, every_card=True)))
    results = []
    for name, session in cases:
        start = time.perf_counter()
        _, pages = handout_bytes(session, options)
        results.append((name, time.perf_counter() - start, pages))
    return results


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    length = int(args[0]) if args else LENGTH
    for name, seconds, pages in bench(length):
        print(
            f"handout, {length} characters without a space in {name}: "
            f"{seconds:.2f} s, {pages} pages"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
