"""Comparing the groups' arrangements: places per card, agreement, disagreement."""

from __future__ import annotations

from dataclasses import replace

import pytest

from coprod_desktop.domain.compare import compare
from coprod_desktop.domain.model import Card, Session
from coprod_desktop.files import builtin as content


@pytest.fixture
def session() -> Session:
    s = content.new_session("Compare", ["A", "B", "C"])
    a, b, c = (g.id for g in s.groups)
    # every group: same place
    for g in (a, b, c):
        s.place(g, "principle-assets", "ladder-co-production")
    # three different places
    s.place(a, "activity-gp-time-bank", "ladder-co-production")
    s.place(b, "activity-gp-time-bank", "matrix-full-coproduction")
    s.place(c, "activity-gp-time-bank", "not-coproduction")
    # two places, all three groups
    s.place(a, "not-volunteering", "not-coproduction")
    s.place(b, "not-volunteering", "not-coproduction")
    s.place(c, "not-volunteering", "ladder-engagement")
    # two places, only two groups
    s.place(a, "activity-fast-sessions", "ladder-co-design")
    s.place(b, "activity-fast-sessions", "ladder-co-production")
    # same place but one group left it out: not agreed, not disputed
    s.place(a, "activity-library-hours-survey", "ladder-consultation")
    s.place(b, "activity-library-hours-survey", "ladder-consultation")
    return s


def ids(rows) -> list[str]:
    return [r.card.id for r in rows]


def test_every_deck_card_has_one_entry_per_group(session: Session) -> None:
    result = compare(session)
    assert ids(result.cards) == [c.id for c in session.deck.cards]
    row = next(r for r in result.cards if r.card.id == "activity-gp-time-bank")
    assert row.regions == ("ladder-co-production", "matrix-full-coproduction", "not-coproduction")
    assert result.group_names == ("A", "B", "C")


def test_agreed_means_every_group_same_region(session: Session) -> None:
    assert ids(compare(session).agreed()) == ["principle-assets"]


def test_disagreement_is_the_number_of_distinct_regions(session: Session) -> None:
    by_id = {r.card.id: r for r in compare(session).cards}
    assert by_id["activity-gp-time-bank"].disagreement == 3
    assert by_id["not-volunteering"].disagreement == 2
    assert by_id["activity-library-hours-survey"].disagreement == 1
    assert by_id["activity-library-hours-survey"].unplaced_by == (2,)
    assert by_id["principle-capabilities"].disagreement == 0


def test_most_disputed_first_then_more_groups_then_deck_order(session: Session) -> None:
    result = compare(session)
    assert ids(result.disputed()) == [
        "activity-gp-time-bank",
        "not-volunteering",
        "activity-fast-sessions",
    ]
    assert ids(result.disputed(limit=1)) == ["activity-gp-time-bank"]


def test_places_follow_board_order_with_their_groups(session: Session) -> None:
    result = compare(session)
    row = next(r for r in result.cards if r.card.id == "not-volunteering")
    places = result.places(row)
    order = [r.id for r in session.board.regions]
    assert [p.region.id for p in places] == sorted(
        ["not-coproduction", "ladder-engagement"], key=order.index
    )
    assert {p.region.id: p.groups for p in places} == {
        "not-coproduction": (0, 1),
        "ladder-engagement": (2,),
    }


def test_never_placed_and_placed(session: Session) -> None:
    result = compare(session)
    assert len(result.placed()) == 5
    assert "principle-capabilities" in [c.id for c in result.never_placed()]
    assert len(result.placed()) + len(result.never_placed()) == len(session.deck.cards)


def test_groups_own_cards_are_not_compared(session: Session) -> None:
    group = session.groups[0]
    group.cards.append(Card("own", "custom", "Our idea", ""))
    session.place(group.id, "own", "ladder-co-design")
    assert "own" not in ids(compare(session).cards)


def test_one_group_agrees_with_itself() -> None:
    s = content.new_session("Solo", ["Only"])
    s.place(s.groups[0].id, "principle-assets", "ladder-co-design")
    result = compare(s)
    assert ids(result.agreed()) == ["principle-assets"]
    assert result.disputed() == []


def test_contested_lists_three_place_cards_and_counts_two_place_ones(session: Session) -> None:
    contested = compare(session).contested()
    assert ids(contested.listed) == ["activity-gp-time-bank"]
    assert contested.two_places == 2  # not-volunteering, activity-fast-sessions
    assert contested.more == 0


def test_contested_caps_the_list(session: Session) -> None:
    a, b, c = (g.id for g in session.groups)
    for card in ("principle-capabilities", "principle-reciprocity"):
        session.place(a, card, "ladder-co-production")
        session.place(b, card, "ladder-co-design")
        session.place(c, card, "not-coproduction")
    contested = compare(session).contested(limit=2)
    three = {"activity-gp-time-bank", "principle-capabilities", "principle-reciprocity"}
    in_deck_order = [c.id for c in session.deck.cards if c.id in three]  # all tie
    assert ids(contested.listed) == in_deck_order[:2]
    assert contested.more == 1


def test_contested_lists_few_two_place_cards_when_none_has_three(session: Session) -> None:
    session.groups[2].placements = [
        p for p in session.groups[2].placements if p.card != "activity-gp-time-bank"
    ]
    contested = compare(session).contested()
    # three groups placed not-volunteering, then two groups each, in deck order
    two = {"activity-gp-time-bank", "activity-fast-sessions"}
    assert ids(contested.listed) == [
        "not-volunteering",
        *[c.id for c in session.deck.cards if c.id in two],
    ]
    assert contested.two_places == 0
    # many two-place cards: only counted
    crowd = compare(session).contested(limit=2)
    assert crowd.listed == ()
    assert crowd.two_places == 3


def test_notes_follow_the_groups(session: Session) -> None:
    a = session.groups[0].id
    session.place(a, "activity-gp-time-bank", "ladder-co-production")
    group = session.groups[0]
    group.placements = [
        replace(p, note="  Patients run it  ") if p.card == "activity-gp-time-bank" else p
        for p in group.placements
    ]
    row = next(r for r in compare(session).cards if r.card.id == "activity-gp-time-bank")
    assert row.note(0) == "Patients run it"
    assert row.note(1) == ""
