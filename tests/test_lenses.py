"""The board's lenses in the model: one place per card and lens, marks of principles on
placed cards, a note per card that outlives its places, and what is still to decide.
Plain pytest: no Qt, no files."""

from __future__ import annotations

import json

import pytest

from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.model import Board, Lens, Mark, Placement, Region
from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_schema import session_from_dict, session_to_dict

CARD = "activity-gp-time-bank"
OTHER = "activity-fast-sessions"
CELL, CELL2 = "matrix-full-coproduction", "matrix-traditional"
RUNG, RUNG2 = "ladder-co-production", "ladder-engagement"
NOT = "not-coproduction"
ASSETS, RECIPROCITY = "principle-assets", "principle-reciprocity"


@pytest.fixture
def s():
    return content.new_session("Lenses", ["A", "B"])


def places(s, card=CARD, g="g1"):
    return [p.region for p in s.group(g).places(card)]


def test_the_built_in_board_has_three_lenses_and_a_ranked_ladder(s) -> None:
    board = s.board
    assert [lens.id for lens in board.lenses] == ["matrix", "ladder", "not"]
    assert [(lens.unit, lens.expected, lens.stands_alone) for lens in board.lenses] == [
        ("cell", True, False),
        ("rung", True, False),
        ("place", False, True),
    ]
    assert len(board.regions_of("matrix")) == 9
    ladder = board.regions_of("ladder")
    assert sorted(r.rank for r in ladder) == list(range(1, 8))
    bottom = min(ladder, key=lambda r: r.rank or 0)
    assert bottom.id == "ladder-coercion"
    assert max(ladder, key=lambda r: r.rank or 0).id == RUNG
    assert board.is_ordered("ladder") and not board.is_ordered("matrix")
    assert board.lens_of(NOT) == "not" and board.lens_of("nowhere") is None


def test_a_rung_is_a_second_place_and_a_rung_again_moves_it(s) -> None:
    s.place("g1", CARD, CELL)
    s.place("g1", CARD, RUNG)
    assert places(s) == [CELL, RUNG]
    s.place("g1", CARD, RUNG2)  # within the ladder: moves
    assert places(s) == [CELL, RUNG2]
    s.place("g1", CARD, CELL2)  # within the matrix: moves, the rung stays
    assert sorted(places(s)) == sorted([CELL2, RUNG2])
    s.place("g1", CARD, NOT)
    assert len(places(s)) == 3


def test_taking_a_card_off_one_lens_keeps_the_others_the_note_and_the_marks(s) -> None:
    s.place("g1", CARD, CELL)
    s.place("g1", CARD, RUNG)
    s.set_note("g1", CARD, "patients and staff both give hours")
    s.mark("g1", CARD, ASSETS)
    s.unplace("g1", CARD, "ladder")
    assert places(s) == [CELL]
    assert s.group("g1").marks_of(CARD) == [ASSETS]
    with pytest.raises(DomainError, match="not on the ladder lens"):
        s.unplace("g1", CARD, "ladder")
    s.unplace("g1", CARD)  # back to the tray: every place, and the marks with them
    assert places(s) == [] and s.group("g1").marks == []
    assert s.group("g1").note(CARD) == "patients and staff both give hours"
    assert CARD in [c.id for c in s.unplaced(s.group("g1"))]


def test_marks_are_on_placed_cards_name_principles_and_come_once(s) -> None:
    with pytest.raises(DomainError, match="is marked but has no place"):
        s.mark("g1", CARD, ASSETS)
    s.place("g1", CARD, CELL)
    s.mark("g1", CARD, ASSETS)
    s.mark("g1", CARD, RECIPROCITY)
    assert s.group("g1").marks_of(CARD) == [ASSETS, RECIPROCITY]
    with pytest.raises(DomainError, match="twice"):
        s.mark("g1", CARD, ASSETS)
    with pytest.raises(DomainError, match="is not a principle card"):
        s.mark("g1", CARD, OTHER)
    with pytest.raises(DomainError, match="is not a principle card"):
        s.mark("g1", CARD, "ghost")
    assert s.group("g2").marks == []  # each group its own
    s.unmark("g1", CARD, ASSETS)
    assert s.group("g1").marks == [Mark(CARD, RECIPROCITY)]
    with pytest.raises(DomainError, match="not marked"):
        s.unmark("g1", CARD, ASSETS)


def test_a_principle_card_can_still_be_placed(s) -> None:
    s.place("g1", ASSETS, RUNG)
    assert places(s, ASSETS) == [RUNG]


