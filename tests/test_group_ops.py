"""Model operations for groups, a group's own cards and the session's deck, each with its undo.

Plain pytest, no Qt. "Undo" here is what the commands do: put back the value the
operation returned.
"""

from __future__ import annotations

import copy

import pytest

from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.model import (
    GROUP_COLOURS,
    Arrangement,
    Board,
    Card,
    CardDraft,
    Deck,
    DeckState,
    Group,
    GroupContent,
    Mark,
    Placement,
    Region,
    Session,
)
from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_schema import session_from_dict, session_to_dict

A, B, C = "card-a", "card-b", "card-c"
R1, R2 = "r1", "r2"


def make_session(groups: int = 3) -> Session:
    deck = Deck(
        "deck",
        "Deck",
        tuple(Card(cid, "activity", f"Title {cid}", f"Text {cid}") for cid in (A, B, C)),
    )
    board = Board(
        "board",
        "Board",
        (400.0, 200.0),
        (Region(R1, "One", (0, 0, 200, 200)), Region(R2, "Two", (200, 0, 200, 200))),
    )
    return Session(
        title="T",
        created="2026-03-18",
        deck=deck,
        board=board,
        groups=[Group(f"g{i + 1}", f"Group {i + 1}", GROUP_COLOURS[i]) for i in range(groups)],
    )


def state(session: Session) -> dict:
    """Everything the file would hold, to compare before and after an undo."""
    return session_to_dict(session)


def round_trips(session: Session) -> None:
    """Storage accepts the result (unique ids across deck and groups, known cards)."""
    assert state(session_from_dict(copy.deepcopy(state(session)))) == state(session)


# --- recolour and reorder groups ------------------------------------------------


def test_recolour_group_and_undo() -> None:
    s = make_session()
    before = state(s)
    old = s.recolour_group("g2", "#AABBCC")
    assert s.group("g2").colour == "#aabbcc"
    s.recolour_group("g2", old)
    assert state(s) == before


@pytest.mark.parametrize("colour", ["red", "#abc", "", "#gggggg"])
def test_recolour_refuses_a_bad_colour_and_changes_nothing(colour: str) -> None:
    s = make_session()
    with pytest.raises(DomainError, match="colour"):
        s.recolour_group("g1", colour)
    assert s.group("g1").colour == GROUP_COLOURS[0]


def test_move_group_and_undo() -> None:
    s = make_session()
    old = s.move_group("g1", 2)
    assert [g.id for g in s.groups] == ["g2", "g3", "g1"]
    assert old == 0
    s.move_group("g1", old)
    assert [g.id for g in s.groups] == ["g1", "g2", "g3"]


@pytest.mark.parametrize("index", [-1, 3, 99])
def test_move_group_refuses_a_position_outside_the_list(index: int) -> None:
    s = make_session()
    with pytest.raises(DomainError, match="position"):
        s.move_group("g1", index)
    assert [g.id for g in s.groups] == ["g1", "g2", "g3"]


# --- a group's own cards ----------------------------------------------------------


def test_add_group_card_gets_a_fresh_unique_id_and_undo_removes_it() -> None:
    s = make_session()
    before = s.group_content("g1")
    card = s.add_group_card("g1", CardDraft("custom", "  Our time bank ", "We swap hours"))
    assert card == Card("custom-our-time-bank", "custom", "Our time bank", "We swap hours")
    assert s.group("g1").cards == [card]
    assert card in s.unplaced(s.group("g1"))
    assert card not in s.unplaced(s.group("g2"))
    second = s.add_group_card("g2", CardDraft("activity", "Our time bank"))
    assert second.id == "activity-our-time-bank"
    third = s.add_group_card("g2", CardDraft("custom", "Our time bank"))
    assert third.id == "custom-our-time-bank-2"
    round_trips(s)
    s.set_group_content("g1", before)
    assert s.group("g1").cards == []


def test_fresh_card_id_for_a_title_with_no_latin_letters() -> None:
    s = make_session()
    assert s.fresh_card_id("Ένα δικό μας", "custom") == "custom-card"
    s.add_group_card("g1", CardDraft("custom", "Ένα δικό μας"))
    assert s.fresh_card_id("日本", "custom") == "custom-card-2"


@pytest.mark.parametrize("kind", ["principle", "non_example", "bogus"])
def test_a_group_card_is_custom_or_activity(kind: str) -> None:
    s = make_session()
    with pytest.raises(DomainError, match="custom or activity"):
        s.add_group_card("g1", CardDraft(kind, "X"))
    assert s.group("g1").cards == []


