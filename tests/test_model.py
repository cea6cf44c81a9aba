"""The domain rules of an arrangement: plain pytest, no Qt, no files."""

from __future__ import annotations

import pytest

from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.model import (
    GROUP_COLOURS,
    Arrangement,
    Board,
    Card,
    Deck,
    Group,
    Placement,
    Region,
    Session,
)
from coprod_desktop.domain.rules import check_colour
from coprod_desktop.files import builtin as content

A, B, C, D = "card-a", "card-b", "card-c", "card-d"
R1, R2 = "r1", "r2"


def make_session(groups: int = 1) -> Session:
    deck = Deck(
        "deck",
        "Deck",
        tuple(Card(cid, "activity", f"Title {cid}", f"Text {cid}") for cid in (A, B, C, D)),
    )
    board = Board(
        "board",
        "Board",
        (400.0, 200.0),
        (Region(R1, "One", (0, 0, 200, 200)), Region(R2, "Two", (200, 0, 200, 200))),
    )
    return Session(
        title="T",
        created="2026-03-18T10:00:00+00:00",
        deck=deck,
        board=board,
        groups=[Group(f"g{i + 1}", f"Group {i + 1}", GROUP_COLOURS[i]) for i in range(groups)],
    )


def order(session: Session, region: str, group: str = "g1") -> list[str]:
    return [p.card for p in session.group(group).in_region(region)]


def regions(session: Session, card: str, group: str = "g1") -> list[str]:
    """The regions a card has a place in (one per lens)."""
    return [p.region for p in session.group(group).places(card)]


# --- place / move / unplace ---------------------------------------------------


def test_place_appends_to_the_region_in_order() -> None:
    s = make_session()
    s.place("g1", A, R1)
    s.place("g1", B, R1)
    s.place("g1", C, R2)
    assert order(s, R1) == [A, B]
    assert order(s, R2) == [C]
    assert s.group("g1").places(C) == [Placement(C, R2)]


def test_place_at_index_inserts_within_the_region() -> None:
    s = make_session()
    s.place("g1", A, R1)
    s.place("g1", C, R2)  # another region interleaved in the list must not matter
    s.place("g1", B, R1)
    s.place("g1", D, R1, index=1)
    assert order(s, R1) == [A, D, B]
    s.place("g1", C, R1, index=0)
    assert order(s, R1) == [C, A, D, B]
    assert order(s, R2) == []


def test_place_index_past_the_end_or_negative_is_clamped() -> None:
    s = make_session()
    s.place("g1", A, R1)
    s.place("g1", B, R1, index=99)
    s.place("g1", C, R1, index=-5)
    assert order(s, R1) == [C, A, B]


def test_reorder_within_the_same_region() -> None:
    s = make_session()
    for card in (A, B, C):
        s.place("g1", card, R1)
    s.place("g1", C, R1, index=0)
    assert order(s, R1) == [C, A, B]
    s.place("g1", C, R1)  # index None: to the end
    assert order(s, R1) == [A, B, C]
    s.place("g1", A, R1, index=1)  # index counts among the other cards
    assert order(s, R1) == [B, A, C]


def test_a_card_is_placed_at_most_once() -> None:
    s = make_session()
    s.place("g1", A, R1)
    s.place("g1", A, R2)
    s.place("g1", A, R2)
    placements = s.group("g1").placements
    assert [p.card for p in placements] == [A]
    assert placements[0].region == R2
    assert order(s, R1) == []


def test_move_keeps_the_note() -> None:
    s = make_session()
    s.place("g1", A, R1)
    s.set_note("g1", A, "because the people run it")
    s.place("g1", A, R2, index=0)
    assert regions(s, A) == [R2]
    assert s.group("g1").note(A) == "because the people run it"


def test_unplace_removes_the_card_and_keeps_its_note() -> None:
    s = make_session()
    s.place("g1", A, R1)
    s.place("g1", B, R1)
    s.set_note("g1", A, "note")
    s.unplace("g1", A)
    assert regions(s, A) == []
    assert order(s, R1) == [B]
    assert s.group("g1").note(A) == "note"  # a note belongs to the card, not its place
    s.place("g1", A, R1)
    assert regions(s, A) == [R1]
    assert s.group("g1").note(A) == "note"


def test_unplace_an_unplaced_card_raises() -> None:
    s = make_session()
    with pytest.raises(DomainError, match="not on the board"):
        s.unplace("g1", A)