def test_what_is_still_to_decide(s) -> None:
    g = s.group("g1")
    assert s.still_to_decide(g) == []
    s.place("g1", CARD, CELL)
    s.place("g1", OTHER, RUNG)
    s.place("g1", "not-volunteering", NOT)
    assert s.missing_lenses(g, CARD) == ["ladder"]
    assert s.missing_lenses(g, OTHER) == ["matrix"]
    assert s.missing_lenses(g, "not-volunteering") == []  # "not" stands alone
    assert s.missing_lenses(g, "activity-bin-collection-letter") == []  # not placed
    assert [(c.id, m) for c, m in s.still_to_decide(g)] == [
        (CARD, ["ladder"]),
        (OTHER, ["matrix"]),
    ]
    s.place("g1", CARD, RUNG2)
    s.place("g1", OTHER, NOT)  # a card may also say "not", which settles it
    assert s.still_to_decide(g) == []


def test_which_lenses_a_card_needs_is_board_data() -> None:
    """A board whose second lens is optional: a card with a place on the first is done."""
    board = Board(
        "b",
        "B",
        (200, 100),
        (
            Region("x", "X", (0, 0, 100, 100), "first"),
            Region("y", "Y", (100, 0, 100, 100), "extra"),
        ),
        lenses=(Lens("first", "First"), Lens("extra", "Extra", expected=False)),
    )
    s = content.new_session("Optional", ["A"])
    s.board = board
    s.place("g1", CARD, "x")
    assert s.missing_lenses(s.group("g1"), CARD) == []
    s.unplace("g1", CARD)
    s.place("g1", CARD, "y")
    assert s.missing_lenses(s.group("g1"), CARD) == ["first"]


def test_a_lens_a_region_names_but_the_board_omits_gets_defaults() -> None:
    board = Board("b", "B", (10, 10), (Region("r", "R", (0, 0, 10, 10), "colour"),))
    assert board.lenses == (Lens("colour", "Colour"),)


@pytest.mark.parametrize(
    ("ranks", "words"),
    [((1, 1), "rank 1 appears twice"), ((1, None), "have a rank; this one has none")],
)
def test_ranks_within_a_lens_are_all_given_and_distinct(ranks, words: str) -> None:
    regions = tuple(
        Region(f"r{i}", f"R{i}", (0, i * 10, 10, 10), "ladder", rank=rank)
        for i, rank in enumerate(ranks)
    )
    with pytest.raises(DomainError, match=words) as caught:
        Board("b", "B", (10, 20), regions)
    assert caught.value.field == "regions[1].rank"


def test_removing_a_principle_from_the_deck_removes_its_marks_and_undo_restores(s) -> None:
    s.place("g1", CARD, CELL)
    s.mark("g1", CARD, ASSETS)
    s.set_note("g1", ASSETS, "on the principle itself")
    old = s.remove_deck_card(ASSETS)
    assert s.group("g1").marks == [] and s.group("g1").notes == {}
    s.set_deck_state(old)
    assert s.group("g1").marks_of(CARD) == [ASSETS]
    assert s.group("g1").note(ASSETS) == "on the principle itself"


def test_copy_arrangement_brings_both_places_notes_and_marks(s) -> None:
    s.place("g1", CARD, CELL)
    s.place("g1", CARD, RUNG)
    s.mark("g1", CARD, ASSETS)
    s.set_note("g1", OTHER, "in the tray, with a note")
    s.copy_arrangement("g1", "g2")
    g2 = s.group("g2")
    assert g2.placements == [Placement(CARD, CELL), Placement(CARD, RUNG)]
    assert g2.marks == [Mark(CARD, ASSETS)]
    assert g2.notes == {OTHER: "in the tray, with a note"}


def test_keys_another_tool_wrote_follow_their_object_and_go_with_it(s) -> None:
    s.place("g1", CARD, CELL)
    s.place("g1", OTHER, CELL)
    data = session_to_dict(s)
    data["deck"]["cards"][1]["colour_hint"] = "green"
    data["groups"][0]["placements"][1]["pinned"] = True
    data["groups"][0]["x-tool"] = {"v": 1}
    loaded = session_from_dict(json.loads(json.dumps(data)))
    moved_card = loaded.deck.cards[1].id
    loaded.move_deck_card(moved_card, 0)
    loaded.place("g1", OTHER, CELL, index=0)  # the placement moves within its region
    saved = session_to_dict(loaded)
    assert saved["deck"]["cards"][0]["colour_hint"] == "green"
    pinned = [p for p in saved["groups"][0]["placements"] if p.get("pinned")]
    assert pinned == [{"card": OTHER, "region": CELL, "pinned": True}]
    assert saved["groups"][0]["x-tool"] == {"v": 1}
    loaded.unplace("g1", OTHER)
    saved = session_to_dict(loaded)
    assert not any(p.get("pinned") for p in saved["groups"][0]["placements"])
