"""Hypothesis: every valid session, with any Unicode text, round-trips exactly through save
and load: the same session, the same bytes, on disk and through a recovery file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_desktop.domain.kinds import CARD_KINDS
from coprod_desktop.domain.model import (
    Board,
    Card,
    Deck,
    Decoration,
    Group,
    Lens,
    Mark,
    Placement,
    Region,
    Session,
)
from coprod_desktop.files.recovery import RecoveryStore, read_entry
from coprod_desktop.files.session_file import (
    load_session,
    save_session,
    session_from_json,
    session_to_json,
)

text = st.text(max_size=30)  # any code point Python can encode: no lone surrogates
titles = st.text(min_size=1, max_size=30).filter(lambda t: t.strip() != "")
ids = st.text(min_size=1, max_size=10).filter(lambda t: t.strip() != "")
coordinates = st.integers(-99_999, 99_999) | st.floats(-99_999, 99_999, allow_nan=False)
lengths = st.integers(1, 99_999) | st.floats(1e-6, 99_999)
colours = st.from_regex(r"#[0-9a-fA-F]{6}", fullmatch=True)
# The names the app knows, often, so the window paints them; anything else sometimes.
decoration_kinds = st.sampled_from(["title", "axis", "heading", "band"]) | text
lenses = st.sampled_from(["matrix", "ladder", "not", "board"]) | ids
notes = st.text(min_size=1, max_size=30).filter(lambda t: t.strip() != "")
bands = st.sampled_from(["to", "for", "with", ""]) | text


@st.composite
def cards(draw: st.DrawFn, card_id: str) -> Card:
    return Card(
        card_id, draw(st.sampled_from(CARD_KINDS)), draw(titles), draw(text), draw(text), draw(text)
    )


@st.composite
def rects(draw: st.DrawFn) -> tuple[float, float, float, float]:
    return (draw(coordinates), draw(coordinates), draw(lengths), draw(lengths))


def ranked(draw: st.DrawFn, regions: list[Region]) -> tuple[Region, ...]:
    """Give some lenses ranks (each rank once within the lens, every region of it ranked),
    as an ordered lens like the ladder has."""
    out = list(regions)
    for lens in dict.fromkeys(r.lens for r in regions):
        members = [i for i, r in enumerate(out) if r.lens == lens]
        if draw(st.booleans()):
            ranks = draw(st.permutations(range(1, len(members) + 1 + draw(st.integers(0, 3)))))
            for i, rank in zip(members, ranks, strict=False):
                out[i] = Region(
                    out[i].id,
                    out[i].label,
                    out[i].rect,
                    lens,
                    out[i].description,
                    out[i].band,
                    rank,
                )
    return tuple(out)


def declared_lenses(draw: st.DrawFn, regions: tuple[Region, ...]) -> tuple[Lens, ...]:
    """Some of the lenses the regions name, declared with any label, unit and flags (the
    rest get the defaults)."""
    used = list(dict.fromkeys(r.lens for r in regions))
    chosen = draw(st.lists(st.sampled_from(used), unique=True)) if used else []
    return tuple(
        Lens(lens, draw(titles), draw(titles), draw(st.booleans()), draw(st.booleans()))
        for lens in chosen
    )


@st.composite
def boards(draw: st.DrawFn) -> Board:
    region_ids = draw(st.lists(ids, min_size=1, max_size=5, unique=True))
    regions = ranked(
        draw,
        [
            Region(rid, draw(text), draw(rects()), draw(lenses), draw(text), draw(bands))
            for rid in region_ids
        ],
    )
    decorations = tuple(
        Decoration(draw(decoration_kinds), draw(text), draw(rects()))
        for _ in range(draw(st.integers(0, 3)))
    )
    size = (draw(lengths), draw(lengths))
    return Board(
        draw(text),
        draw(text),
        size,
        regions,
        decorations,
        draw(text),
        declared_lenses(draw, regions),
    )


def arrangement(
    draw: st.DrawFn, board: Board, known: list[Card]
) -> tuple[list[Placement], dict[str, str], list[Mark]]:
    """At most one place per card and lens, in any order; notes on any known cards;
    marks of principle cards on placed cards."""
    by_lens = {lens.id: board.regions_of(lens.id) for lens in board.lenses}
    placements = [
        Placement(card.id, draw(st.sampled_from(regions)).id)
        for card in known
        for regions in by_lens.values()
        if draw(st.integers(0, 2)) == 0
    ]
    placements = draw(st.permutations(placements))
    ids_ = [c.id for c in known]
    noted = draw(st.lists(st.sampled_from(ids_), unique=True)) if ids_ else []
    notes_ = {card: draw(notes) for card in noted}
    principles = [c.id for c in known if c.kind == "principle"]
    placed = list(dict.fromkeys(p.card for p in placements))
    pairs = [(c, p) for c in placed for p in principles]
    marked = draw(st.lists(st.sampled_from(pairs), unique=True)) if pairs else []
    return placements, notes_, [Mark(c, p) for c, p in marked]


@st.composite
def sessions(draw: st.DrawFn, board_strategy: st.SearchStrategy[Board] | None = None) -> Session:
    deck_ids = draw(st.lists(ids, max_size=6, unique=True))
    deck = Deck(draw(text), draw(text), tuple(draw(cards(i)) for i in deck_ids))
    board = draw(boards() if board_strategy is None else board_strategy)
    groups = []
    taken = set(deck_ids)  # card ids are unique across the deck and every group's own cards
    for group_id in draw(st.lists(ids, min_size=1, max_size=4, unique=True)):
        own_ids = draw(st.lists(ids.filter(lambda i: i not in taken), max_size=3, unique=True))
        taken.update(own_ids)
        own = [draw(cards(i)) for i in own_ids]
        placements, notes_, marks = arrangement(draw, board, [*deck.cards, *own])
        groups.append(Group(group_id, draw(titles), draw(colours), own, placements, notes_, marks))
    return Session(draw(text), draw(text), deck, board, groups, draw(text), draw(text))


@settings(max_examples=150, deadline=None)
@given(session=sessions())
def test_every_valid_session_round_trips_in_memory(session: Session) -> None:
    written = session_to_json(session)
    again = session_from_json(written)
    assert again == session
    assert session_to_json(again) == written
    assert session_from_json(written.encode("utf-8")) == session


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(session=sessions())
def test_every_valid_session_round_trips_through_a_file_and_a_recovery_file(
    session: Session,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.json"
        save_session(session, path)
        assert load_session(path) == session
        store = RecoveryStore(Path(folder) / "recovery")
        store.write(session, path)
        entry = read_entry(store.name, store.path)
        assert entry.problem == "" and entry.session == session
        assert entry.original_path == path
        store.close()