def test_groups_have_separate_arrangements() -> None:
    s = make_session(groups=2)
    s.place("g1", A, R1)
    s.place("g2", A, R2)
    s.set_note("g2", A, "theirs")
    assert regions(s, A, "g1") == [R1] and s.group("g1").note(A) == ""
    assert regions(s, A, "g2") == [R2] and s.group("g2").note(A) == "theirs"


# --- notes ------------------------------------------------------------------


def test_set_note_changes_only_that_card() -> None:
    s = make_session()
    s.place("g1", A, R1)
    s.place("g1", B, R1)
    s.set_note("g1", B, "Tŷ Ffynnon: ŵ ŷ — «ok»")
    assert s.group("g1").note(B) == "Tŷ Ffynnon: ŵ ŷ — «ok»"
    assert s.group("g1").note(A) == ""
    assert order(s, R1) == [A, B]  # order unchanged


def test_a_note_on_a_card_in_the_tray_is_kept_and_an_empty_note_removes_it() -> None:
    s = make_session()
    s.set_note("g1", A, "x")
    assert s.group("g1").notes == {A: "x"}
    s.set_note("g1", A, "   ")
    assert s.group("g1").notes == {}


def test_a_note_on_an_unknown_card_raises() -> None:
    s = make_session()
    with pytest.raises(DomainError, match="no card with id 'nope'"):
        s.set_note("g1", "nope", "x")


# --- unknown things raise DomainError ----------------------------------------


@pytest.mark.parametrize(
    ("call", "pattern"),
    [
        (lambda s: s.place("g1", "nope", R1), "no card with id 'nope'"),
        (lambda s: s.place("g1", A, "nowhere"), "no region with id 'nowhere'"),
        (lambda s: s.place("g9", A, R1), "no group with id 'g9'"),
        (lambda s: s.unplace("g9", A), "no group"),
        (lambda s: s.set_note("g9", A, ""), "no group"),
        (lambda s: s.group("g9"), "no group"),
        (lambda s: s.card(s.group("g1"), "nope"), "no card"),
    ],
)
def test_unknown_ids_raise_domain_error(call, pattern: str) -> None:
    s = make_session()
    before = list(s.group("g1").placements)
    with pytest.raises(DomainError, match=pattern):
        call(s)
    assert s.group("g1").placements == before


def test_a_failed_place_changes_nothing() -> None:
    s = make_session()
    s.place("g1", A, R1)
    with pytest.raises(DomainError):
        s.place("g1", A, "nowhere")
    assert s.group("g1").placements == [Placement(A, R1)]


def test_domain_error_is_a_value_error() -> None:
    assert issubclass(DomainError, ValueError)


def test_a_group_card_is_placeable_only_in_its_own_group() -> None:
    s = make_session(groups=2)
    own = Card("own-1", "custom", "Our walking group", "We walk.")
    s.group("g1").cards.append(own)
    s.place("g1", "own-1", R2)
    assert s.card(s.group("g1"), "own-1") is own
    with pytest.raises(DomainError, match="no card with id 'own-1'"):
        s.place("g2", "own-1", R2)


# --- set_arrangement --------------------------------------------------------


def test_set_arrangement_replaces_the_whole_arrangement() -> None:
    s = make_session()
    s.place("g1", A, R1)
    new = Arrangement((Placement(B, R2), Placement(A, R2)), ((B, "b"), (A, "a")))
    s.set_arrangement("g1", new)
    assert s.group("g1").arrangement() == new
    assert order(s, R2) == [B, A]
    assert s.group("g1").notes == {B: "b", A: "a"}
    s.set_arrangement("g1", Arrangement())
    assert s.group("g1").placements == [] and s.group("g1").notes == {}


@pytest.mark.parametrize(
    ("placements", "pattern"),
    [
        ([Placement(A, R1), Placement(A, R2)], "card 'card-a' already has a place on the board"),
        ([Placement("nope", R1)], "unknown card 'nope'"),
        ([Placement(A, R1), Placement(B, "nowhere")], "unknown region 'nowhere'"),
    ],
)
def test_set_arrangement_validates_and_leaves_the_old_one(placements, pattern: str) -> None:
    s = make_session()
    s.place("g1", C, R1, index=None)
    before = list(s.group("g1").placements)
    with pytest.raises(DomainError, match=pattern):
        s.set_arrangement("g1", Arrangement(tuple(placements)))
    assert s.group("g1").placements == before


# --- groups and unplaced ----------------------------------------------------


def test_add_group_gives_fresh_ids_names_and_colours() -> None:
    s = make_session(groups=1)
    g2 = s.add_group("Harbour")
    g3 = s.add_group("   ")
    assert [g.id for g in s.groups] == ["g1", "g2", "g3"]
    assert g2.name == "Harbour"
    assert g3.name == "Group 3"
    assert g2.colour == GROUP_COLOURS[1] and g3.colour == GROUP_COLOURS[2]
    assert g2.placements == [] and g2.cards == []
    assert s.group("g2") is g2