def test_a_group_card_needs_a_title() -> None:
    s = make_session()
    with pytest.raises(DomainError, match="title"):
        s.add_group_card("g1", CardDraft("custom", "   "))
    assert s.group("g1").cards == []


def test_edit_group_card_keeps_id_and_placement_and_undo_restores() -> None:
    s = make_session()
    card = s.add_group_card("g1", CardDraft("custom", "Draft"))
    s.place("g1", card.id, R2)
    s.set_note("g1", card.id, "why")
    old = s.edit_group_card("g1", card.id, CardDraft("activity", "Final", "Body"))
    assert old == card
    assert s.group("g1").cards[0] == Card(card.id, "activity", "Final", "Body")
    assert s.group("g1").places(card.id) == [Placement(card.id, R2)]
    assert s.group("g1").note(card.id) == "why"
    s.edit_group_card("g1", card.id, CardDraft.of(old))
    assert s.group("g1").cards == [card]


def test_edit_refuses_a_deck_card_or_another_groups_card() -> None:
    s = make_session()
    theirs = s.add_group_card("g2", CardDraft("custom", "Theirs"))
    for card_id in (A, theirs.id):
        with pytest.raises(DomainError, match="own cards"):
            s.edit_group_card("g1", card_id, CardDraft("custom", "Mine"))
    assert s.group("g2").cards == [theirs]


def test_remove_group_card_takes_it_off_the_board_and_undo_puts_both_back() -> None:
    s = make_session()
    card = s.add_group_card("g1", CardDraft("custom", "Ours"))
    s.place("g1", A, R1)
    s.place("g1", card.id, R1)
    s.set_note("g1", card.id, "note")
    before = state(s)
    old = s.remove_group_card("g1", card.id)
    assert s.group("g1").cards == []
    assert [p.card for p in s.group("g1").placements] == [A]
    s.set_group_content("g1", old)
    assert state(s) == before


def test_set_group_content_refuses_clashing_ids_and_unknown_cards() -> None:
    s = make_session()
    theirs = s.add_group_card("g2", CardDraft("custom", "Theirs"))
    before = state(s)
    bad = [
        GroupContent((Card(A, "custom", "Clash with deck", ""),), Arrangement()),
        GroupContent((theirs,), Arrangement()),
        GroupContent((), Arrangement((Placement(theirs.id, R1),))),
        GroupContent((), Arrangement((Placement(A, "nowhere"),))),
        GroupContent((), Arrangement((Placement(A, R1), Placement(A, R2)))),
        GroupContent((), Arrangement(notes=((theirs.id, "a note on their card"),))),
        GroupContent((), Arrangement(marks=(Mark(A, B),))),  # not placed, not a principle
    ]
    for content_ in bad:
        with pytest.raises(DomainError):
            s.set_group_content("g1", content_)
    assert state(s) == before


# --- copy arrangement ---------------------------------------------------------------


def test_copy_arrangement_copies_placements_notes_and_own_cards_and_undo_restores() -> None:
    s = make_session()
    ours = s.add_group_card("g1", CardDraft("custom", "Ours", "text"))
    s.place("g1", A, R1)
    s.place("g1", ours.id, R2)
    s.set_note("g1", A, "why A")
    s.place("g2", B, R2)
    mine = s.add_group_card("g2", CardDraft("activity", "Mine"))
    before = state(s)
    old = s.copy_arrangement("g1", "g2")
    target = s.group("g2")
    copied = next(c for c in target.cards if c.title == "Ours")
    assert copied.id != ours.id  # ids stay unique across groups
    assert [c.id for c in target.cards] == [mine.id, copied.id]
    assert target.placements == [Placement(A, R1), Placement(copied.id, R2)]
    assert target.notes == {A: "why A"}
    assert s.group("g1").placements == [Placement(A, R1), Placement(ours.id, R2)]
    round_trips(s)
    # copying again reuses the copy rather than making a second one
    s.copy_arrangement("g1", "g2")
    assert len(s.group("g2").cards) == 2
    s.set_group_content("g2", old)
    assert state(s) == before


def test_copy_arrangement_onto_itself_is_refused() -> None:
    s = make_session()
    with pytest.raises(DomainError, match="own arrangement"):
        s.copy_arrangement("g1", "g1")


# --- the deck ------------------------------------------------------------------------


def test_add_deck_cards_all_get_fresh_ids_in_order_and_undo_restores() -> None:
    s = make_session()
    before = s.deck_state()
    added = s.add_deck_cards(
        [
            CardDraft("principle", "Same"),
            CardDraft("principle", "Same"),
            CardDraft("non_example", "Not this"),
        ]
    )
    assert [c.id for c in added] == ["principle-same", "principle-same-2", "not-not-this"]
    assert [c.id for c in s.deck.cards] == [A, B, C, *[c.id for c in added]]
    s.set_deck_state(before)
    assert s.deck == before.deck


def test_add_deck_cards_at_an_index() -> None:
    s = make_session()
    added = s.add_deck_cards([CardDraft("activity", "First")], index=0)
    assert s.deck.cards[0] == added[0]


def test_add_deck_cards_is_all_or_nothing() -> None:
    s = make_session()
    before = s.deck
    with pytest.raises(DomainError):
        s.add_deck_cards([CardDraft("activity", "Fine"), CardDraft("nonsense", "Bad")])
    assert s.deck == before


def test_a_new_deck_card_never_takes_a_group_cards_id() -> None:
    s = make_session()
    ours = s.add_group_card("g1", CardDraft("activity", "Shared title"))
    (added,) = s.add_deck_cards([CardDraft("activity", "Shared title")])
    assert added.id != ours.id
    round_trips(s)


def test_edit_deck_card_and_undo() -> None:
    s = make_session()
    s.place("g2", B, R1)
    old = s.edit_deck_card(B, CardDraft("principle", "New title", "New text", "More", "Src"))
    assert s.deck.card(B) == Card(B, "principle", "New title", "New text", "More", "Src")
    assert s.group("g2").places(B) != []
    s.edit_deck_card(B, CardDraft.of(old))
    assert s.deck.card(B) == old


def test_edit_deck_card_refuses_an_empty_title_and_changes_nothing() -> None:
    s = make_session()
    before = s.deck
    with pytest.raises(DomainError, match="title"):
        s.edit_deck_card(A, CardDraft("activity", ""))
    assert s.deck == before


def test_where_placed_names_every_group() -> None:
    s = make_session()
    s.place("g1", A, R1)
    s.place("g3", A, R2)
    assert [(g.name, p.region) for g, p in s.where_placed(A)] == [("Group 1", R1), ("Group 3", R2)]
    assert s.where_placed(B) == []


def test_remove_deck_card_unplaces_it_everywhere_and_undo_puts_it_back() -> None:
    s = make_session()
    s.place("g1", A, R1)
    s.place("g1", B, R1)
    s.set_note("g1", A, "note")
    s.place("g3", A, R2)
    before = state(s)
    old = s.remove_deck_card(A)
    assert isinstance(old, DeckState)
    assert s.deck.card(A) is None
    assert s.where_placed(A) == []
    assert [p.card for p in s.group("g1").placements] == [B]
    round_trips(s)
    s.set_deck_state(old)
    assert state(s) == before


def test_remove_an_unknown_deck_card_raises() -> None:
    s = make_session()
    with pytest.raises(DomainError, match="in the deck"):
        s.remove_deck_card("nope")


def test_move_deck_card_and_undo() -> None:
    s = make_session()
    old = s.move_deck_card(C, 0)
    assert [c.id for c in s.deck.cards] == [C, A, B]
    s.move_deck_card(C, old)
    assert [c.id for c in s.deck.cards] == [A, B, C]
    with pytest.raises(DomainError, match="position"):
        s.move_deck_card(A, 3)


def test_set_deck_state_refuses_a_deck_that_breaks_placements_or_ids() -> None:
    s = make_session()
    s.place("g1", A, R1)
    ours = s.add_group_card("g2", CardDraft("custom", "Ours"))
    before = state(s)
    without_a = Deck("deck", "Deck", tuple(c for c in s.deck.cards if c.id != A))
    keep = s.deck_state().arrangements
    with pytest.raises(DomainError, match="unknown card"):
        s.set_deck_state(DeckState(without_a, keep))
    clash = Deck("deck", "Deck", (*s.deck.cards, Card(ours.id, "custom", "Clash", "")))
    with pytest.raises(DomainError, match="duplicate"):
        s.set_deck_state(DeckState(clash, keep))
    assert state(s) == before


def test_the_built_in_deck_stays_untouched_by_session_edits() -> None:
    s = content.new_session("W", ["A"])
    builtin = content.deck()
    first = builtin.cards[0]
    s.edit_deck_card(first.id, CardDraft("principle", "Changed"))
    s.remove_deck_card(builtin.cards[1].id)
    assert content.deck().cards[0] == first
    assert len(content.deck().cards) == len(builtin.cards)
    assert content.new_session().deck.cards[0].title == first.title