def test_add_group_id_does_not_clash_after_gaps() -> None:
    s = make_session(groups=2)
    s.groups[0].id = "g2"
    s.groups[1].id = "g3"
    new = s.add_group("New")
    assert new.id not in {"g2", "g3"}
    assert len({g.id for g in s.groups}) == 3


def test_add_group_picks_a_colour_no_other_group_uses() -> None:
    s = make_session(groups=2)
    s.groups[0].colour = GROUP_COLOURS[2].upper()  # case does not make a colour different
    new = s.add_group("Oak")
    assert new.colour not in {g.colour.lower() for g in s.groups[:2]}
    check_colour(new.colour)


def test_rename_group() -> None:
    s = make_session()
    s.rename_group("g1", "  Table 1 – Tŷ Ffynnon ")
    assert s.group("g1").name == "Table 1 – Tŷ Ffynnon"
    with pytest.raises(DomainError, match="name is empty"):
        s.rename_group("g1", "   ")
    assert s.group("g1").name == "Table 1 – Tŷ Ffynnon"


def test_remove_and_insert_group_round_trip() -> None:
    s = make_session(groups=3)
    s.place("g2", A, R1)
    index, removed = s.remove_group("g2")
    assert index == 1 and [g.id for g in s.groups] == ["g1", "g3"]
    s.insert_group(index, removed)
    assert [g.id for g in s.groups] == ["g1", "g2", "g3"]
    assert regions(s, A, "g2") == [R1]
    with pytest.raises(DomainError, match="duplicate group id"):
        s.insert_group(0, removed)


def test_the_last_group_cannot_be_removed() -> None:
    s = make_session(groups=1)
    with pytest.raises(DomainError, match="at least one group"):
        s.remove_group("g1")
    assert len(s.groups) == 1


@pytest.mark.parametrize("colour", ["#12345", "#1234567", "123456", "#ggg000", "", "#12345g"])
def test_check_colour_rejects(colour: str) -> None:
    with pytest.raises(DomainError):
        check_colour(colour)


def test_unplaced_lists_deck_then_group_cards_not_on_the_board() -> None:
    s = make_session(groups=2)
    own = Card("own-1", "custom", "Our card", "")
    s.group("g1").cards.append(own)
    assert [c.id for c in s.unplaced(s.group("g1"))] == [A, B, C, D, "own-1"]
    s.place("g1", B, R1)
    s.place("g1", "own-1", R2)
    assert [c.id for c in s.unplaced(s.group("g1"))] == [A, C, D]
    assert [c.id for c in s.unplaced(s.group("g2"))] == [A, B, C, D]
    s.unplace("g1", B)
    assert [c.id for c in s.unplaced(s.group("g1"))] == [A, B, C, D]


def test_iter_placed_walks_regions_in_board_order() -> None:
    s = make_session()
    s.place("g1", C, R2)
    s.place("g1", A, R1)
    s.place("g1", B, R2, index=0)
    walked = [(r.id, [c.id for c, _ in items]) for r, items in s.iter_placed(s.group("g1"))]
    assert walked == [(R1, [A]), (R2, [B, C])]


# --- construction rules -----------------------------------------------------


def test_card_rules() -> None:
    with pytest.raises(DomainError, match="id is empty"):
        Card("", "activity", "T", "")
    with pytest.raises(DomainError, match="unknown kind 'story'"):
        Card("x", "story", "T", "")
    with pytest.raises(DomainError, match="title is empty"):
        Card("x", "activity", "   ", "")


def test_deck_and_board_reject_duplicate_ids() -> None:
    card = Card("x", "activity", "T", "")
    with pytest.raises(DomainError, match="duplicate card id"):
        Deck("d", "D", (card, card))
    region = Region("r", "R", (0, 0, 1, 1))
    with pytest.raises(DomainError, match="duplicate region id"):
        Board("b", "B", (10, 10), (region, region))
    with pytest.raises(DomainError, match="at least one region"):
        Board("b", "B", (10, 10), ())


def test_place_stays_a_method_on_real_sessions() -> None:
    """Regression: a data field called "place" once shadowed the place() operation."""
    s = content.new_session(group_names=["One"])
    s.venue = "Cardiff"
    card = s.deck.cards[0].id
    s.place("g1", card, s.board.regions[0].id)
    assert s.group("g1").places(card) != []