def test_a_deck_holds_at_most_500_cards_and_adding_many_is_quick() -> None:
    from coprod_desktop.domain.rules import MAX_DECK_CARDS

    s = make_session()
    room = MAX_DECK_CARDS - len(s.deck.cards)
    added = s.add_deck_cards([CardDraft("activity", "同じ") for _ in range(room)])
    assert len({c.id for c in added}) == room  # all "activity-card-N", all different
    before = s.deck
    with pytest.raises(DomainError, match="at most 500 cards"):
        s.add_deck_cards([CardDraft("activity", "one more")])
    assert s.deck == before


# --- one order of kinds --------------------------------------------------------------------


def test_in_kind_order_sorts_by_kind_and_keeps_the_order_within_a_kind() -> None:
    from coprod_desktop.domain.kinds import KIND_ORDER
    from coprod_desktop.domain.model import in_kind_order

    cards = [
        Card("n1", "non_example", "N1", ""),
        Card("c1", "custom", "C1", ""),
        Card("a1", "activity", "A1", ""),
        Card("n2", "non_example", "N2", ""),
        Card("p1", "principle", "P1", ""),
        Card("a2", "activity", "A2", ""),
    ]
    assert [c.id for c in in_kind_order(cards)] == ["p1", "a1", "a2", "n1", "n2", "c1"]
    assert KIND_ORDER == ("principle", "activity", "non_example", "custom")


def test_unplaced_cards_come_by_kind_as_the_tray_lists_them() -> None:
    """The built-in deck stores the non-examples before the activities; the tray, the
    deck editor, the list view and the handout's 'left in the tray' all say principles,
    activities, then 'co-production is not', then a group's own cards."""
    s = content.new_session("Order", ["Red"])
    s.add_group_card("g1", CardDraft("custom", "Ours"))
    s.add_group_card("g1", CardDraft("activity", "Our activity"))
    kinds = [c.kind for c in s.unplaced(s.group("g1"))]
    assert list(dict.fromkeys(kinds)) == ["principle", "activity", "non_example", "custom"]
    assert [c.title for c in s.unplaced(s.group("g1")) if c.kind == "activity"][
        -1
    ] == "Our activity"


# --- a new or edited card's title is short enough to read from the back of the room ----


LONG = ("Our service does lots of things together with the people who use it, " * 2).strip()


def test_a_new_card_with_an_overlong_title_is_refused_with_the_reason() -> None:
    from coprod_desktop.domain.rules import MAX_CARD_TITLE

    s = make_session()
    before = session_to_dict(s)
    with pytest.raises(DomainError, match=r"at most 60 \(titles are read from the back"):
        s.add_group_card("g1", CardDraft("custom", LONG))
    with pytest.raises(DomainError, match="put the rest in the text"):
        s.add_deck_cards([CardDraft("activity", "Fine"), CardDraft("activity", LONG)])
    assert session_to_dict(s) == before  # all or nothing
    assert MAX_CARD_TITLE == 60
    s.add_group_card("g1", CardDraft("custom", "x" * 60 + "   "))  # spaces do not count


def test_an_edit_may_keep_an_old_long_title_but_not_write_a_new_one() -> None:
    """Files with longer titles still load (storage is unchanged) and their cards can be
    edited; a title is checked only when it changes."""
    s = make_session()
    s.deck = Deck("deck", "Deck", (Card(A, "activity", LONG, "old text"),))
    s.group("g1").cards.append(Card("own-1", "custom", LONG, ""))
    s.edit_deck_card(A, CardDraft("activity", LONG, "new text"))
    s.edit_group_card("g1", "own-1", CardDraft("custom", f"  {LONG} ", "new"))
    assert s.deck.card(A).text == "new text"
    with pytest.raises(DomainError, match="the title has 61 characters"):
        s.edit_deck_card(A, CardDraft("activity", "y" * 61))
    s.deck = Deck("deck", "Deck", (Card(A, "activity", f"{LONG}  ", "t"),))
    s.edit_deck_card(A, CardDraft("activity", LONG, "spaces around the old title"))
    with pytest.raises(DomainError, match="at most 60"):
        s.edit_group_card("g1", "own-1", CardDraft("custom", LONG + "!"))
    assert session_from_dict(session_to_dict(s)).deck.cards[0].title == LONG
